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
 * Rails' {@code schema_migrations (version varchar)}: one row per applied migration. Told from golang-migrate by the
 * missing {@code dirty} column and from the Supabase CLI by the missing {@code statements} column (and by the schema
 * {@code supabase_migrations}, where even a version-only table is the Supabase CLI's).
 */
final class RailsHistory extends TableHistoryAdapter {
    RailsHistory() {
        super("rails", "schema_migrations", "version");
    }

    @Override
    public boolean owns(TableShape table) {
        return super.owns(table)
                && !table.hasAnyColumn("dirty", "statements", "name")
                && !SupabaseHistory.SCHEMA.equals(table.schema());
    }

    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException {
        String sql = "SELECT version FROM " + dialect.qualify(table.schema(), table.name()) + " ORDER BY version";
        List<HistoryEntry> entries = Rows.entries(connection, sql, rs -> {
            String version = rs.getString("version");
            return new HistoryEntry(version, version, EntryState.APPLIED, null, null, null);
        });
        return new MigrationHistory(tool(), table.schema(), table.name(), entries, null);
    }
}
