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
 * Sequelize's {@code SequelizeMeta (name)} (sequelize-cli through umzug's SequelizeStorage): one row per applied
 * migration file, named with its extension. A failure leaves no row.
 */
final class SequelizeHistory extends TableHistoryAdapter {
    SequelizeHistory() {
        super(SequelizeHistoryWriter.TOOL, "SequelizeMeta", "name");
    }

    /** In umzug's order: by name ({@code executed()} sorts by the name column), which is file order. */
    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException {
        String sql = "SELECT " + dialect.quote("name") + " FROM " + dialect.qualify(table.schema(), table.name())
                + " ORDER BY " + dialect.quote("name");
        List<HistoryEntry> entries = Rows.entries(connection, sql, rs -> {
            String name = rs.getString(1);
            return new HistoryEntry(name, name, EntryState.APPLIED, null, null, null);
        });
        return new MigrationHistory(tool(), table.schema(), table.name(), entries, null);
    }
}
