package io.migrescue.history;

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
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Prisma Migrate's {@code _prisma_migrations}. An unfinished row ({@code finished_at} and {@code rolled_back_at} NULL)
 * is a failed migration: P3009 blocks every later {@code migrate deploy} until it is resolved.
 *
 * <p>Writes {@code _prisma_migrations} as {@code prisma migrate resolve} does (prisma-engines schema-engine:
 * commands mark_migration_applied.rs and mark_migration_rolled_back.rs, sql_migration_persistence.rs; Prisma 5 and 6).
 * Prisma stamps rows with the client's UTC clock ({@code chrono::Utc::now()}), so these do too.
 */
final class PrismaTool extends MigrationTool {
    static final String TOOL = "prisma";

    PrismaTool() {
        super(
                TOOL,
                "_prisma_migrations",
                new Refusals(
                        "Prisma keeps no lock in its tables: its advisory lock is held by the"
                                + " running session and freed by the server when that session ends",
                        "Prisma has no dirty flag: a failed migration is an unfinished row;"
                                + " record it applied or rolled back instead"),
                "migration_name",
                "finished_at",
                "rolled_back_at",
                "checksum");
    }

    @Override
    public String fileChecksum(MigrationHistory h, MigrationFile file, String id, Engine engine, String errorText) {
        return PrismaChecksums.checksum(file);
    }

    /** Asked after Drizzle: {@code <folder>/migration.sql}, in folder name order. */
    @Override
    public int layoutPriority() {
        return 20;
    }

    @Override
    public List<MigrationFile> migrationFiles(Path dir) throws IOException {
        List<MigrationFile> files = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.filter(Files::isDirectory).toList()) {
                Path sql = child.resolve("migration.sql");
                if (Files.isRegularFile(sql)) {
                    String folder = child.getFileName().toString();
                    int underscore = folder.indexOf('_');
                    files.add(new MigrationFile(
                            folder, underscore < 0 ? folder : folder.substring(underscore + 1), sql, TOOL));
                }
            }
        }
        files.sort(Comparator.comparing(MigrationFile::id, MigrationFiles::compareNames));
        return files;
    }

    /**
     * {@code resolve --applied}: Prisma does not finish the failed row in place. It marks every unfinished row of the
     * migration rolled back ({@code rolled_back_at = now}) and inserts a fresh row: a new v4 UUID, the checksum of
     * {@code migration.sql}, {@code logs = ''}, {@code started_at = finished_at = now}, and {@code applied_steps_count}
     * left to its default 0. Already finished: Prisma refuses (P3008), and there is nothing to write.
     */
    @Override
    public String historyTable() {
        return "_prisma_migrations";
    }

    /** The table as Prisma's schema engine makes it (its sql-migration-connector's per-flavour DDL). */
    @Override
    public List<BoundStatement> createHistoryTable(Dialect d, MigrationHistory h) {
        String table = HistorySql.table(d, h);
        if (d.engine() == io.migrescue.model.Engine.POSTGRESQL) {
            return List.of(BoundStatement.of(
                    "CREATE TABLE IF NOT EXISTS " + table + " (\"id\" VARCHAR(36) PRIMARY KEY NOT NULL,"
                            + " \"checksum\" VARCHAR(64) NOT NULL, \"finished_at\" TIMESTAMPTZ, \"migration_name\" VARCHAR(255) NOT NULL,"
                            + " \"logs\" TEXT, \"rolled_back_at\" TIMESTAMPTZ, \"started_at\" TIMESTAMPTZ NOT NULL DEFAULT now(),"
                            + " \"applied_steps_count\" INTEGER NOT NULL DEFAULT 0)"));
        }
        return List.of(
                BoundStatement.of(
                        "CREATE TABLE IF NOT EXISTS " + table + " (id VARCHAR(36) PRIMARY KEY NOT NULL,"
                                + " checksum VARCHAR(64) NOT NULL, finished_at DATETIME(3), migration_name VARCHAR(255) NOT NULL, logs TEXT,"
                                + " rolled_back_at DATETIME(3), started_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),"
                                + " applied_steps_count INTEGER UNSIGNED NOT NULL DEFAULT 0) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"));
    }

    @Override
    protected List<BoundStatement> applied(
            Dialect d, MigrationHistory h, MigrationFile file, Instant now, String installedBy) {
        String name = migrationName(file);
        List<HistoryEntry> rows = HistorySql.entries(h, name);
        if (rows.stream().anyMatch(e -> e.state() == EntryState.APPLIED)) {
            return List.of();
        }
        List<BoundStatement> plan = new ArrayList<>(markRolledBack(d, h, name, rows, now));
        Timestamps.Value stamp = Timestamps.utc(d, now);
        plan.add(BoundStatement.of(
                "INSERT INTO " + HistorySql.table(d, h) + " ("
                        + HistorySql.columns(d, "id", "checksum", "logs", "started_at", "finished_at", "migration_name")
                        + ") VALUES (?, ?, ?, " + stamp.sql() + ", "
                        + stamp.sql() + ", ?)",
                UUID.randomUUID().toString(),
                checksum(file.path()),
                "",
                stamp.param(),
                stamp.param(),
                name));
        return plan;
    }

    /**
     * {@code resolve --rolled-back}: sets {@code rolled_back_at} on the migration's unfinished rows, so
     * {@code migrate deploy} applies it again. Prisma refuses when the migration only has finished rows.
     */
    @Override
    protected List<BoundStatement> rolledBack(
            Dialect d, MigrationHistory h, String id, List<MigrationFile> files, Instant now) {
        List<HistoryEntry> rows = HistorySql.entries(h, id);
        if (rows.stream().noneMatch(e -> e.state() == EntryState.FAILED)
                && rows.stream().anyMatch(e -> e.state() == EntryState.APPLIED)) {
            throw new IllegalStateException("Prisma recorded " + id
                    + " as finished; resolve --rolled-back only applies to a" + " failed migration (Prisma's P3012)");
        }
        return markRolledBack(d, h, id, rows, now);
    }

    /**
     * Records the checksum Prisma computes for {@code migration.sql} now on the finished, not rolled back row of the
     * migration; Prisma has no command for it (its answer to an edited migration is {@code migrate reset}).
     */
    @Override
    public List<BoundStatement> realignChecksum(Dialect d, MigrationHistory h, MigrationFile file) {
        HistorySql.requireTool(h, TOOL);
        String name = migrationName(file);
        if (HistorySql.entries(h, name).stream().noneMatch(e -> e.state() == EntryState.APPLIED)) {
            throw new IllegalStateException("Prisma records no finished migration " + name);
        }
        return List.of(BoundStatement.of(
                "UPDATE " + HistorySql.table(d, h) + " SET " + HistorySql.column(d, "checksum")
                        + " = ? WHERE " + HistorySql.column(d, "migration_name") + " = ? AND "
                        + HistorySql.column(d, "finished_at") + " IS NOT NULL AND "
                        + HistorySql.column(d, "rolled_back_at") + " IS NULL",
                checksum(file.path()),
                name));
    }

    /** Prisma marks rows by id; the unfinished rows of a name are exactly those, so the statement selects them so. */
    private static List<BoundStatement> markRolledBack(
            Dialect d, MigrationHistory h, String name, List<HistoryEntry> rows, Instant now) {
        if (rows.stream().noneMatch(e -> e.state() == EntryState.FAILED)) {
            return List.of();
        }
        Timestamps.Value stamp = Timestamps.utc(d, now);
        return List.of(BoundStatement.of(
                "UPDATE " + HistorySql.table(d, h) + " SET " + HistorySql.column(d, "rolled_back_at")
                        + " = " + stamp.sql() + " WHERE " + HistorySql.column(d, "migration_name") + " = ? AND "
                        + HistorySql.column(d, "finished_at") + " IS NULL AND " + HistorySql.column(d, "rolled_back_at")
                        + " IS NULL",
                stamp.param(),
                name));
    }

    /** The migration's folder name, which is what Prisma records ({@code 20240301000000_add_fk/migration.sql}). */
    static String migrationName(MigrationFile file) {
        Path folder = file.path().getParent();
        return file.path().getFileName().toString().equals("migration.sql")
                        && folder != null
                        && folder.getFileName() != null
                ? folder.getFileName().toString()
                : file.id();
    }

    /**
     * Prisma's checksum (schema-connector checksum.rs): SHA-256 of the script, as 64 lower-case, zero-padded hex digits.
     * Prisma hashes the file's text as read, so the bytes here are the file's bytes.
     */
    static String checksum(Path script) {
        try {
            return io.migrescue.files.Digests.sha256Hex(Files.readAllBytes(script));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + script, e);
        }
    }

    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException {
        String sql =
                "SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count FROM "
                        + dialect.qualify(table.schema(), table.name()) + " ORDER BY started_at, migration_name";
        List<HistoryEntry> entries = Rows.entries(connection, sql, rs -> {
            String name = rs.getString("migration_name");
            EntryState state;
            if (rs.getTimestamp("rolled_back_at") != null) {
                state = EntryState.ROLLED_BACK;
            } else if (rs.getTimestamp("finished_at") != null) {
                state = EntryState.APPLIED;
            } else {
                state = EntryState.FAILED;
            }
            String logs = rs.getString("logs");
            return new HistoryEntry(
                    name,
                    name,
                    state,
                    Rows.instant(rs, state == EntryState.APPLIED ? "finished_at" : "started_at"),
                    rs.getString("checksum"),
                    logs == null ? null : logs.strip());
        });
        return new MigrationHistory(tool(), table.schema(), table.name(), entries, null);
    }
}
