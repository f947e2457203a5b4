package io.migrescue.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs one statement of the restore's own making (identifiers already quoted by the dialect) on a connection. */
record Sql(Connection connection) {

    void execute(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    /** Rows changed (for an UPDATE on MySQL/MariaDB: rows matched, Connector/J's default). */
    long update(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            return st.executeLargeUpdate(sql);
        }
    }

    /** The first column of the first row, as a number: a count, a maximum. */
    long number(String sql) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
