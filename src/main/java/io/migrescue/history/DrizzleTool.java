package io.migrescue.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.MigrationFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Drizzle's {@code __drizzle_migrations (id, hash, created_at)}: on PostgreSQL in the schema {@code drizzle} whatever
 * the connection's schema, on MySQL in the connected database. A row holds the SHA-256 of the migration's SQL file and
 * the journal's {@code when} for it, not its tag, so an entry is keyed by that {@code when} and carries the hash as
 * its checksum. Drizzle runs every pending migration in one transaction: a failure on PostgreSQL leaves no row and
 * nothing applied.
 *
 * <p>Writes {@code __drizzle_migrations} as drizzle-orm 0.45 does (pg-core and mysql-core dialect {@code migrate}, with
 * migrator.js {@code readMigrationFiles}; proven with real drizzle-kit {@code migrate} in DrizzleRealToolIT).
 * Drizzle decides what to run from its latest row alone: a journal entry whose {@code when} is later than the latest
 * {@code created_at} runs. So a migration applied outside Drizzle is recorded with exactly that {@code when}, and only
 * the latest migration can be rolled back through the history.
 */
final class DrizzleTool extends MigrationTool {
    static final String TOOL = "drizzle";
    static final String TABLE = "__drizzle_migrations";
    static final String SCHEMA = "drizzle";

    DrizzleTool() {
        super(
                TOOL,
                TABLE,
                new Refusals(
                        "Drizzle keeps no lock: it runs its migrations in one transaction",
                        "Drizzle has no dirty flag: a migration has a row or none"),
                "id",
                "hash",
                "created_at");
    }

    /** Asked first: a {@code meta/_journal.json} decides, whatever SQL files lie beside it. */
    @Override
    public int layoutPriority() {
        return 10;
    }

    /** The journal's entries in its order, each with its {@code <tag>.sql}; the plain SQL files when the journal cannot be read. */
    @Override
    public List<MigrationFile> migrationFiles(Path dir) throws IOException {
        return Files.isRegularFile(dir.resolve("meta").resolve("_journal.json")) ? journalFiles(dir) : List.of();
    }

    private static List<MigrationFile> journalFiles(Path dir) throws IOException {
        JsonNode entries;
        try {
            entries = new ObjectMapper()
                    .readTree(dir.resolve("meta").resolve("_journal.json").toFile())
                    .path("entries");
        } catch (IOException unreadable) {
            return MigrationFiles.plain(dir, TOOL);
        }
        if (!entries.isArray() || entries.isEmpty()) {
            return MigrationFiles.plain(dir, TOOL);
        }
        List<MigrationFile> files = new ArrayList<>();
        for (JsonNode entry : entries) {
            String tag = entry.path("tag").asText("");
            Path sql = dir.resolve(tag + MigrationFiles.SQL);
            if (!tag.isEmpty() && Files.isRegularFile(sql)) {
                files.add(new MigrationFile(tag, tag, sql, TOOL));
            }
        }
        return files;
    }

    /** {@code INSERT ("hash", "created_at")}: the file's hash and the journal's {@code when}, as a successful migrate does. */
    @Override
    protected List<BoundStatement> applied(
            Dialect d, MigrationHistory h, MigrationFile file, Instant now, String installedBy) {
        long when = journalWhen(file.path());
        String hash = hash(file.path());
        if (recorded(h, when).isPresent() || h.entries().stream().anyMatch(e -> hash.equals(e.checksum()))) {
            return List.of();
        }
        return List.of(BoundStatement.of(
                "INSERT INTO " + HistorySql.table(d, h) + " (" + HistorySql.columns(d, "hash", "created_at")
                        + ") VALUES (?, ?)",
                hash,
                when));
    }

    /**
     * Deletes the migration's row so the next {@code migrate} runs it again; {@code id} is its tag (the file) or its
     * {@code when}. Refused when a later migration is recorded: Drizzle would still skip this one.
     */
    @Override
    protected List<BoundStatement> rolledBack(
            Dialect d, MigrationHistory h, String id, List<MigrationFile> files, Instant now) {
        long when = whenOf(id, h, files);
        if (recorded(h, when).isEmpty()) {
            return List.of();
        }
        List<String> later = h.entries().stream()
                .map(HistoryEntry::id)
                .filter(e -> !e.isEmpty() && Long.parseLong(e) > when)
                .toList();
        if (!later.isEmpty()) {
            throw new IllegalStateException("Drizzle runs only migrations later than its latest row; with " + later
                    + " recorded after " + id + ", removing its row would not make migrate run it again");
        }
        return List.of(BoundStatement.of(
                "DELETE FROM " + HistorySql.table(d, h) + " WHERE " + HistorySql.column(d, "created_at") + " = ?",
                when));
    }

    private static Optional<HistoryEntry> recorded(MigrationHistory h, long when) {
        return HistorySql.entry(h, Long.toString(when));
    }

    private static long whenOf(String id, MigrationHistory h, List<MigrationFile> files) {
        if (HistorySql.entry(h, id).isPresent()) {
            return Long.parseLong(id);
        }
        return files.stream()
                .filter(f -> f.id().equals(id)
                        || MigrationNames.stem(MigrationNames.fileName(f)).equals(id))
                .findFirst()
                .map(f -> journalWhen(f.path()))
                .orElseThrow(() ->
                        new IllegalArgumentException("Drizzle's rows hold the journal's when, not the tag: to find "
                                + id + "'s row its file and meta/_journal.json are needed, and none were given"));
    }

    /** The {@code when} of the file's entry in {@code meta/_journal.json} beside it (Drizzle's {@code folderMillis}). */
    static long journalWhen(Path sqlFile) {
        String tag = MigrationNames.stem(sqlFile.getFileName().toString());
        Path journal = sqlFile.toAbsolutePath().getParent().resolve("meta").resolve("_journal.json");
        try {
            for (JsonNode entry : new ObjectMapper().readTree(journal.toFile()).path("entries")) {
                if (tag.equals(entry.path("tag").asText()) && entry.path("when").canConvertToLong()) {
                    return entry.path("when").asLong();
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read Drizzle's journal " + journal + " (" + e.getMessage() + ")", e);
        }
        throw new IllegalArgumentException(
                journal + " has no entry for " + tag + ": Drizzle only runs what its journal lists");
    }

    /**
     * Drizzle's hash: SHA-256, in hex, of the file read as UTF-8 text ({@code readFileSync().toString()}, then
     * {@code createHash('sha256').update(query)}). Decoding first matters only for bytes that are not UTF-8, which
     * Node replaces as Java does.
     */
    static String hash(Path sqlFile) {
        try {
            return io.migrescue.files.Digests.sha256HexOfText(sqlFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sqlFile, e);
        }
    }

    @Override
    public Set<String> extraSchemas(Engine engine) {
        return engine == Engine.POSTGRESQL ? Set.of(SCHEMA) : Set.of();
    }

    /** In Drizzle's order: by {@code created_at}, whose latest value alone decides what {@code migrate} runs next. */
    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException {
        String sql = "SELECT hash, created_at FROM " + dialect.qualify(table.schema(), table.name())
                + " ORDER BY created_at, id";
        List<HistoryEntry> entries = Rows.entries(connection, sql, rs -> {
            long when = rs.getLong("created_at");
            boolean noWhen = rs.wasNull(); // the column is nullable; Drizzle itself always fills it
            String id = noWhen ? "" : Long.toString(when);
            return new HistoryEntry(
                    id,
                    id,
                    EntryState.APPLIED,
                    null,
                    rs.getString("hash"),
                    noWhen ? null : "journal when " + Instant.ofEpochMilli(when));
        });
        return new MigrationHistory(tool(), table.schema(), table.name(), entries, null);
    }
}
