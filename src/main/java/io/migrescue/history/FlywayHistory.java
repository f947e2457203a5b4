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
 * Flyway's {@code flyway_schema_history}. A failed run on MySQL/MariaDB (non-transactional DDL) and a failed
 * non-transactional migration on PostgreSQL leave a {@code success = false} row; Flyway's own lock is an advisory
 * lock held only while it runs.
 */
final class FlywayHistory extends TableHistoryAdapter {
    FlywayHistory() {
        super("flyway", "flyway_schema_history", "installed_rank", "version", "script", "success");
    }

    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException {
        String sql = "SELECT installed_rank, version, description, type, script, checksum, installed_on, success FROM "
                + dialect.qualify(table.schema(), table.name()) + " ORDER BY installed_rank";
        List<HistoryEntry> entries = Rows.entries(connection, sql, rs -> {
            String type = rs.getString("type");
            if ("SCHEMA".equals(type)) {
                return null; // Flyway's marker that it created the schema, not a migration
            }
            String version = rs.getString("version");
            String script = rs.getString("script");
            EntryState state = rs.getBoolean("success") ? EntryState.APPLIED : EntryState.FAILED;
            return new HistoryEntry(
                    version != null ? version : script,
                    rs.getString("description"),
                    state,
                    Rows.instant(rs, "installed_on"),
                    Rows.text(rs, "checksum"),
                    type + " " + script);
        });
        return new MigrationHistory(tool(), table.schema(), table.name(), entries, null);
    }
}
