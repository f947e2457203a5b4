package io.migrescue.history;

import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes TypeORM's {@code migrations} as TypeORM 0.3 does (MigrationExecutor {@code insertExecutedMigration},
 * {@code deleteExecutedMigration}; as read once from real TypeORM 0.3.31's log on both engines, which the test suite
 * does not run). A migration is known by its class name, which ends in the 13-digit timestamp TypeORM stores beside
 * it: {@code AddOrders1700000000000}.
 */
final class TypeOrmHistoryWriter extends ToolHistoryWriter {
    static final String TOOL = "typeorm";
    /** The class, and the {@code name = '…'} property TypeORM's generator puts first in it, if there is one. */
    private static final Pattern CLASS = Pattern.compile("\\bclass\\s+([A-Za-z_$][\\w$]*)[^{]*\\{"
            + "(?:\\s*(?:public\\s+|readonly\\s+)*name\\s*(?::\\s*string\\s*)?=\\s*[\"'`]([^\"'`]+)[\"'`])?");
    /** What {@code typeorm migration:create} writes: {@code 1700000000000-AddOrders.ts}. */
    private static final Pattern GENERATED_FILE = Pattern.compile("^(\\d{13})-(.+)\\.[cm]?[jt]s$");

    TypeOrmHistoryWriter() {
        super(
                TOOL,
                new Refusals(
                        "TypeORM keeps no lock: it relies on its transaction",
                        "TypeORM has no dirty flag: a migration has a row in migrations or none"));
    }

    /** {@code INSERT ("timestamp", "name")}, as after a successful {@code migration:run} of the class. */
    @Override
    public List<BoundStatement> recordApplied(
            Dialect d, MigrationHistory h, MigrationFile file, Instant now, String installedBy) {
        HistorySql.requireTool(h, TOOL);
        String name = migrationName(file);
        if (HistorySql.entry(h, name).isPresent()) {
            return List.of();
        }
        return List.of(BoundStatement.of(
                "INSERT INTO " + HistorySql.table(d, h) + " (" + HistorySql.columns(d, "timestamp", "name")
                        + ") VALUES (?, ?)",
                timestamp(name),
                name));
    }

    /** {@code migration:revert}: {@code DELETE WHERE "timestamp" = ? AND "name" = ?}; no row, nothing to do. */
    @Override
    public List<BoundStatement> recordRolledBack(
            Dialect d, MigrationHistory h, String id, List<MigrationFile> files, Instant now) {
        HistorySql.requireTool(h, TOOL);
        return HistorySql.deleteEntry(d, h, id, List.of("timestamp", "name"), k -> List.of(timestamp(k), k));
    }

    /**
     * The name TypeORM records: {@code migration.name || migration.constructor.name}, so a {@code name = '…'} property
     * first, else the class name, else what {@code migration:create} derives from the file name.
     */
    static String migrationName(MigrationFile file) {
        String fileName = MigrationNames.fileName(file);
        if (file.path() != null) {
            Matcher m = CLASS.matcher(MigrationNames.read(file.path()));
            if (m.find()) {
                return m.group(2) != null ? m.group(2) : m.group(1);
            }
        }
        Matcher generated = GENERATED_FILE.matcher(fileName);
        if (generated.matches()) {
            return generated.group(2).replaceAll("[^A-Za-z0-9_$]", "") + generated.group(1);
        }
        throw new IllegalArgumentException("cannot tell the TypeORM migration class of " + fileName);
    }

    /** TypeORM's {@code parseInt(name.substr(-13), 10)}; it refuses a class name without it, and so does this. */
    static long timestamp(String name) {
        if (name.length() < 13 || !name.substring(name.length() - 13).chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException(name + ": a TypeORM migration class name ends in a 13-digit JavaScript"
                    + " timestamp, which TypeORM records beside it");
        }
        return Long.parseLong(name.substring(name.length() - 13));
    }
}
