package io.migrescue.history;

import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import io.migrescue.sql.Dialect;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * The Supabase CLI's {@code supabase_migrations.schema_migrations (version, statements, name)}. Each migration runs in
 * one implicit transaction with its row, so a failure leaves no row and nothing applied. Told from Rails' and
 * golang-migrate's {@code schema_migrations} by its {@code statements} column (or, on a table from a CLI old enough
 * to have only {@code version}, by its schema).
 */
final class SupabaseHistory extends TableHistoryAdapter {
    static final String SCHEMA = "supabase_migrations";

    SupabaseHistory() {
        super(SupabaseHistoryWriter.TOOL, "schema_migrations", "version");
    }

    @Override
    public Set<String> extraSchemas(Engine engine) {
        return engine == Engine.POSTGRESQL ? Set.of(SCHEMA) : Set.of();
    }

    @Override
    public boolean owns(TableShape table) {
        return super.owns(table)
                && !table.hasAnyColumn("dirty")
                && (table.hasColumns("statements") || SCHEMA.equals(table.schema()));
    }

    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException {
        boolean full = table.hasColumns("statements", "name");
        String sql = "SELECT version" + (full ? ", name, statements" : "") + " FROM "
                + dialect.qualify(table.schema(), table.name()) + " ORDER BY version";
        List<HistoryEntry> entries = Rows.entries(connection, sql, rs -> {
            String version = rs.getString("version");
            String name = full ? rs.getString("name") : null;
            return new HistoryEntry(
                    version,
                    name == null || name.isEmpty() ? version : name,
                    EntryState.APPLIED,
                    null,
                    null,
                    full ? statements(rs.getArray("statements")) : null);
        });
        return new MigrationHistory(tool(), table.schema(), table.name(), entries, null);
    }

    private static String statements(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Object[] values = (Object[]) array.getArray();
        return values.length + (values.length == 1 ? " statement" : " statements");
    }
}
