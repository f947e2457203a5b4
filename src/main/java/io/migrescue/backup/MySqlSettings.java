package io.migrescue.backup;

import io.migrescue.model.Engine;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The session settings MySQL/MariaDB backup and restore both run under, and the way back to the session's own.
 * MySQL has no {@code SET LOCAL}: the previous values are read first and set again by {@link #close()}.
 */
final class MySqlSettings implements AutoCloseable {
    /**
     * No ANSI_QUOTES (so SHOW CREATE TABLE speaks backticks), no NO_ZERO_DATE (a zero date that is in a table must go
     * back in), NO_AUTO_VALUE_ON_ZERO (an id 0 that is in a table must stay 0), strict (a value that does not fit
     * fails loudly instead of being cut).
     */
    static final String SQL_MODE = "STRICT_ALL_TABLES,NO_AUTO_VALUE_ON_ZERO,NO_ENGINE_SUBSTITUTION";

    private final Connection connection;
    private final Map<String, String> previous;

    private MySqlSettings(Connection connection, Map<String, String> previous) {
        this.connection = connection;
        this.previous = previous;
    }

    /**
     * @param extra further {@code name -> SQL value} settings, e.g. {@code foreign_key_checks -> 0}
     */
    static MySqlSettings apply(Connection connection, Engine engine, int lockWaitSeconds, Map<String, String> extra)
            throws SQLException {
        Map<String, String> wanted = new LinkedHashMap<>();
        // a big table takes as long as it takes: a server-wide limit on SELECT time must not cut the backup short
        wanted.put(engine.statementTimeoutVariable(), "0");
        // TIMESTAMP values are shown in the session's zone: UTC on both sides means no DST hour is ever ambiguous
        wanted.put("time_zone", "'+00:00'");
        wanted.put("sql_mode", null); // decided below, once the session's own mode is known
        wanted.put("sql_quote_show_create", "1");
        wanted.put("lock_wait_timeout", String.valueOf(lockWaitSeconds));
        wanted.putAll(extra);
        Map<String, String> previous = new LinkedHashMap<>();
        try (Statement st = connection.createStatement()) {
            List<String> names = new ArrayList<>(wanted.keySet());
            try (ResultSet rs = st.executeQuery("SELECT "
                    + String.join(
                            ", ", names.stream().map(n -> "@@session." + n).toList()))) {
                rs.next();
                for (int i = 0; i < names.size(); i++) {
                    previous.put(names.get(i), rs.getString(i + 1));
                }
            }
            // Connector/J escapes bound strings by the mode it saw when connecting: keep NO_BACKSLASH_ESCAPES as it was
            String mode = previous.get("sql_mode");
            boolean noBackslashEscapes =
                    mode != null && mode.toUpperCase(java.util.Locale.ROOT).contains("NO_BACKSLASH_ESCAPES");
            wanted.put("sql_mode", "'" + SQL_MODE + (noBackslashEscapes ? ",NO_BACKSLASH_ESCAPES" : "") + "'");
            st.execute("SET "
                    + String.join(
                            ", ",
                            wanted.entrySet().stream()
                                    .map(e -> "SESSION " + e.getKey() + " = " + e.getValue())
                                    .toList()));
        }
        return new MySqlSettings(connection, previous);
    }

    @Override
    public void close() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SET "
                    + String.join(
                            ", ",
                            previous.entrySet().stream()
                                    .map(e -> "SESSION " + e.getKey() + " = " + literal(e.getValue()))
                                    .toList()));
        }
    }

    /** A value as the server gave it back: numbers bare (boolean and numeric variables refuse strings), else quoted. */
    private static String literal(String value) {
        if (value == null) {
            return "DEFAULT";
        }
        if (value.matches("-?\\d+(\\.\\d+)?")) {
            return value;
        }
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
