package io.migrescue.history;

import io.migrescue.model.HistoryEntry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for reading history rows the same way on every engine. */
final class Rows {
    private Rows() {}

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    /** Text of a column that may be a number on one engine and text on another. */
    static String text(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? null : String.valueOf(value);
    }

    /** One history row read into an entry; null for a row that is no migration (skipped). */
    @FunctionalInterface
    interface EntryRow {
        HistoryEntry read(ResultSet rs) throws SQLException;
    }

    /** Every row {@code sql} selects, in its order, as history entries: the read loop every tool's adapter shares. */
    static List<HistoryEntry> entries(Connection connection, String sql, EntryRow row) throws SQLException {
        List<HistoryEntry> entries = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                HistoryEntry entry = row.read(rs);
                if (entry != null) {
                    entries.add(entry);
                }
            }
        }
        return entries;
    }
}
