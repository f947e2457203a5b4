package io.migrescue.history;

import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TypeORM's {@code migrations (id, timestamp, name)}: one row per executed migration class. Told from Laravel's
 * {@code migrations (id, migration, batch)} by its columns. TypeORM runs all pending migrations in one transaction by
 * default, so a failure on PostgreSQL leaves no row and nothing applied; on MySQL the DDL before it stays.
 *
 * <p>Writes TypeORM's {@code migrations} as TypeORM 0.3 does (MigrationExecutor {@code insertExecutedMigration},
 * {@code deleteExecutedMigration}; as read once from real TypeORM 0.3.31's log on both engines, which the test suite
 * does not run). A migration is known by its class name, which ends in the 13-digit timestamp TypeORM stores beside
 * it: {@code AddOrders1700000000000}.
 */
final class TypeOrmTool extends MigrationTool {
    static final String TOOL = "typeorm";
    /** What {@code typeorm migration:create} writes: {@code 1700000000000-AddOrders.ts}. */
    private static final Pattern GENERATED_FILE = Pattern.compile("^(\\d{13})-(.+)\\.[cm]?[jt]s$");

    TypeOrmTool() {
        super(
                TOOL,
                "migrations",
                new Refusals(
                        "TypeORM keeps no lock: it relies on its transaction",
                        "TypeORM has no dirty flag: a migration has a row in migrations or none"),
                "id",
                "timestamp",
                "name");
    }
    /** The class, and the {@code name = '…'} property TypeORM's generator puts first in it, if there is one. */
    private static final Pattern CLASS = Pattern.compile("\\bclass\\s+([A-Za-z_$][\\w$]*)[^{]*\\{"
            + "(?:\\s*(?:public\\s+|readonly\\s+)*name\\s*(?::\\s*string\\s*)?=\\s*[\"'`]([^\"'`]+)[\"'`])?");

    /** {@code INSERT ("timestamp", "name")}, as after a successful {@code migration:run} of the class. */
    @Override
    protected List<BoundStatement> applied(
            Dialect d, MigrationHistory h, MigrationFile file, Instant now, String installedBy) {
        String name = migrationName(file);
        return HistorySql.entry(h, name).isPresent()
                ? List.of()
                : List.of(BoundStatement.of(
                        "INSERT INTO " + HistorySql.table(d, h) + " (" + HistorySql.columns(d, "timestamp", "name")
                                + ") VALUES (?, ?)",
                        timestamp(name),
                        name));
    }

    /** {@code migration:revert}: {@code DELETE WHERE "timestamp" = ? AND "name" = ?}; no row, nothing to do. */
    @Override
    protected List<BoundStatement> rolledBack(
            Dialect d, MigrationHistory h, String id, List<MigrationFile> files, Instant now) {
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

    @Override
    public boolean owns(TableShape table) {
        return super.owns(table) && !table.hasAnyColumn("migration", "batch");
    }

    /** By id, as TypeORM loads executed migrations ({@code loadExecutedMigrations}). */
    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException {
        String sql = "SELECT " + dialect.quote("timestamp") + ", " + dialect.quote("name") + " FROM "
                + dialect.qualify(table.schema(), table.name()) + " ORDER BY " + dialect.quote("id");
        List<HistoryEntry> entries = Rows.entries(connection, sql, rs -> {
            String name = rs.getString("name");
            return new HistoryEntry(name, name, EntryState.APPLIED, null, null, "timestamp " + rs.getLong("timestamp"));
        });
        return new MigrationHistory(tool(), table.schema(), table.name(), entries, null);
    }
}
