package io.migrescue.history;

import io.migrescue.model.HistoryLock;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import java.time.Instant;
import java.util.List;

/**
 * Writes Knex's tables as Knex 3.3 does (lib/migrations/migrate/Migrator.js {@code _waterfallBatch}, {@code
 * forceFreeMigrationsLock}; proven with real Knex on both engines in KnexRealToolIT). A migration is known by its file
 * name with the extension: {@code 20240301000000_orders.js}.
 */
final class KnexHistoryWriter extends RowPerMigrationWriter {
    static final String TOOL = "knex";

    KnexHistoryWriter() {
        super(
                TOOL,
                "name",
                new Refusals(
                        null,
                        "Knex has no dirty flag: a migration has a row or none; a killed run leaves"
                                + " its lock held, which releaseLock frees"));
    }

    /**
     * Inserts {@code (name, batch, migration_time)} with batch = highest batch + 1, as {@code migrate:latest} numbers a
     * new run, so {@code migrate:rollback} undoes this migration alone. {@code migration_time} is Knex's
     * {@code new Date()}: an instant, written here as the same instant in any session time zone.
     */
    @Override
    BoundStatement insert(Dialect d, MigrationHistory h, String name, Instant now) {
        Timestamps.Value time = Timestamps.databaseClock(d, now);
        return BoundStatement.of(
                "INSERT INTO " + HistorySql.table(d, h) + " ("
                        + HistorySql.columns(d, "name", "batch", "migration_time") + ") SELECT ?, COALESCE(MAX("
                        + HistorySql.column(d, "batch") + "), 0) + 1, " + time.sql()
                        + " FROM " + HistorySql.table(d, h),
                name,
                time.param());
    }

    /**
     * {@code knex migrate:unlock}: empties the lock table and inserts one free row ({@code is_locked = 0}), which also
     * mends a lock table with several rows (Knex's lock update must match exactly one). Free already: nothing to do.
     */
    @Override
    public List<BoundStatement> releaseLock(Dialect d, MigrationHistory h) {
        HistorySql.requireTool(h, TOOL);
        HistoryLock lock = h.lock();
        if (lock == null || !lock.locked()) {
            return List.of();
        }
        String table = d.qualify(h.schema(), lock.table());
        return List.of(
                BoundStatement.of("DELETE FROM " + table),
                BoundStatement.of(
                        "INSERT INTO " + table + " (" + HistorySql.column(d, "is_locked") + ") VALUES (?)", 0));
    }
}
