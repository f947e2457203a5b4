package io.migrescue.history;

import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import java.time.Instant;

/**
 * Writes {@code SequelizeMeta} as sequelize-cli 6.6 does through umzug 2.3's SequelizeStorage ({@code logMigration}:
 * {@code INSERT ("name")}; {@code unlogMigration}: {@code DELETE WHERE "name" = ?}), as read once from real
 * sequelize-cli's log on both engines (the test suite does not run it). The name is the file name with its extension:
 * {@code 20240101000000-create-users.js}.
 */
final class SequelizeHistoryWriter extends RowPerMigrationWriter {
    static final String TOOL = "sequelize";

    SequelizeHistoryWriter() {
        super(
                TOOL,
                "name",
                new Refusals(
                        "Sequelize keeps no lock: two sequelize-cli runs at once are not prevented",
                        "Sequelize has no dirty flag: a migration has a row in SequelizeMeta or none"));
    }

    @Override
    BoundStatement insert(Dialect d, MigrationHistory h, String name, Instant now) {
        return BoundStatement.of(
                "INSERT INTO " + HistorySql.table(d, h) + " (" + HistorySql.column(d, "name") + ") VALUES (?)", name);
    }
}
