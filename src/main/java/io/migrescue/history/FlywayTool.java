package io.migrescue.history;

import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Flyway's {@code flyway_schema_history}. A failed run on MySQL/MariaDB (non-transactional DDL) and a failed
 * non-transactional migration on PostgreSQL leave a {@code success = false} row; Flyway's own lock is an advisory
 * lock held only while it runs.
 *
 * <p>Writes {@code flyway_schema_history} as Flyway 11.20 does (JdbcTableSchemaHistory, Database.getInsertStatement and
 * getDeleteStatement in flyway-core 11.20.3).
 */
final class FlywayTool extends MigrationTool {
    static final String TOOL = "flyway";
    private static final Pattern CONCURRENTLY =
            Pattern.compile("(?is)^\\s*(CREATE|DROP|REINDEX)\\b.*\\bCONCURRENTLY\\b.*");
    /** Why a Flyway run with a concurrent build can hang: its default PostgreSQL lock is held by an open transaction. */
    private static final String TRANSACTIONAL_LOCK = "under Flyway's default PostgreSQL lock"
            + " (flyway.postgresql.transactional.lock=true) a transaction stays open for the whole run, and the build"
            + " waits for it forever";

    FlywayTool() {
        super(
                TOOL,
                "flyway_schema_history",
                new Refusals(
                        "Flyway keeps no lock in its tables: it holds a PostgreSQL advisory lock"
                                + " or a MySQL GET_LOCK only while it runs, and the server frees it when that session ends",
                        "Flyway has no dirty flag: a failed migration is a success = false row;"
                                + " record it applied or rolled back instead"),
                "installed_rank",
                "version",
                "script",
                "success");
    }

    @Override
    public String fileChecksum(MigrationHistory h, MigrationFile file, String id, Engine engine, String errorText) {
        Integer checksum = FlywayChecksums.checksum(file);
        return checksum == null ? null : checksum.toString();
    }

    /** Asked after Drizzle and Prisma, before golang-migrate and goose. */
    @Override
    public int layoutPriority() {
        return 30;
    }

    @Override
    public List<MigrationFile> migrationFiles(Path dir) throws IOException {
        return FlywayFiles.list(dir);
    }

    /**
     * Flyway runs a migration of only non-transactional statements without a transaction (or its script config file,
     * read with the source, says executeInTransaction=false).
     */
    @Override
    public boolean runsInTransaction(List<String> statements, String source) {
        return !statements.stream().allMatch(s -> CONCURRENTLY.matcher(s).matches())
                && !source.matches("(?s).*\\bexecuteInTransaction\\s*=\\s*false\\b.*");
    }

    @Override
    public String transactionOptOut(String file) {
        return "executeInTransaction=false in a script config file " + file + ".conf next to it, and "
                + "flyway.postgresql.transactional.lock=false: " + TRANSACTIONAL_LOCK;
    }

    @Override
    public Optional<String> concurrentIndexHazard() {
        return Optional.of(TRANSACTIONAL_LOCK);
    }

    @Override
    public Optional<String> outOfOrderRule() {
        return Optional.of("flyway validate fails on it (Detected resolved migration not applied to database) and"
                + " migrate skips it unless outOfOrder=true");
    }

    /**
     * A failed row ({@code success = false}, left on MySQL/MariaDB and by non-transactional PostgreSQL runs) becomes
     * the row a successful run writes: success, the checksum of the file as it is now, Flyway's description and type,
     * who and when, execution time 0. It keeps its {@code installed_rank}, so the order of history is unchanged. With
     * no row (a failed transactional run on PostgreSQL rolls its row back) one is inserted with the next rank, computed
     * in the statement as Flyway computes it ({@code MAX(installed_rank) + 1}).
     */
    @Override
    public String historyTable() {
        return "flyway_schema_history";
    }

    /**
     * Flyway 11's {@code getRawCreateScript} (PostgreSQLDatabase, MySQLDatabase) without its baseline row: the same
     * columns, the primary key {@code <table>_pk} and the index {@code <table>_s_idx}. The key and the index are declared
     * in the CREATE TABLE (same catalog result), so that {@code IF NOT EXISTS} covers them too.
     */
    @Override
    public List<BoundStatement> createHistoryTable(Dialect d, MigrationHistory h) {
        return FlywayRows.createTable(d, h);
    }

    @Override
    protected List<BoundStatement> applied(
            Dialect d, MigrationHistory h, MigrationFile file, Instant now, String installedBy) {
        FlywayScript script = FlywayScript.of(file);
        List<HistoryEntry> rows =
                h.entries().stream().filter(e -> script.sameVersion(e.id())).toList();
        if (rows.stream().anyMatch(e -> e.state() == EntryState.APPLIED)) {
            return List.of(); // already a success row: a different checksum is realign-checksum's business
        }
        List<FlywayRows.Cell> success = FlywayRows.successfulRun(d, script, now, installedBy);
        String table = HistorySql.table(d, h);
        List<Object> params = new ArrayList<>();
        if (!rows.isEmpty()) {
            // version and script stay as Flyway wrote them when the run failed (script is the path below the location)
            List<FlywayRows.Cell> changed = success.stream()
                    .filter(c -> !c.column().equals("version") && !c.column().equals("script"))
                    .toList();
            changed.forEach(c -> params.addAll(c.params()));
            params.addAll(List.of(rows.get(0).id(), false));
            return List.of(new BoundStatement(
                    "UPDATE " + table + " SET "
                            + String.join(
                                    ", ",
                                    changed.stream()
                                            .map(c -> HistorySql.column(d, c.column()) + " = " + c.sql())
                                            .toList())
                            + " WHERE " + HistorySql.column(d, "version") + " = ? AND "
                            + HistorySql.column(d, "success") + " = ?",
                    params));
        }
        return List.of(FlywayRows.insertWithNextRank(d, h, success));
    }

    /**
     * What {@code flyway repair} does to an applied migration whose file changed (JdbcTableSchemaHistory.update): the
     * success row of that version gets the checksum Flyway core computes for the file now; nothing else changes.
     */
    @Override
    public List<BoundStatement> realignChecksum(Dialect d, MigrationHistory h, MigrationFile file) {
        HistorySql.requireTool(h, TOOL);
        FlywayScript script = FlywayScript.of(file);
        String version = h.entries().stream()
                .filter(e -> e.state() == EntryState.APPLIED && script.sameVersion(e.id()))
                .map(HistoryEntry::id)
                .findFirst()
                .orElseThrow(
                        () -> new IllegalStateException("Flyway records no applied migration " + script.version()));
        return List.of(BoundStatement.of(
                "UPDATE " + HistorySql.table(d, h) + " SET " + HistorySql.column(d, "checksum") + " = ? WHERE "
                        + HistorySql.column(d, "version") + " = ? AND " + HistorySql.column(d, "success") + " = ?",
                script.checksum(),
                version,
                true));
    }

    /**
     * What {@code flyway repair} does to a failed migration: deletes its {@code success = false} row (by version; a
     * repeatable's by description), so {@code migrate} runs it again. No row: nothing to do, Flyway will run it.
     */
    @Override
    protected List<BoundStatement> rolledBack(
            Dialect d, MigrationHistory h, String id, List<MigrationFile> files, Instant now) {
        List<HistoryEntry> rows = HistorySql.entries(h, id);
        if (rows.stream().anyMatch(e -> e.state() == EntryState.APPLIED)) {
            throw new IllegalStateException("Flyway recorded " + id + " as successful; only a failed migration can be"
                    + " rolled back in its history (undoing a successful one is Flyway's undo, with its own script)");
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        HistoryEntry failed = rows.get(0);
        boolean repeatable = !FlywayScript.isVersion(failed.id()); // the reader names a repeatable by its script
        String key = repeatable
                ? HistorySql.column(d, "version") + " IS NULL AND " + HistorySql.column(d, "description") + " = ?"
                : HistorySql.column(d, "version") + " = ?";
        return List.of(BoundStatement.of(
                "DELETE FROM " + HistorySql.table(d, h) + " WHERE " + HistorySql.column(d, "success") + " = ? AND "
                        + key,
                false,
                repeatable ? failed.description() : failed.id()));
    }

    /**
     * The success row of {@code recordedId} gets the version, description, script and checksum Flyway resolves for the
     * renamed file, as migrate would have written them; rank, who, when and how long stay. Already so: nothing to do.
     */
    @Override
    public List<BoundStatement> repoint(Dialect d, MigrationHistory h, String recordedId, MigrationFile file) {
        HistorySql.requireTool(h, TOOL);
        FlywayScript script = FlywayScript.of(file);
        List<HistoryEntry> old = h.entries().stream()
                .filter(e -> e.state() == EntryState.APPLIED && e.id().equals(recordedId))
                .toList();
        boolean target =
                h.entries().stream().anyMatch(e -> e.state() == EntryState.APPLIED && script.sameVersion(e.id()));
        if (old.isEmpty()) {
            if (target) {
                return List.of();
            }
            throw new IllegalStateException("Flyway records no applied migration " + recordedId);
        }
        if (target && !script.sameVersion(recordedId)) {
            throw new IllegalStateException(
                    "Flyway records version " + script.version() + " already, next to " + recordedId);
        }
        return List.of(BoundStatement.of(
                "UPDATE " + HistorySql.table(d, h) + " SET " + HistorySql.column(d, "version") + " = ?, "
                        + HistorySql.column(d, "description") + " = ?, " + HistorySql.column(d, "script") + " = ?, "
                        + HistorySql.column(d, "checksum") + " = ? WHERE " + HistorySql.column(d, "version")
                        + " = ? AND "
                        + HistorySql.column(d, "success") + " = ?",
                script.version().getVersion(),
                script.description(),
                script.script(),
                script.checksum(),
                recordedId,
                true));
    }

    /**
     * What {@code flyway repair} writes for an applied migration that is not resolved locally (JdbcTableSchemaHistory
     * delete): a success row of type DELETE repeating its version, description, script and checksum, with the next rank;
     * Flyway then treats the version as deleted. Marked already: nothing to do.
     */
    @Override
    public List<BoundStatement> recordDeleted(Dialect d, MigrationHistory h, String recordedId, Instant now) {
        HistorySql.requireTool(h, TOOL);
        List<HistoryEntry> rows = h.entries().stream()
                .filter(e -> e.state() == EntryState.APPLIED && e.id().equals(recordedId))
                .toList();
        if (rows.isEmpty()
                || rows.stream().anyMatch(e -> e.detail() != null && e.detail().startsWith("DELETE "))) {
            return List.of();
        }
        HistoryEntry row = rows.get(0);
        String script = row.detail() == null || !row.detail().contains(" ")
                ? row.description()
                : row.detail().split(" ", 2)[1];
        Integer checksum = row.checksum() == null ? null : Integer.valueOf(row.checksum());
        return List.of(FlywayRows.insertWithNextRank(
                d, h, FlywayRows.row(d, recordedId, row.description(), "DELETE", script, checksum, null, now)));
    }

    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException {
        String sql = "SELECT installed_rank, version, description, type, script, checksum, installed_on, success FROM "
                + dialect.qualify(table.schema(), table.name()) + " ORDER BY installed_rank";
        List<HistoryEntry> entries = Rows.entries(connection, sql, rs -> {
            String type = rs.getString("type");
            if ("SCHEMA".equals(type)) {
                return null; // Flyway's marker that it created the schema, not a migration
            }
            String version = rs.getString("version");
            String script = rs.getString("script");
            EntryState state = rs.getBoolean("success") ? EntryState.APPLIED : EntryState.FAILED;
            return new HistoryEntry(
                    version != null ? version : script,
                    rs.getString("description"),
                    state,
                    Rows.instant(rs, "installed_on"),
                    Rows.text(rs, "checksum"),
                    type + " " + script);
        });
        return new MigrationHistory(tool(), table.schema(), table.name(), entries, null);
    }
}
