package io.migrescue.history;

import io.migrescue.model.HistoryEntry;
import io.migrescue.model.HistoryLock;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Small pieces every history writer needs. Column names are the tools' own and written in lower case: that is how
 * PostgreSQL stores the unquoted names Liquibase uses, and MySQL compares column names without case.
 */
final class HistorySql {
    private HistorySql() {}

    /** The history table where the reader found it. */
    static String table(Dialect dialect, MigrationHistory history) {
        return dialect.qualify(history.schema(), history.table());
    }

    static String column(Dialect dialect, String name) {
        return dialect.quote(name);
    }

    /** {@code "a", "b"}: a column list for INSERT. */
    static String columns(Dialect dialect, String... names) {
        return Arrays.stream(names).map(dialect::quote).collect(Collectors.joining(", "));
    }

    static List<HistoryEntry> entries(MigrationHistory history, String id) {
        return history.entries().stream().filter(e -> e.id().equals(id)).toList();
    }

    static Optional<HistoryEntry> entry(MigrationHistory history, String id) {
        return entries(history, id).stream().findFirst();
    }

    static void requireTool(MigrationHistory history, String tool) {
        if (!tool.equals(history.tool())) {
            throw new IllegalArgumentException(
                    "this writer writes " + tool + "'s history, not " + history.tool() + "'s");
        }
    }

    /** Deletes the row keyed {@code id} in {@code keyColumn}, as a tool's rollback does; no row, nothing to do. */
    static List<BoundStatement> deleteEntry(Dialect d, MigrationHistory h, String keyColumn, String id) {
        if (entry(h, id).isEmpty()) {
            return List.of();
        }
        return List.of(BoundStatement.of("DELETE FROM " + table(d, h) + " WHERE " + column(d, keyColumn) + " = ?", id));
    }

    /**
     * Deletes the row of {@code id} keyed by several columns ({@code keyOf} splits the id into their values), as a tool's
     * rollback does; no row, nothing to do (and {@code keyOf} is not asked).
     */
    static List<BoundStatement> deleteEntry(
            Dialect d, MigrationHistory h, String id, List<String> keyColumns, Function<String, List<?>> keyOf) {
        if (entry(h, id).isEmpty()) {
            return List.of();
        }
        String where = keyColumns.stream().map(c -> column(d, c) + " = ?").collect(Collectors.joining(" AND "));
        return List.of(BoundStatement.of(
                "DELETE FROM " + table(d, h) + " WHERE " + where,
                keyOf.apply(id).toArray()));
    }

    /**
     * The row of {@code from} renamed to {@code to} in its key column; nothing when it is renamed already. A row of
     * {@code to} next to one of {@code from} would make two rows of one migration: refused.
     */
    static List<BoundStatement> renameEntry(Dialect d, MigrationHistory h, String keyColumn, String from, Object to) {
        boolean target = entry(h, String.valueOf(to)).isPresent();
        if (entry(h, from).isEmpty()) {
            if (target) {
                return List.of();
            }
            throw new IllegalStateException(h.tool() + " records no migration " + from);
        }
        if (target && !from.equals(String.valueOf(to))) {
            throw new IllegalStateException(h.tool() + " records " + to + " already, next to " + from);
        }
        return List.of(BoundStatement.of(
                "UPDATE " + table(d, h) + " SET " + column(d, keyColumn) + " = ? WHERE " + column(d, keyColumn)
                        + " = ?",
                to,
                from));
    }

    /**
     * The statements {@code free} plans for the tool's lock, while the history shows it held; free already, or no lock
     * table: nothing to do.
     */
    static List<BoundStatement> whileLocked(
            MigrationHistory h, String tool, Function<HistoryLock, List<BoundStatement>> free) {
        requireTool(h, tool);
        HistoryLock lock = h.lock();
        return lock == null || !lock.locked() ? List.of() : free.apply(lock);
    }
}
