package io.migrescue.app;

import io.migrescue.catalog.CatalogReader;
import io.migrescue.catalog.MySqlColumnDetails;
import io.migrescue.catalog.MySqlDefinedObjects;
import io.migrescue.catalog.PostgresDefinedObjects;
import io.migrescue.catalog.RowCounts;
import io.migrescue.db.DatabaseSession;
import io.migrescue.diff.QualifiedName;
import io.migrescue.diff.Snapshot;
import io.migrescue.history.HistoryAdapters;
import io.migrescue.history.HistoryReader;
import io.migrescue.model.Catalog;
import io.migrescue.model.DefinedObject;
import io.migrescue.model.Engine;
import io.migrescue.model.MigrationHistory;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads one side of a diff: the whole catalog of its schemas, its migration histories, and row counts if asked. */
final class DiffSideReader {
    /**
     * Schemas a migration tool keeps its history in, whatever schemas the application uses: the Supabase CLI writes
     * {@code supabase_migrations.schema_migrations}. Read for history only, when they exist.
     */
    private static final List<String> TOOL_SCHEMAS = List.of("supabase_migrations");

    private DiffSideReader() {}

    record Side(Snapshot snapshot, Map<QualifiedName, Long> counts) {}

    static Side read(DatabaseSession session, List<String> schemas, List<String> existing, CountMode counts)
            throws SQLException {
        CatalogReader reader = CatalogReader.of(session.engine());
        Catalog catalog = reader.readWithTypes(session.connection(), schemas);
        List<String> historyScope = new ArrayList<>(schemas);
        TOOL_SCHEMAS.stream()
                .filter(existing::contains)
                .filter(s -> !schemas.contains(s))
                .forEach(historyScope::add);
        List<MigrationHistory> histories = HistoryReader.readAll(session, historyScope, HistoryAdapters.all());
        Map<QualifiedName, Long> rows = new HashMap<>();
        List<RowCounts.TableRows> read = switch (counts) {
            case NONE -> List.of();
            case ESTIMATE -> RowCounts.estimated(session.engine(), session.connection(), schemas);
            case EXACT -> RowCounts.exact(session.engine(), session.connection(), catalog.tables());
        };
        read.forEach(r -> rows.put(new QualifiedName(r.schema(), r.table()), r.rows()));
        List<DefinedObject> defined;
        if (session.engine() == Engine.POSTGRESQL) {
            defined = PostgresDefinedObjects.read(session.connection(), schemas);
        } else {
            catalog = MySqlColumnDetails.read(session.connection(), catalog);
            defined = MySqlDefinedObjects.read(session.connection(), session.engine(), schemas);
        }
        return new Side(
                new Snapshot(catalog, List.copyOf(existing), List.copyOf(histories), List.copyOf(defined)), rows);
    }
}
