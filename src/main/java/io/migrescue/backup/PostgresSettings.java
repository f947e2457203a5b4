package io.migrescue.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The transaction-local settings backup and restore both run under, so that what one writes the other reads back
 * exactly. They end with the transaction ({@code SET LOCAL}), leaving the session as it was.
 */
final class PostgresSettings {
    private PostgresSettings() {}

    static void apply(Connection connection, Duration lockTimeout) throws SQLException {
        try (Statement st = connection.createStatement()) {
            // every name in catalog definitions comes out schema-qualified, and means the same when run again
            st.execute("SET LOCAL search_path = pg_catalog");
            // one spelling of dates, intervals, floats (enough digits to read back the same value) and bytea
            st.execute("SET LOCAL DateStyle = 'ISO, MDY'");
            st.execute("SET LOCAL IntervalStyle = 'postgres'");
            st.execute("SET LOCAL extra_float_digits = 3");
            st.execute("SET LOCAL bytea_output = 'hex'");
            // a row-level security policy must make the backup fail, never quietly leave rows out of it (as pg_dump)
            st.execute("SET LOCAL row_security = off");
            // a big table takes as long as it takes: a role's statement timeout must not cut a COPY short
            st.execute("SET LOCAL statement_timeout = 0");
            // but never queue production traffic behind us for long: give up on a lock instead
            st.execute("SET LOCAL lock_timeout = '" + lockTimeout.toMillis() + "ms'");
        }
    }
}
