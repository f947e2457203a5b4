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
 * Laravel's {@code migrations (id, migration, batch)}. A failure leaves no row, so the history alone never shows one:
 * the live schema and the error text do (diagnosis).
 */
final class LaravelHistory extends TableHistoryAdapter {
    LaravelHistory() {
        // TypeORM's table of the same name has (id, timestamp, name) instead
        super("laravel", "migrations", "id", "migration", "batch");
    }

    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException {
        String sql =
                "SELECT id, migration, batch FROM " + dialect.qualify(table.schema(), table.name()) + " ORDER BY id";
        List<HistoryEntry> entries = Rows.entries(connection, sql, rs -> {
            String migration = rs.getString("migration");
            return new HistoryEntry(
                    migration, migration, EntryState.APPLIED, null, null, "batch " + rs.getInt("batch"));
        });
        return new MigrationHistory(tool(), table.schema(), table.name(), entries, null);
    }
}
