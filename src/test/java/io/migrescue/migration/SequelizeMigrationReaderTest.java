package io.migrescue.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.migration.sequelize.SequelizeMigrationReader;
import io.migrescue.model.Engine;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.SqlStatement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Migrations as {@code sequelize model:generate} writes them, and one with every queryInterface call the reader
 * knows; the expected SQL is what real Sequelize 6.37 ran for them ({@code logging}), saved beside them. Where
 * Sequelize first reads the catalog (MySQL's renameColumn), migrescue writes the statement with the same effect.
 */
class SequelizeMigrationReaderTest {
    private static final Path DIR = Path.of("src/test/resources/io/migrescue/migration/sequelize");
    private final SequelizeMigrationReader reader = new SequelizeMigrationReader();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"MARIADB, mysql, 0", "MARIADB, mysql, 1", "POSTGRESQL, postgresql, 0", "POSTGRESQL, postgresql, 1"})
    void queryInterfaceCallsAreRenderedAsSequelizeRunsThem(Engine engine, String expected, int index) throws Exception {
        List<MigrationFile> files = reader.list(DIR);
        assertThat(files)
                .extracting(MigrationFile::id)
                .containsExactly("20240101000000-create-user.js", "20240102000000-orders.js");
        MigrationFile file = files.get(index);
        String stem = file.id().substring(0, file.id().length() - 3);
        List<String> want = Files.readAllLines(DIR.resolve(stem + "." + expected + ".expected"));
        assertThat(reader.statements(file, engine))
                .extracting(SqlStatement::sql)
                .containsExactlyElementsOf(want);
    }

    @Test
    void transactionsAreFollowedAndWhatIsComputedIsNotGuessed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("20240105000000-tags.js"), """
                'use strict';
                const { DataTypes } = require('sequelize');

                module.exports = {
                  up: async (queryInterface) => queryInterface.sequelize.transaction(async (transaction) => {
                    await queryInterface.addColumn('Users', 'teamId', {
                      type: DataTypes.INTEGER,
                      references: { model: 'Teams', key: 'id' },
                      onDelete: 'CASCADE',
                    }, { transaction });
                    await queryInterface.addIndex('Users', { fields: ['teamId', 'createdAt'], unique: true, transaction });
                    await queryInterface.bulkInsert('Teams', [{ name: 'a' }], { transaction });
                    await queryInterface.addColumn('Users', 'score', { type: DataTypes.VIRTUAL });
                    await queryInterface.addColumn(tableName, 'x', DataTypes.STRING);
                  }),
                  down: async () => {},
                };
                """);
        MigrationFile file = reader.list(dir).get(0);
        List<SqlStatement> mysql = reader.statements(file, Engine.MARIADB);
        assertThat(mysql)
                .extracting(SqlStatement::sql)
                .containsExactly(
                        "ALTER TABLE `Users` ADD `teamId` INTEGER, ADD CONSTRAINT `Users_teamId_foreign_idx` FOREIGN KEY (`teamId`)"
                                + " REFERENCES `Teams` (`id`) ON DELETE CASCADE",
                        "ALTER TABLE `Users` ADD UNIQUE INDEX `users_team_id_created_at` (`teamId`, `createdAt`)",
                        "-- not understood: queryInterface.bulkInsert('Teams', [{ name: 'a' }], { transaction })",
                        "-- not understood: queryInterface.addColumn('Users', 'score', { type: DataTypes.VIRTUAL })",
                        "-- not understood: queryInterface.addColumn(tableName, 'x', DataTypes.STRING)");
        assertThat(mysql).extracting(SqlStatement::line).containsExactly(6, 11, 12, 13, 14);
        assertThat(reader.statements(file, Engine.POSTGRESQL).get(0).sql())
                .isEqualTo(
                        "ALTER TABLE \"public\".\"Users\" ADD COLUMN \"teamId\" INTEGER REFERENCES \"Teams\" (\"id\") ON DELETE CASCADE");
    }
}
