package io.migrescue.history;

import io.migrescue.catalog.CatalogReader;
import io.migrescue.db.DatabaseSession;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Finds every migration tool's history table in the schemas in scope (one query) and reads each one found. */
public final class HistoryReader {
    private HistoryReader() {
    }

    public static List<MigrationHistory> readAll(DatabaseSession session, List<String> schemas, List<HistoryAdapter> adapters)
            throws SQLException {
        List<TableShape> found = CatalogReader.of(session.engine())
                .tableShapes(session.connection(), schemas, HistoryAdapters.tableNames(adapters));
        List<MigrationHistory> histories = new ArrayList<>();
        for (TableShape table : found) {
            for (HistoryAdapter adapter : adapters) {
                if (adapter.owns(table)) {
                    histories.add(adapter.read(session.connection(), session.dialect(), table, found));
                }
            }
        }
        return histories;
    }
}
