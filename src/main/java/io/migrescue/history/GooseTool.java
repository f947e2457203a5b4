package io.migrescue.history;

import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.GooseSql;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.MigrationFiles;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * goose's {@code goose_db_version (id, version_id, is_applied, tstamp)}. goose reads it newest row first and lets the
 * latest row of a version decide: goose before v3 recorded a down migration as a further row with
 * {@code is_applied = false} (read here as rolled back); v3 deletes the version's rows instead. Version 0 is the row
 * goose writes when it creates the table, not a migration. A failed migration leaves no row.
 *
 * <p>Written as goose v3.24 does (internal/dialect/dialectquery, postgres.go and mysql.go: {@code InsertVersion},
 * {@code DeleteVersion}). goose leaves {@code tstamp} to the column's {@code DEFAULT now()}, and so do these plans.
 */
final class GooseTool extends MigrationTool {
    static final String TOOL = "goose";

    GooseTool() {
        super(
                TOOL,
                "goose_db_version",
                new Refusals(
                        "goose keeps no lock in goose_db_version: its session locker is an advisory"
                                + " lock (pg_advisory_lock) that the server frees when the migrating session ends",
                        "goose has no dirty flag: a migration has an applied row or none"),
                "version_id",
                "is_applied");
    }

    @Override
    public boolean recordsByNameAlone() {
        return true;
    }

    /** Asked last of the layouts: its {@code NNN_name.sql} is the loosest, told by the {@code -- +goose Up} annotation. */
    @Override
    public int layoutPriority() {
        return 50;
    }

    @Override
    /** {@code NNN_name.sql} files with goose's {@code -- +goose Up} annotation, keyed by their version (goose's id). */
    public List<MigrationFile> migrationFiles(Path dir) throws IOException {
        List<MigrationFile> files = new ArrayList<>();
        for (Path path : MigrationFiles.sqlFilesIn(dir)) {
            String stem = MigrationFiles.baseName(path.getFileName().toString());
            String version = MigrationFiles.numericPrefix(stem);
            if (version != null && stem.contains("_") && GooseSql.isMigration(path)) {
                files.add(new MigrationFile(
                        new BigInteger(version).toString(), stem.substring(stem.indexOf('_') + 1), path, TOOL));
            }
        }
        files.sort(Comparator.comparing(f -> new BigInteger(f.id())));
        return files;
    }

    @Override
    protected Optional<TransactionSwitch> transactionSwitch() {
        return Optional.of(new TransactionSwitch("\\+goose NO TRANSACTION", "-- +goose NO TRANSACTION"));
    }

    @Override
    public Optional<String> outOfOrderRule() {
        return Optional.of("goose up fails on it (found 1 missing migrations before current version) unless run with"
                + " -allow-missing, which applies it first");
    }

    /** {@code goose up} runs the {@code -- +goose Up} section only. */
    @Override
    public String upSection(String text) {
        return GooseSql.up(text);
    }

    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException {
        String sql = "SELECT version_id, is_applied, tstamp FROM " + dialect.qualify(table.schema(), table.name())
                + " ORDER BY id";
        List<HistoryEntry> rows = Rows.entries(connection, sql, rs -> {
            String version = Long.toString(rs.getLong("version_id"));
            if (version.equals("0")) {
                return null;
            }
            EntryState state = rs.getBoolean("is_applied") ? EntryState.APPLIED : EntryState.ROLLED_BACK;
            return new HistoryEntry(version, version, state, Rows.instant(rs, "tstamp"), null, null);
        });
        Map<String, HistoryEntry> latest = new LinkedHashMap<>();
        for (HistoryEntry row : rows) {
            latest.remove(row.id()); // a later row of the same version moves it to where it was last recorded
            latest.put(row.id(), row);
        }
        return new MigrationHistory(tool(), table.schema(), table.name(), new ArrayList<>(latest.values()), null);
    }

    /** {@code INSERT (version_id, is_applied) VALUES (N, true)}, as a successful {@code goose up} of the file. */
    @Override
    protected List<BoundStatement> applied(
            Dialect d, MigrationHistory h, MigrationFile file, Instant now, String installedBy) {
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
    protected List<BoundStatement> rolledBack(
            Dialect d, MigrationHistory h, String id, List<MigrationFile> files, Instant now) {
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
