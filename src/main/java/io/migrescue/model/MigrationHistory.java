package io.migrescue.model;

import java.util.List;
import java.util.Optional;

/**
 * One migration tool's history as found in the database.
 *
 * @param tool    the tool id, e.g. {@code flyway}, {@code golang-migrate}
 * @param entries oldest first, as the tool orders them
 * @param lock    the tool's lock table state, or null when the tool keeps none
 */
public record MigrationHistory(String tool, String schema, String table, List<HistoryEntry> entries, HistoryLock lock) {
    public MigrationHistory {
        entries = List.copyOf(entries);
    }

    /** {@code schema.table}: where the history table is, as reports and findings name it. */
    public String qualifiedTable() {
        return schema + "." + table;
    }

    public List<HistoryEntry> failed() {
        return entries.stream().filter(e -> e.state() == EntryState.FAILED).toList();
    }

    public List<HistoryEntry> dirtyEntries() {
        return entries.stream().filter(e -> e.state() == EntryState.DIRTY).toList();
    }

    public boolean dirty() {
        return !dirtyEntries().isEmpty();
    }

    public boolean locked() {
        return lock != null && lock.locked();
    }

    public long appliedCount() {
        return entries.stream().filter(e -> e.state() == EntryState.APPLIED).count();
    }

    public Optional<HistoryEntry> latestApplied() {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).state() == EntryState.APPLIED) {
                return Optional.of(entries.get(i));
            }
        }
        return Optional.empty();
    }

    /** Something here stops the tool's next run: a failed or dirty entry, or a held lock. */
    public boolean needsAttention() {
        return !failed().isEmpty() || dirty() || locked();
    }
}
