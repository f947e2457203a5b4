package io.migrescue.history;

import io.migrescue.catalog.CatalogReader;
import io.migrescue.db.DatabaseSession;
import io.migrescue.model.Engine;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds every migration tool's history table in the schemas in scope, and in the schemas some tools always use
 * (Drizzle's {@code drizzle}, Supabase's {@code supabase_migrations}, Atlas's {@code atlas_schema_revisions}), in one
 * query, and reads each one found.
 */
public final class HistoryReader {
    private HistoryReader() {}

    public static List<MigrationHistory> readAll(
            DatabaseSession session, List<String> schemas, List<HistoryAdapter> adapters) throws SQLException {
        Engine engine = session.engine();
        Set<String> searched = new LinkedHashSet<>(schemas);
        adapters.forEach(a -> searched.addAll(a.extraSchemas(engine)));
        List<TableShape> found = CatalogReader.of(engine)
                .tableShapes(session.connection(), List.copyOf(searched), HistoryAdapters.tableNames(adapters));
        List<MigrationHistory> histories = new ArrayList<>();
        for (TableShape table : found) {
            for (HistoryAdapter adapter : adapters) {
                if (looksIn(adapter, table.schema(), schemas, engine) && adapter.owns(table)) {
                    histories.add(adapter.read(session.connection(), session.dialect(), table, found));
                }
            }
        }
        return histories;
    }

    /**
     * A schema outside the scope is only the business of the tool that always keeps its history there: a
     * {@code schema_migrations} in {@code supabase_migrations} is the Supabase CLI's, never a Rails history to report.
     */
    private static boolean looksIn(HistoryAdapter adapter, String schema, List<String> scope, Engine engine) {
        return scope.contains(schema) || adapter.extraSchemas(engine).contains(schema);
    }
}
