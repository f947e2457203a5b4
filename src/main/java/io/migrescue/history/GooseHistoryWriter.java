package io.migrescue.history;

import io.migrescue.model.EntryState;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import java.time.Instant;
import java.util.List;

/**
 * Writes {@code goose_db_version} as goose v3.24 does (internal/dialect/dialectquery, postgres.go and mysql.go:
 * {@code InsertVersion}, {@code DeleteVersion}). goose leaves {@code tstamp} to the column's {@code DEFAULT now()}, and
 * so do these plans.
 */
final class GooseHistoryWriter extends ToolHistoryWriter {
    static final String TOOL = "goose";

    GooseHistoryWriter() {
        super(
                TOOL,
                new Refusals(
                        "goose keeps no lock in goose_db_version: its session locker is an advisory"
                                + " lock (pg_advisory_lock) that the server frees when the migrating session ends",
                        "goose has no dirty flag: a migration has an applied row or none"));
    }

    /** {@code INSERT (version_id, is_applied) VALUES (N, true)}, as a successful {@code goose up} of the file. */
    @Override
    public List<BoundStatement> recordApplied(
            Dialect d, MigrationHistory h, MigrationFile file, Instant now, String installedBy) {
        HistorySql.requireTool(h, TOOL);
        long version = version(MigrationNames.fileName(file));
        if (applied(h, version)) {
            return List.of();
        }
        return List.of(BoundStatement.of(
                "INSERT INTO " + HistorySql.table(d, h) + " (" + HistorySql.columns(d, "version_id", "is_applied")
                        + ") VALUES (?, ?)",
                version,
                true));
    }

    /** {@code goose down} deletes every row of the version; not applied already (or only an old down row): nothing to do. */
    @Override
    public List<BoundStatement> recordRolledBack(
            Dialect d, MigrationHistory h, String id, List<MigrationFile> files, Instant now) {
        HistorySql.requireTool(h, TOOL);
        long version = version(id);
        if (!applied(h, version)) {
            return List.of();
        }
        return List.of(BoundStatement.of(
                "DELETE FROM " + HistorySql.table(d, h) + " WHERE " + HistorySql.column(d, "version_id") + " = ?",
                version));
    }

    private static boolean applied(MigrationHistory h, long version) {
        return HistorySql.entry(h, Long.toString(version))
                .filter(e -> e.state() == EntryState.APPLIED)
                .isPresent();
    }

    /** goose's version: the number before the first {@code _} of the file name ({@code 00042_add_users.sql} is 42), or an id. */
    static long version(String fileNameOrId) {
        String digits = MigrationNames.digitsBefore(fileNameOrId, '_');
        try {
            return Long.parseLong(digits != null ? digits : fileNameOrId.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "not a goose migration (NNN_name.sql or .go): '" + fileNameOrId + "'", e);
        }
    }

    /** Every row of the old version gets the renamed file's version; goose keys rows by version_id alone. */
    @Override
    public List<BoundStatement> repoint(Dialect d, MigrationHistory h, String recordedId, MigrationFile file) {
        HistorySql.requireTool(h, TOOL);
        long from = version(recordedId);
        long to = version(MigrationNames.fileName(file));
        if (from == to || !applied(h, from) && applied(h, to)) {
            return List.of();
        }
        if (applied(h, to)) {
            throw new IllegalStateException("goose records version " + to + " already, next to " + from);
        }
        return List.of(BoundStatement.of(
                "UPDATE " + HistorySql.table(d, h) + " SET " + HistorySql.column(d, "version_id") + " = ? WHERE "
                        + HistorySql.column(d, "version_id") + " = ?",
                to,
                from));
    }

    /** goose has no mark for a migration whose file is gone: its rows go, as goose down takes them away. */
    @Override
    public List<BoundStatement> recordDeleted(Dialect d, MigrationHistory h, String recordedId, Instant now) {
        return recordRolledBack(d, h, recordedId, List.of(), now);
    }
}
