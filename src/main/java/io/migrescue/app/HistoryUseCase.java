package io.migrescue.app;

import io.migrescue.db.DatabaseSession;
import io.migrescue.history.HistoryAdapters;
import io.migrescue.history.HistoryReader;
import io.migrescue.model.DatabaseInfo;
import io.migrescue.model.MigrationHistory;
import java.sql.SQLException;
import java.util.List;

/** {@code history}: every migration tool's history found in scope, as the tools recorded it. */
public final class HistoryUseCase {
    private HistoryUseCase() {}

    public record Report(DatabaseInfo database, List<String> schemas, List<MigrationHistory> histories) {}

    public static Report run(DatabaseSession session, List<String> requestedSchemas, String tool) {
        return run(session, requestedSchemas, tool, null);
    }

    /** @param historyTable the history table's name when the tool's was configured otherwise, or null */
    public static Report run(DatabaseSession session, List<String> requestedSchemas, String tool, String historyTable) {
        List<String> schemas = Scope.resolve(session.info(), requestedSchemas);
        try {
            return new Report(
                    session.info(),
                    schemas,
                    HistoryReader.readAll(session, schemas, HistoryAdapters.select(tool, historyTable)));
        } catch (SQLException e) {
            throw DatabaseFailures.reading("history", e);
        }
    }
}
