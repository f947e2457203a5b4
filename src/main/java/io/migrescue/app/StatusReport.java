package io.migrescue.app;

import io.migrescue.model.DatabaseInfo;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to "what state is this database in?".
 *
 * @param tablesPerSchema tables per schema in scope, in the order asked
 * @param invalidIndexes  {@code schema.table.index} of indexes a failed concurrent build left invalid (PostgreSQL)
 * @param editedMigrations one line per applied migration whose file was edited afterwards (its checksum differs)
 */
public record StatusReport(
        DatabaseInfo database,
        Map<String, Integer> tablesPerSchema,
        List<MigrationHistory> history,
        List<String> invalidIndexes,
        List<String> editedMigrations) {
    public StatusReport {
        tablesPerSchema = Collections.unmodifiableMap(new LinkedHashMap<>(tablesPerSchema)); // keeps the order asked
        history = List.copyOf(history);
        invalidIndexes = List.copyOf(invalidIndexes);
        editedMigrations = List.copyOf(editedMigrations);
    }

    public StatusReport(
            DatabaseInfo database,
            Map<String, Integer> tablesPerSchema,
            List<MigrationHistory> history,
            List<String> invalidIndexes) {
        this(database, tablesPerSchema, history, invalidIndexes, List.of());
    }

    public int tableCount() {
        return tablesPerSchema.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** One line per thing that stops the next deploy, in the order an operator should look at them. */
    public List<String> attention() {
        List<String> items = new ArrayList<>();
        for (MigrationHistory h : history) {
            String where = h.tool() + " (" + h.qualifiedTable() + ")";
            for (HistoryEntry e : h.failed()) {
                items.add(where + ": migration " + e.id() + describe(e) + " failed");
            }
            for (HistoryEntry e : h.dirtyEntries()) {
                items.add(where + ": version " + e.id() + " is dirty (the run stopped part way)");
            }
            if (h.locked()) {
                items.add(where + ": lock held in " + h.lock().table()
                        + (h.lock().holder() == null ? "" : " by " + h.lock().holder())
                        + (h.lock().since() == null ? "" : " since " + h.lock().since()));
            }
        }
        items.addAll(editedMigrations);
        for (String index : invalidIndexes) {
            items.add("index " + index + " is invalid (a failed CREATE INDEX CONCURRENTLY)");
        }
        return items;
    }

    public boolean healthy() {
        return attention().isEmpty();
    }

    private static String describe(HistoryEntry e) {
        return e.description() == null || e.description().equals(e.id()) ? "" : " (" + e.description() + ")";
    }
}
