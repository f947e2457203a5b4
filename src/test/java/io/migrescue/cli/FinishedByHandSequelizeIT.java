package io.migrescue.cli;

import static io.migrescue.testing.Plans.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.CodeMigrationRescue;
import io.migrescue.testing.NodeTools;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real sequelize-cli 6.6 on MariaDB: a queryInterface migration fails on its unique index (duplicate e-mails),
 * SequelizeMeta records nothing, and the operator finishes it by hand. With the deploy log (which names the unique
 * index as the failed statement) and without it, migrescue says the migration is in effect but unrecorded and
 * {@code repair --yes} records it as sequelize-cli would; {@code sequelize db:migrate} then runs nothing.
 */
class FinishedByHandSequelizeIT {
    private static final Duration RUN = Duration.ofSeconds(90);
    private static final String CONFIG = """
            module.exports = {
              development: { dialect: process.env.DB_DIALECT, host: process.env.DB_HOST,
                port: Number(process.env.DB_PORT),
                username: process.env.DB_USER, password: process.env.DB_PASSWORD || null, database: process.env.DB_NAME,
                logging: false },
            };
            """;
    private static final String RC = """
            const path = require('path');
            module.exports = { config: path.resolve('config.js'), 'migrations-path': path.resolve('migrations') };
            """;
    private static final String USERS = """
            'use strict';
            /** @type {import('sequelize-cli').Migration} */
            module.exports = {
              async up(queryInterface, Sequelize) {
                await queryInterface.createTable('Users', {
                  id: {
                    allowNull: false,
                    autoIncrement: true,
                    primaryKey: true,
                    type: Sequelize.INTEGER
                  },
                  email: {
                    type: Sequelize.STRING,
                    allowNull: false
                  },
                  createdAt: {
                    allowNull: false,
                    type: Sequelize.DATE
                  },
                  updatedAt: {
                    allowNull: false,
                    type: Sequelize.DATE
                  }
                });
              },
              async down(queryInterface, Sequelize) {
                await queryInterface.dropTable('Users');
              }
            };
            """;
    private static final String ORDERS = """
            'use strict';
            /** @type {import('sequelize-cli').Migration} */
            module.exports = {
              async up(queryInterface, Sequelize) {
                await queryInterface.createTable('Orders', {
                  id: { allowNull: false, autoIncrement: true, primaryKey: true, type: Sequelize.INTEGER },
                  userId: {
                    type: Sequelize.INTEGER,
                    allowNull: false,
                    references: { model: 'Users', key: 'id' },
                    onDelete: 'CASCADE'
                  },
                  total: { type: Sequelize.DECIMAL(10, 2), allowNull: false, defaultValue: 0 },
                });
                await queryInterface.addIndex('Orders', ['userId', 'total']);
                await queryInterface.addIndex('Users', ['email'], { unique: true });
                await queryInterface.addColumn('Orders', 'note', { type: Sequelize.STRING(200) });
              },
              async down(queryInterface, Sequelize) {
                await queryInterface.dropTable('Orders');
              }
            };
            """;

    private static NodeTools.Result sequelize(Path dir, ScratchDatabase db, String... args) {
        Map<String, String> env = new HashMap<>(NodeTools.connection(db));
        env.put("DB_DIALECT", "mysql");
        return NodeTools.run(dir, env, RUN, NodeTools.script("sequelize-cli", "lib/sequelize"), args);
    }

    @Test
    void aSequelizeMigrationFinishedByHandIsRecordedWithAndWithoutTheErrorText(@TempDir Path tmp) throws Exception {
        for (boolean withError : new boolean[] {true, false}) {
            try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "sequelize by hand " + withError);
                    ScratchDatabase clean =
                            ScratchDatabase.create(Engine.MARIADB, "sequelize by hand clean " + withError)) {
                Path dir = tmp.resolve("app" + withError);
                Files.createDirectories(dir.resolve("migrations"));
                Files.writeString(dir.resolve("config.js"), CONFIG);
                Files.writeString(dir.resolve(".sequelizerc"), RC);
                Files.writeString(dir.resolve("migrations/20240101000000-create-users.js"), USERS);
                assertThat(sequelize(dir, db, "db:migrate").exitCode()).isZero();
                db.execute("INSERT INTO Users (email, createdAt, updatedAt) VALUES ('ana@example.com', NOW(), NOW()),"
                        + " ('budi@example.com', NOW(), NOW()), ('ana@example.com', NOW(), NOW())");
                Files.writeString(dir.resolve("migrations/20240102000000-create-orders.js"), ORDERS);
                NodeTools.Result failed = sequelize(dir, db, "db:migrate");
                assertThat(failed.exitCode()).as(failed.output()).isNotZero();
                Path errorFile = Files.writeString(tmp.resolve("deploy" + withError + ".log"), failed.output());
                db.execute(
                        "UPDATE Users SET email = 'ana.2@example.com' WHERE id = 3",
                        "ALTER TABLE `Users` ADD UNIQUE INDEX `users_email` (`email`)",
                        "ALTER TABLE `Orders` ADD `note` VARCHAR(200)");

                List<String> args = new java.util.ArrayList<>(
                        List.of("--migrations", dir.resolve("migrations").toString()));
                if (withError) {
                    args.addAll(List.of("--error-file", errorFile.toString()));
                }
                CliRun diagnose = CliRun.on(db, "diagnose", args.toArray(String[]::new));
                assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
                assertThat(diagnose.out())
                        .contains("20240102000000-create-orders.js")
                        .contains("in effect but not recorded")
                        .doesNotContain("PARTIALLY_APPLIED");
                args.addAll(List.of(
                        "--backup-dir", tmp.resolve("backup" + withError).toString(), "--yes"));
                CliRun repair = CliRun.on(db, "repair", args.toArray(String[]::new));
                assertThat(repair.exitCode()).as(repair.all()).isZero();

                NodeTools.Result again = sequelize(dir, db, "db:migrate");
                assertThat(again.exitCode()).as(again.output()).isZero();
                assertThat(again.output())
                        .contains("No migrations were executed, database schema was already up to date.");
                assertThat(rows(db, "SELECT name FROM SequelizeMeta ORDER BY name"))
                        .containsExactly(
                                List.of("20240101000000-create-users.js"), List.of("20240102000000-create-orders.js"));
                assertThat(sequelize(dir, clean, "db:migrate").exitCode()).isZero();
                CodeMigrationRescue.assertSameSchema(clean, db);
                assertThat(rows(db, "SELECT COUNT(*) FROM Users")).containsExactly(List.of("3"));
            }
        }
    }
}
