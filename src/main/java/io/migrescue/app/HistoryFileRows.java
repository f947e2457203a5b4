package io.migrescue.app;

import io.migrescue.history.FlywayChecksums;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.MigrationFile;
import java.util.List;
import java.util.Set;

/** The history rows and file facts the comparison of history and files reads, with Flyway's own rules for them. */
final class HistoryFileRows {
    private HistoryFileRows() {}

    /**
     * Applied rows, oldest first; for Flyway only versioned ones, and none of a version {@code flyway repair} marked
     * deleted (a DELETE row).
     */
    static List<HistoryEntry> applied(MigrationHistory h) {
        List<HistoryEntry> applied = h.entries().stream()
                .filter(e -> e.state() == EntryState.APPLIED)
                .toList();
        if (!"flyway".equals(h.tool())) {
            return applied;
        }
        Set<String> deleted = new java.util.HashSet<>(applied.stream()
                .filter(e -> type(e).equals("DELETE"))
                .map(HistoryEntry::id)
                .toList());
        return applied.stream()
                .filter(e -> !deleted.contains(e.id())
                        && e.id() != null
                        && e.id().matches("[0-9][0-9._]*")
                        && !type(e).contains("BASELINE"))
                .toList();
    }

    private static String type(HistoryEntry e) {
        return e.detail() == null ? "" : e.detail().split(" ", 2)[0];
    }

    static String fileName(MigrationFile f) {
        return f.path() == null ? f.id() : f.path().getFileName().toString();
    }

    static String checksum(String tool, MigrationFile f) {
        if (!"flyway".equals(tool)) {
            return null;
        }
        Integer sum = FlywayChecksums.checksum(f);
        return sum == null ? null : sum.toString();
    }
}
