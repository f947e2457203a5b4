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
 * Alembic's {@code alembic_version (version_num)}: not a log but the current head revision(s), one row per branch.
 * A failed upgrade leaves it at the revision before (the whole run is one transaction on PostgreSQL; on MySQL the DDL
 * before the failure stays while the version does not move).
 */
final class AlembicHistory extends TableHistoryAdapter {
    AlembicHistory() {
        super(AlembicHistoryWriter.TOOL, "alembic_version", "version_num");
    }

    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException {
        String sql =
                "SELECT version_num FROM " + dialect.qualify(table.schema(), table.name()) + " ORDER BY version_num";
        List<HistoryEntry> entries = Rows.entries(connection, sql, rs -> {
            String revision = rs.getString(1);
            return new HistoryEntry(revision, revision, EntryState.APPLIED, null, null, "head");
        });
        return new MigrationHistory(tool(), table.schema(), table.name(), entries, null);
    }
}
