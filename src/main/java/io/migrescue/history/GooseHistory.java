package io.migrescue.history;

import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import io.migrescue.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * goose's {@code goose_db_version (id, version_id, is_applied, tstamp)}. goose reads it newest row first and lets the
 * latest row of a version decide: goose before v3 recorded a down migration as a further row with
 * {@code is_applied = false} (read here as rolled back); v3 deletes the version's rows instead. Version 0 is the row
 * goose writes when it creates the table, not a migration. A failed migration leaves no row.
 */
final class GooseHistory extends TableHistoryAdapter {
    GooseHistory() {
        super(GooseHistoryWriter.TOOL, "goose_db_version", "version_id", "is_applied");
    }

    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException {
        String sql = "SELECT version_id, is_applied, tstamp FROM " + dialect.qualify(table.schema(), table.name())
                + " ORDER BY id";
        List<HistoryEntry> rows = Rows.entries(connection, sql, rs -> {
            String version = Long.toString(rs.getLong("version_id"));
            if (version.equals("0")) {
                return null;
            }
            EntryState state = rs.getBoolean("is_applied") ? EntryState.APPLIED : EntryState.ROLLED_BACK;
            return new HistoryEntry(version, version, state, Rows.instant(rs, "tstamp"), null, null);
        });
        Map<String, HistoryEntry> latest = new LinkedHashMap<>();
        for (HistoryEntry row : rows) {
            latest.remove(row.id()); // a later row of the same version moves it to where it was last recorded
            latest.put(row.id(), row);
        }
        return new MigrationHistory(tool(), table.schema(), table.name(), new ArrayList<>(latest.values()), null);
    }
}
