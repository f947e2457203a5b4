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
 * Django's {@code django_migrations (id, app, name, applied)}. A migration is {@code app.name}, as Django prints it
 * ("Applying shop.0003_add_fk..."). Each migration is atomic on PostgreSQL, so a failure leaves no row and nothing
 * applied; on MySQL its DDL before the failure stays, still without a row.
 */
final class DjangoHistory extends TableHistoryAdapter {
    DjangoHistory() {
        super(DjangoHistoryWriter.TOOL, "django_migrations", "app", "name", "applied");
    }

    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException {
        String sql = "SELECT app, name, applied FROM " + dialect.qualify(table.schema(), table.name()) + " ORDER BY id";
        List<HistoryEntry> entries = Rows.entries(connection, sql, rs -> {
            String id = rs.getString("app") + "." + rs.getString("name");
            return new HistoryEntry(id, id, EntryState.APPLIED, Rows.instant(rs, "applied"), null, null);
        });
        return new MigrationHistory(tool(), table.schema(), table.name(), entries, null);
    }
}
