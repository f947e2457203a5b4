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
 * golang-migrate's {@code schema_migrations (version bigint, dirty boolean)}: one row, the current version.
 * {@code dirty = true} means the run of that version stopped part way ("Dirty database version N. Fix and force version.").
 */
final class GolangMigrateHistory extends TableHistoryAdapter {
    GolangMigrateHistory() {
        super("golang-migrate", "schema_migrations", "version", "dirty");
    }

    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException {
        String sql =
                "SELECT version, dirty FROM " + dialect.qualify(table.schema(), table.name()) + " ORDER BY version";
        List<HistoryEntry> entries = Rows.entries(connection, sql, rs -> {
            String version = Rows.text(rs, "version");
            boolean dirty = rs.getBoolean("dirty");
            return new HistoryEntry(
                    version,
                    version,
                    dirty ? EntryState.DIRTY : EntryState.APPLIED,
                    null,
                    null,
                    dirty ? "dirty" : null);
        });
        return new MigrationHistory(tool(), table.schema(), table.name(), entries, null);
    }
}
