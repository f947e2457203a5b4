package io.migrescue.history;

import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.HistoryLock;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import io.migrescue.sql.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Knex's {@code knex_migrations (id, name, batch, migration_time)} and its lock table {@code knex_migrations_lock
 * (index, is_locked)}, named after the history table ({@code <table>_lock}). A failed migration leaves no row; a run
 * killed while it held the lock leaves {@code is_locked = 1}, and every later run stops with "Migration table is
 * already locked" until it is freed.
 */
final class KnexHistory extends TableHistoryAdapter {
    private static final String TABLE = "knex_migrations";

    KnexHistory() {
        super(KnexHistoryWriter.TOOL, TABLE, "id", "name", "batch", "migration_time");
    }

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
