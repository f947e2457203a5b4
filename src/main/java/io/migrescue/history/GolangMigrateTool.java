package io.migrescue.history;

import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.MigrationFiles;
import io.migrescue.sql.Version;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * golang-migrate's {@code schema_migrations (version bigint, dirty boolean)}: one row, the current version.
 * {@code dirty = true} means the run of that version stopped part way ("Dirty database version N. Fix and force version.").
 *
 * <p>Writes golang-migrate's {@code schema_migrations (version, dirty)} as {@code migrate force V} does (golang-migrate v4,
 * database/postgres and database/mysql {@code SetVersion}): the table is emptied and, unless V is -1, holds exactly
 * {@code (V, false)} afterwards. golang-migrate empties it with TRUNCATE; these plans use DELETE, which has the same
 * result and, unlike TRUNCATE on MySQL, stays inside the repair's transaction.
 */
final class GolangMigrateTool extends MigrationTool {
    static final String TOOL = "golang-migrate";

    GolangMigrateTool() {
        super(
                TOOL,
                "schema_migrations",
                new Refusals(
                        "golang-migrate keeps no lock in its tables: its advisory lock (PostgreSQL"
                                + " pg_advisory_lock, MySQL GET_LOCK) is freed by the server when the migrating session ends",
                        null),
                "version",
                "dirty");
    }

    @Override
    public boolean recordsByNameAlone() {
        return true;
    }

    /** Asked after Flyway, before goose (whose {@code NNN_name.sql} an {@code NNN_name.up.sql} also matches). */
    @Override
    public int layoutPriority() {
        return 40;
    }

    /** {@code <version>_<name>.up.sql}, in version order. */
    @Override
    public List<MigrationFile> migrationFiles(Path dir) throws IOException {
        List<MigrationFile> files = new ArrayList<>();
        for (Path path : MigrationFiles.sqlFilesIn(dir)) {
            String file = path.getFileName().toString();
            if (!file.endsWith(".up.sql")) {
                continue; // .down.sql undoes, it is not part of the forward history
            }
            String stem = file.substring(0, file.length() - ".up.sql".length());
            int underscore = stem.indexOf('_');
            String version = underscore < 0 ? stem : stem.substring(0, underscore);
            if (!version.isEmpty() && version.chars().allMatch(Character::isDigit)) {
                String name = underscore < 0 ? stem : stem.substring(underscore + 1);
                // schema_migrations.version is a bigint: 000001 is stored as 1
                files.add(new MigrationFile(new BigInteger(version).toString(), name, path, TOOL));
            }
        }
        files.sort(Comparator.comparing(f -> Version.parse(f.id())));
        return files;
    }

    /** What a successful {@code migrate up} of the file leaves: {@code (N, false)}. */
    @Override
    protected List<BoundStatement> applied(
            Dialect d, MigrationHistory h, MigrationFile file, Instant now, String installedBy) {
        return force(d, h, OptionalLong.of(version(file.id())));
    }

    /** {@code migrate force N}: the answer to "Dirty database version N. Fix and force version." once N's effects are in. */
    @Override
    public List<BoundStatement> clearDirty(Dialect d, MigrationHistory h, String version) {
        HistorySql.requireTool(h, TOOL);
        return force(d, h, OptionalLong.of(version(version)));
    }

    /**
     * {@code migrate force P} with P the version of the migration file before N, so {@code migrate up} runs N again.
     * Not N-1: {@code migrate up} first checks that a file of the current version exists ("no migration found for
     * version …"), and timestamp versions have no file at N-1. When N is the first migration there is no P, and the plan
     * is {@code migrate force -1}: an empty table, which golang-migrate reads as "nothing applied" and starts over.
     */
    @Override
    protected List<BoundStatement> rolledBack(
            Dialect d, MigrationHistory h, String id, List<MigrationFile> files, Instant now) {
        long failed = version(id);
        OptionalLong previous = previousVersion(failed, files);
        if (h.entries().isEmpty() || holdsExactly(h, previous)) {
            return List.of(); // nothing recorded, or already back at the previous version
        }
        if (h.entries().stream().noneMatch(e -> e.id().equals(Long.toString(failed)))) {
            throw new IllegalStateException(
                    "schema_migrations holds version " + h.entries().get(0).id() + ", not " + failed
                            + ": golang-migrate only knows its current version, so only that one can be rolled back");
        }
        return force(d, h, previous);
    }

    /** The plan for {@code migrate force V}; an empty version is {@code force -1}. */
    private static List<BoundStatement> force(Dialect d, MigrationHistory h, OptionalLong version) {
        if (holdsExactly(h, version)) {
            return List.of();
        }
        BoundStatement empty = BoundStatement.of("DELETE FROM " + HistorySql.table(d, h));
        if (version.isEmpty()) {
            return List.of(empty);
        }
        return List.of(
                empty,
                BoundStatement.of(
                        "INSERT INTO " + HistorySql.table(d, h) + " (" + HistorySql.columns(d, "version", "dirty")
                                + ") VALUES (?, ?)",
                        version.getAsLong(),
                        false));
    }

    /** Whether the table already is what {@code force} would leave: that one clean row, or no row for -1. */
    private static boolean holdsExactly(MigrationHistory h, OptionalLong version) {
        List<HistoryEntry> rows = h.entries();
        if (version.isEmpty()) {
            return rows.isEmpty();
        }
        return rows.size() == 1
                && rows.get(0).state() == EntryState.APPLIED
                && rows.get(0).id().equals(Long.toString(version.getAsLong()));
    }

    private static OptionalLong previousVersion(long failed, List<MigrationFile> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException(
                    "golang-migrate's table holds only the current version: the version before " + failed
                            + " comes from the migration files, and none were given");
        }
        List<Long> versions = files.stream().map(f -> version(f.id())).toList();
        if (!versions.contains(failed)) {
            throw new IllegalArgumentException("version " + failed + " is not among the migration files given");
        }
        return versions.stream()
                .filter(v -> v < failed)
                .mapToLong(Long::longValue)
                .max();
    }

    /** golang-migrate versions are unsigned integers, stored in a bigint ({@code 000042} is 42). */
    static long version(String text) {
        try {
            long version = Long.parseLong(text.strip());
            if (version < 0) {
                throw new NumberFormatException("negative");
            }
            return version;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a golang-migrate version: '" + text + "'", e);
        }
    }

    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException {
        String sql =
                "SELECT version, dirty FROM " + dialect.qualify(table.schema(), table.name()) + " ORDER BY version";
        List<HistoryEntry> entries = Rows.entries(connection, sql, rs -> {
            String version = Rows.text(rs, "version");
            boolean dirty = rs.getBoolean("dirty");
            return new HistoryEntry(
                    version,
                    version,
                    dirty ? EntryState.DIRTY : EntryState.APPLIED,
                    null,
                    null,
                    dirty ? "dirty" : null);
        });
        return new MigrationHistory(tool(), table.schema(), table.name(), entries, null);
    }
}
