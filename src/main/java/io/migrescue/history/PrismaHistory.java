package io.migrescue.history;

import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import io.migrescue.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Prisma Migrate's {@code _prisma_migrations}. An unfinished row ({@code finished_at} and {@code rolled_back_at} NULL)
 * is a failed migration: P3009 blocks every later {@code migrate deploy} until it is resolved.
 */
final class PrismaHistory extends TableHistoryAdapter {
    PrismaHistory() {
        super("prisma", "_prisma_migrations", "migration_name", "finished_at", "rolled_back_at", "checksum");
    }

    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException {
        String sql =
                "SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count FROM "
                        + dialect.qualify(table.schema(), table.name()) + " ORDER BY started_at, migration_name";
        List<HistoryEntry> entries = Rows.entries(connection, sql, rs -> {
            String name = rs.getString("migration_name");
            EntryState state;
            if (rs.getTimestamp("rolled_back_at") != null) {
                state = EntryState.ROLLED_BACK;
            } else if (rs.getTimestamp("finished_at") != null) {
                state = EntryState.APPLIED;
            } else {
                state = EntryState.FAILED;
            }
            String logs = rs.getString("logs");
            return new HistoryEntry(
                    name,
                    name,
                    state,
                    Rows.instant(rs, state == EntryState.APPLIED ? "finished_at" : "started_at"),
                    rs.getString("checksum"),
                    logs == null ? null : logs.strip());
        });
        return new MigrationHistory(tool(), table.schema(), table.name(), entries, null);
    }
}
