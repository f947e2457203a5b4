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

/**
 * Laravel's {@code migrations (id, migration, batch)}. A failure leaves no row, so the history alone never shows one:
 * the live schema and the error text do (diagnosis).
 *
 * <p>Writes Laravel's {@code migrations (id, migration, batch)} as Laravel 11 does (Illuminate\Database\Migrations\
 * DatabaseMigrationRepository::log and ::delete). A failed migration leaves no row, so there is never a row to fix.
 */
final class LaravelTool extends RowPerMigrationTool {
    static final String TOOL = "laravel";

    LaravelTool() {
        // TypeORM's table of the same name has (id, timestamp, name) instead
        super(
                TOOL,
                "migrations",
                "migration",
                new Refusals(
                        "Laravel keeps no lock in its migrations table (migrate --isolated locks"
                                + " through the application's cache store, which expires)",
                        "Laravel has no dirty flag: a migration has a row or it has none"),
                "id",
                "migration",
                "batch");
    }

    @Override
    public boolean recordsByNameAlone() {
        return true;
    }

    @Override
    String key(MigrationFile file) {
        return migrationName(file);
    }

    private static final String PHP = ".php";

    /**
     * Inserts {@code (migration, batch)} with batch = the current highest batch + 1, which is what {@code migrate} logs
     * for a new run ({@code getNextBatchNumber}). The repair is a run of its own: {@code migrate:rollback} then undoes
     * this migration alone, not together with the earlier batch that succeeded. (Had the failed run applied other
     * migrations before this one, they already hold that batch number: MAX + 1 still gives this one its own.)
     */
    @Override
    BoundStatement insert(Dialect d, MigrationHistory h, String migration, Instant now) {
        return BoundStatement.of(
                "INSERT INTO " + HistorySql.table(d, h) + " (" + HistorySql.columns(d, "migration", "batch")
                        + ") SELECT ?, COALESCE(MAX(" + HistorySql.column(d, "batch") + "), 0) + 1 FROM "
                        + HistorySql.table(d, h),
                migration);
    }

    /** The file name without {@code .php}: {@code 2024_03_01_000000_create_orders_table}. */
    static String migrationName(MigrationFile file) {
        String name =
                file.path() == null ? file.id() : file.path().getFileName().toString();
        return name.endsWith(PHP) ? name.substring(0, name.length() - PHP.length()) : file.id();
    }

    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException {
        String sql =
                "SELECT id, migration, batch FROM " + dialect.qualify(table.schema(), table.name()) + " ORDER BY id";
        List<HistoryEntry> entries = Rows.entries(connection, sql, rs -> {
            String migration = rs.getString("migration");
            return new HistoryEntry(
                    migration, migration, EntryState.APPLIED, null, null, "batch " + rs.getInt("batch"));
        });
        return new MigrationHistory(tool(), table.schema(), table.name(), entries, null);
    }
}
