package io.migrescue.history;

import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sequelize's {@code SequelizeMeta (name)} (sequelize-cli through umzug's SequelizeStorage): one row per applied
 * migration file, named with its extension. A failure leaves no row.
 *
 * <p>Writes {@code SequelizeMeta} as sequelize-cli 6.6 does through umzug 2.3's SequelizeStorage ({@code logMigration}:
 * {@code INSERT ("name")}; {@code unlogMigration}: {@code DELETE WHERE "name" = ?}), as read once from real
 * sequelize-cli's log on both engines (the test suite does not run it). The name is the file name with its extension:
 * {@code 20240101000000-create-users.js}.
 */
final class SequelizeTool extends RowPerMigrationTool {
    static final String TOOL = "sequelize";

    SequelizeTool() {
        super(
                TOOL,
                "SequelizeMeta",
                "name",
                new Refusals(
                        "Sequelize keeps no lock: two sequelize-cli runs at once are not prevented",
                        "Sequelize has no dirty flag: a migration has a row in SequelizeMeta or none"),
                "name");
    }

    @Override
    public boolean recordsByNameAlone() {
        return true;
    }

    /** sequelize-cli runs each migration without a transaction unless the migration opens one itself. */
    @Override
    public boolean runsInTransaction(List<String> statements, String source) {
        return false;
    }

    @Override
    public Optional<String> outOfOrderRule() {
        return Optional.of("sequelize db:migrate runs it next, after migrations written later");
    }

    @Override
    BoundStatement insert(Dialect d, MigrationHistory h, String name, Instant now) {
        return BoundStatement.of(
                "INSERT INTO " + HistorySql.table(d, h) + " (" + HistorySql.column(d, "name") + ") VALUES (?)", name);
    }

    /** In umzug's order: by name ({@code executed()} sorts by the name column), which is file order. */
    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException {
        String sql = "SELECT " + dialect.quote("name") + " FROM " + dialect.qualify(table.schema(), table.name())
                + " ORDER BY " + dialect.quote("name");
        List<HistoryEntry> entries = Rows.entries(connection, sql, rs -> {
            String name = rs.getString(1);
            return new HistoryEntry(name, name, EntryState.APPLIED, null, null, null);
        });
        return new MigrationHistory(tool(), table.schema(), table.name(), entries, null);
    }
}
