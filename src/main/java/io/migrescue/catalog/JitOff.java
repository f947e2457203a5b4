package io.migrescue.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * PostgreSQL's JIT switched off for a catalog read. The planner prices the dependency query's per-row lookups as if
 * they were scans (several million cost units on a 2,000-table schema), so with the default {@code jit_above_cost}
 * it compiles the query: 1.5 s to 15 s of LLVM optimisation for a query that runs in a few milliseconds.
 */
final class JitOff {
    private JitOff() {}

    /** @return the session's setting before, for {@link #restore}; null on a server without the setting (before 11) */
    static String switchOff(Connection connection) throws SQLException {
        String before;
        try (PreparedStatement ps = connection.prepareStatement("SELECT current_setting('jit', true)");
                ResultSet rs = ps.executeQuery()) {
            before = rs.next() ? rs.getString(1) : null;
        }
        if (before != null) {
            set(connection, "off");
        }
        return before;
    }

    static void restore(Connection connection, String before) throws SQLException {
        if (before != null) {
            set(connection, before);
        }
    }

    private static void set(Connection connection, String value) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT set_config('jit', ?, false)")) {
            ps.setString(1, value);
            ps.executeQuery().close();
        }
    }
}
