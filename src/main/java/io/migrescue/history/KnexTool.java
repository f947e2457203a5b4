package io.migrescue.history;

import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.HistoryLock;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Knex's {@code knex_migrations (id, name, batch, migration_time)} and its lock table {@code knex_migrations_lock
 * (index, is_locked)}, named after the history table ({@code <table>_lock}). A failed migration leaves no row; a run
 * killed while it held the lock leaves {@code is_locked = 1}, and every later run stops with "Migration table is
 * already locked" until it is freed.
 *
 * <p>Writes Knex's tables as Knex 3.3 does (lib/migrations/migrate/Migrator.js {@code _waterfallBatch}, {@code
 * forceFreeMigrationsLock}; proven with real Knex on both engines in KnexRealToolIT). A migration is known by its file
 * name with the extension: {@code 20240301000000_orders.js}.
 */
final class KnexTool extends RowPerMigrationTool {
    static final String TOOL = "knex";

    KnexTool() {
        super(
                TOOL,
                TABLE,
                "name",
                new Refusals(
                        null,
                        "Knex has no dirty flag: a migration has a row or none; a killed run leaves"
                                + " its lock held, which releaseLock frees"),
                "id",
                "name",
                "batch",
                "migration_time");
    }

    @Override
    public boolean recordsByNameAlone() {
        return true;
    }

    @Override
    protected Optional<TransactionSwitch> transactionSwitch() {
        return Optional.of(
                new TransactionSwitch("transaction\\s*:\\s*false", "exports.config = { transaction: false }"));
    }

    @Override
    public Optional<String> outOfOrderRule() {
        return Optional.of("knex migrate:latest runs it next, after migrations written later");
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

    private static final String TABLE = "knex_migrations";

    @Override
    public Set<String> tableNames() {
        return Set.of(TABLE, lockTable(TABLE));
    }

    @Override
    public Set<String> lockTablesFor(String historyTable) {
        return Set.of(lockTable(historyTable).toLowerCase(Locale.ROOT));
    }

    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException {
        String sql = "SELECT name, batch, migration_time FROM " + dialect.qualify(table.schema(), table.name())
                + " ORDER BY id";
        List<HistoryEntry> entries = Rows.entries(connection, sql, rs -> {
            String name = rs.getString("name");
            return new HistoryEntry(
                    name,
                    name,
                    EntryState.APPLIED,
                    Rows.instant(rs, "migration_time"),
                    null,
                    "batch " + rs.getInt("batch"));
        });
        HistoryLock lock = null;
        for (TableShape candidate : found) {
            if (candidate.named(lockTable(table.name()))
                    && candidate.schema().equals(table.schema())
                    && candidate.hasColumns("is_locked")) {
                lock = readLock(connection, dialect, candidate);
            }
        }
        return new MigrationHistory(tool(), table.schema(), table.name(), entries, lock);
    }

    /** Knex takes the lock with {@code UPDATE … SET is_locked = 1 WHERE is_locked = 0}: any row at 1 stops it. */
    private static HistoryLock readLock(Connection connection, Dialect dialect, TableShape lockTable)
            throws SQLException {
        String sql = "SELECT COUNT(*) FROM " + dialect.qualify(lockTable.schema(), lockTable.name())
                + " WHERE is_locked = 1";
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return new HistoryLock(lockTable.name(), rs.getLong(1) > 0, null, null);
        }
    }

    static String lockTable(String historyTable) {
        return historyTable + "_lock";
    }
}
