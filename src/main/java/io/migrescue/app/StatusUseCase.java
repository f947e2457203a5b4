package io.migrescue.app;

import io.migrescue.catalog.CatalogReader;
import io.migrescue.db.DatabaseSession;
import io.migrescue.failure.MigrescueException;
import io.migrescue.history.HistoryAdapters;
import io.migrescue.history.HistoryReader;
import io.migrescue.model.MigrationHistory;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code status}: engine, version, schemas, table count and every migration tool's failed, dirty or locked entries.
 * Reads far less than a dump: table counts, history tables and invalid indexes, in a handful of queries.
 */
public final class StatusUseCase {
    private StatusUseCase() {}

    public static StatusReport run(DatabaseSession session, List<String> requestedSchemas, String tool) {
        return run(session, requestedSchemas, tool, null);
    }

    /** @param historyTable the history table's name when the tool's was configured otherwise, or null */
    public static StatusReport run(
            DatabaseSession session, List<String> requestedSchemas, String tool, String historyTable) {
        return run(session, requestedSchemas, tool, historyTable, null);
    }

    /** @param migrationsDir where the migration files are, or null: then edited migrations are not looked for */
    public static StatusReport run(
            DatabaseSession session,
            List<String> requestedSchemas,
            String tool,
            String historyTable,
            Path migrationsDir) {
        return run(session, requestedSchemas, tool, historyTable, migrationsDir, null);
    }

    /** @param errorText the tool's output, or null: Liquibase's names the structural changesets edited since they ran */
    public static StatusReport run(
            DatabaseSession session,
            List<String> requestedSchemas,
            String tool,
            String historyTable,
            Path migrationsDir,
            String errorText) {
        List<String> schemas = Scope.resolve(session.info(), requestedSchemas);
        CatalogReader catalog = CatalogReader.of(session.engine());
        try {
            Map<String, Integer> counts = catalog.tableCounts(session.connection(), schemas);
            List<String> missing =
                    schemas.stream().filter(s -> !counts.containsKey(s)).toList();
            if (!missing.isEmpty()) {
                throw MigrescueException.usage(
                        (session.engine().isMySqlFamily() ? "no database named " : "no schema named ")
                                + String.join(", ", missing) + " on this server");
            }
            Map<String, Integer> ordered = new LinkedHashMap<>();
            schemas.forEach(s -> ordered.put(s, counts.get(s)));
            List<MigrationHistory> history =
                    HistoryReader.readAll(session, schemas, HistoryAdapters.select(tool, historyTable));
            List<String> invalid = catalog.invalidIndexes(session.connection(), schemas);
            List<io.migrescue.sql.MigrationFile> files = MigrationDirectory.list(migrationsDir, new ArrayList<>());
            List<String> edited = new ArrayList<>(EditedMigrations.describe(
                    session, schemas, EditedMigrations.find(history, files, session.engine(), errorText)));
            HistoryFileFindings vsFiles = HistoryFileFindings.read(history, files, session.engine());
            edited.addAll(HistoryMismatches.attention(
                    session, schemas, AbsentHistories.with(history, files, schemas.get(0)), files, vsFiles::handles));
            edited.addAll(vsFiles.statusLines());
            return new StatusReport(session.info(), ordered, history, invalid, edited);
        } catch (SQLException e) {
            throw DatabaseFailures.reading("status", e);
        }
    }
}
