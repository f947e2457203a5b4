package io.migrescue.history;

import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Atlas's {@code atlas_schema_revisions}: one row per migration file, with how many of its statements ran
 * ({@code applied}) of how many it has ({@code total}). A failure leaves {@code applied < total} with {@code error} and
 * {@code error_stmt}, and the next {@code migrate apply} resumes at statement {@code applied}. Atlas keeps the table in
 * the schema {@code atlas_schema_revisions} unless the URL names a schema (then in that schema), so both are looked in.
 *
 * <p>Writes {@code atlas_schema_revisions} as Atlas v0.3x does (cmd/atlas/internal/cmdapi migrate.go {@code migrateSetRun};
 * sql/migrate {@code Executor.ExecuteFile}; the revision's ent schema). Rows are written whole, as Atlas's ent upsert
 * writes them: an empty {@code error}/{@code error_stmt} is {@code ''} and no partial hashes is the JSON {@code null}.
 */
final class AtlasTool extends MigrationTool {
    static final String TOOL = "atlas";
    /** The operator version these rows claim, as Atlas writes its own ({@code "Atlas CLI " + version}). */
    static final String OPERATOR_VERSION = "Atlas CLI v0.36.0";
    /** migrate.RevisionType: 1 baseline, 2 execute, 4 resolved (marked by hand, {@code migrate set}). */
    private static final int TYPE_RESOLVED = 4;

    private static final int TYPE_EXECUTE_RESOLVED = 2 | 4;
    static final String TABLE = "atlas_schema_revisions";
    /** The row Atlas Cloud uses to identify the table; not a migration. */
    private static final String CLOUD_IDENTIFIER = ".atlas_cloud_identifier";

    AtlasTool() {
        super(
                TOOL,
                TABLE,
                new Refusals(
                        "Atlas keeps no lock in its revisions table: its lock is an advisory lock"
                                + " (pg_advisory_lock, GET_LOCK) that the server frees when the migrating session ends",
                        null),
                "version",
                "applied",
                "total",
                "hash");
    }

    @Override
    public String fileChecksum(MigrationHistory h, MigrationFile file, String id, Engine engine, String errorText) {
        return AtlasChecksums.hash(file);
    }

    @Override
    protected Optional<TransactionSwitch> transactionSwitch() {
        return Optional.of(new TransactionSwitch("atlas:txmode none", null));
    }

    /**
     * A partially applied revision is finished in place ({@link #finish}); a file with no revision gets the row
     * {@code migrate set} writes for it: type resolved, {@code applied = total = 0}, the hash from {@code atlas.sum}.
     */
    @Override
    protected List<BoundStatement> applied(
            Dialect d, MigrationHistory h, MigrationFile file, Instant now, String installedBy) {
        String name = MigrationNames.fileName(file);
        String version = version(name);
        Optional<HistoryEntry> row = HistorySql.entry(h, version);
        if (row.isPresent()) {
            return finish(d, h, row.get());
        }
        // executed_at is a timestamptz / MySQL TIMESTAMP: the instant, whatever the session's time zone
        Timestamps.Value executedAt = Timestamps.databaseClock(d, now);
        return List.of(BoundStatement.of(
                "INSERT INTO " + HistorySql.table(d, h) + " ("
                        + HistorySql.columns(
                                d,
                                "version",
                                "description",
                                "type",
                                "applied",
                                "total",
                                "executed_at",
                                "execution_time",
                                "error",
                                "error_stmt",
                                "hash",
                                "partial_hashes",
                                "operator_version")
                        + ") VALUES (?, ?, ?, 0, 0, " + executedAt.sql() + ", 0, '', '', ?, 'null', ?)",
                version,
                description(name),
                TYPE_RESOLVED,
                executedAt.param(),
                AtlasSum.hashOf(file.path()),
                OPERATOR_VERSION));
    }

    /**
     * Deletes the revision, as {@code migrate set} does with revisions above its target, so {@code migrate apply} runs
     * the file from its first statement. Refused when later revisions exist: Atlas would call the history non-linear.
     */
    @Override
    protected List<BoundStatement> rolledBack(
            Dialect d, MigrationHistory h, String id, List<MigrationFile> files, Instant now) {
        String version = version(id);
        if (HistorySql.entry(h, version).isEmpty()) {
            return List.of();
        }
        List<String> later = h.entries().stream()
                .map(HistoryEntry::id)
                .filter(v -> v.compareTo(version) > 0)
                .toList();
        if (!later.isEmpty()) {
            throw new IllegalStateException("Atlas applies files in version order; with " + later + " recorded after "
                    + version + ", removing its revision would leave a gap Atlas refuses (non-linear history)");
        }
        return List.of(BoundStatement.of(
                "DELETE FROM " + HistorySql.table(d, h) + " WHERE " + HistorySql.column(d, "version") + " = ?",
                version));
    }

    /** Atlas's failed state is a partial revision: marking the version clean is finishing it in place. */
    @Override
    public List<BoundStatement> clearDirty(Dialect d, MigrationHistory h, String version) {
        HistorySql.requireTool(h, TOOL);
        HistoryEntry row = HistorySql.entry(h, version(version))
                .orElseThrow(() -> new IllegalStateException("atlas_schema_revisions has no revision " + version));
        return finish(d, h, row);
    }

    /**
     * {@code applied = total} with the error cleared, and type execute + resolved as {@code migrate set} marks a revision
     * it fixed: {@code migrate apply} then takes the file as done and goes on with the next one.
     */
    private static List<BoundStatement> finish(Dialect d, MigrationHistory h, HistoryEntry row) {
        if (row.state() != EntryState.FAILED) {
            return List.of();
        }
        return List.of(BoundStatement.of(
                "UPDATE " + HistorySql.table(d, h) + " SET " + HistorySql.column(d, "applied") + " = "
                        + HistorySql.column(d, "total") + ", " + HistorySql.column(d, "type") + " = ?, "
                        + HistorySql.column(d, "error")
                        + " = '', " + HistorySql.column(d, "error_stmt") + " = '', "
                        + HistorySql.column(d, "partial_hashes") + " = 'null'"
                        + " WHERE " + HistorySql.column(d, "version") + " = ?",
                TYPE_EXECUTE_RESOLVED,
                row.id()));
    }

    /** The hash Atlas computes from the directory now, on the file's revision and each later one it changes. */
    @Override
    public List<BoundStatement> realignChecksum(Dialect d, MigrationHistory h, MigrationFile file) {
        HistorySql.requireTool(h, TOOL);
        return AtlasChecksums.realign(d, h, file);
    }

    /** Atlas's {@code LocalFile.Version}: the file name without {@code .sql}, up to the first {@code _}. */
    static String version(String fileNameOrId) {
        String stem =
                fileNameOrId.endsWith(".sql") ? fileNameOrId.substring(0, fileNameOrId.length() - 4) : fileNameOrId;
        int underscore = stem.indexOf('_');
        return underscore < 0 ? stem : stem.substring(0, underscore);
    }

    /** Atlas's {@code LocalFile.Desc}: what follows the first {@code _}, or empty. */
    static String description(String fileName) {
        String stem = fileName.endsWith(".sql") ? fileName.substring(0, fileName.length() - 4) : fileName;
        int underscore = stem.indexOf('_');
        return underscore < 0 ? "" : stem.substring(underscore + 1);
    }

    /** The directory's {@code atlas.sum}. */
    static final class AtlasSum {
        private AtlasSum() {}

        /**
         * The file's line of {@code atlas.sum} ({@code 20240101000000_init.sql h1:…}), without its {@code h1:}: Atlas
         * stores {@code HashFile.SumByName}, a running hash over the directory up to that file, not a hash of it alone.
         */
        static String hashOf(Path file) {
            Path sum = file.toAbsolutePath().getParent().resolve("atlas.sum");
            String name = file.getFileName().toString();
            if (!Files.isRegularFile(sum)) {
                throw new IllegalArgumentException(
                        "Atlas records each file's hash from atlas.sum, and " + sum + " is missing");
            }
            for (String line : MigrationNames.read(sum).split("\n")) {
                String[] parts = line.split("h1:", 2);
                if (parts.length == 2 && parts[0].strip().equals(name)) {
                    return parts[1].strip();
                }
            }
            throw new IllegalArgumentException(sum + " has no line for " + name + ": run atlas migrate hash first");
        }
    }

    @Override
    public Set<String> extraSchemas(Engine engine) {
        return Set.of(TABLE);
    }

    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException {
        String sql = "SELECT version, description, applied, total, executed_at, error, error_stmt, hash FROM "
                + dialect.qualify(table.schema(), table.name()) + " ORDER BY version";
        List<HistoryEntry> entries = Rows.entries(connection, sql, rs -> {
            String version = rs.getString("version");
            if (CLOUD_IDENTIFIER.equals(version)) {
                return null;
            }
            long applied = rs.getLong("applied");
            long total = rs.getLong("total");
            String error = rs.getString("error");
            boolean failed = applied < total || (error != null && !error.isEmpty());
            String description = rs.getString("description");
            return new HistoryEntry(
                    version,
                    description == null || description.isEmpty() ? version : description,
                    failed ? EntryState.FAILED : EntryState.APPLIED,
                    Rows.instant(rs, "executed_at"),
                    rs.getString("hash"),
                    failed ? detail(applied, total, error, rs.getString("error_stmt")) : null);
        });
        return new MigrationHistory(tool(), table.schema(), table.name(), entries, null);
    }

    private static String detail(long applied, long total, String error, String statement) {
        StringBuilder out = new StringBuilder(applied + " of " + total + " statements applied");
        if (error != null && !error.isEmpty()) {
            out.append(": ").append(error.strip());
        }
        if (statement != null && !statement.isEmpty()) {
            out.append(" (at: ").append(statement.strip()).append(')');
        }
        return out.toString();
    }
}
