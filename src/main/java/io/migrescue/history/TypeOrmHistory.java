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
 * TypeORM's {@code migrations (id, timestamp, name)}: one row per executed migration class. Told from Laravel's
 * {@code migrations (id, migration, batch)} by its columns. TypeORM runs all pending migrations in one transaction by
 * default, so a failure on PostgreSQL leaves no row and nothing applied; on MySQL the DDL before it stays.
 */
final class TypeOrmHistory extends TableHistoryAdapter {
    TypeOrmHistory() {
        super(TypeOrmHistoryWriter.TOOL, "migrations", "id", "timestamp", "name");
    }

    @Override
    public boolean owns(TableShape table) {
        return super.owns(table) && !table.hasAnyColumn("migration", "batch");
    }

    /** By id, as TypeORM loads executed migrations ({@code loadExecutedMigrations}). */
    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException {
        String sql = "SELECT " + dialect.quote("timestamp") + ", " + dialect.quote("name") + " FROM "
                + dialect.qualify(table.schema(), table.name()) + " ORDER BY " + dialect.quote("id");
        List<HistoryEntry> entries = Rows.entries(connection, sql, rs -> {
            String name = rs.getString("name");
            return new HistoryEntry(name, name, EntryState.APPLIED, null, null, "timestamp " + rs.getLong("timestamp"));
        });
        return new MigrationHistory(tool(), table.schema(), table.name(), entries, null);
    }
}
