package io.migrescue.migration;

import com.fasterxml.jackson.databind.JsonNode;
import io.migrescue.model.Engine;
import io.migrescue.testing.CodeMigrationRescue;
import io.migrescue.testing.NodeTools;
import io.migrescue.testing.ScratchDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.migrescue.testing.Plans.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real sequelize-cli 6.6 (Sequelize 6.37, mysql2) on MariaDB: a queryInterface migration creates its table with a
 * foreign key and an index, then its unique index meets duplicate e-mails; SequelizeMeta records nothing. migrescue
 * finishes it from the JavaScript, records it as sequelize-cli would, {@code sequelize db:migrate} goes on, and the
 * schema is the one sequelize-cli makes from scratch.
 */
class SequelizeCodeMigrationIT {
    private static final Duration RUN = Duration.ofSeconds(90);
    private static final String CONFIG = """
            module.exports = {
              development: { dialect: 'mysql', host: process.env.DB_HOST, port: Number(process.env.DB_PORT),
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

    private static Path project(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("config.js"), CONFIG);
        Files.writeString(dir.resolve(".sequelizerc"), RC);
        Files.writeString(dir.resolve("migrations/20240101000000-create-users.js"), USERS);
        return dir;
    }

    private static NodeTools.Result sequelize(Path dir, ScratchDatabase db, String... args) {
        return NodeTools.run(dir, NodeTools.connection(db), RUN, NodeTools.script("sequelize-cli", "lib/sequelize"), args);
    }

    @Test
    void aHalfAppliedSequelizeMigrationIsFinishedRecordedAndSequelizeGoesOn(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "sequelize code half");
             ScratchDatabase clean = ScratchDatabase.create(Engine.MARIADB, "sequelize code clean")) {
            Path dir = project(tmp.resolve("app"));
            NodeTools.Result first = sequelize(dir, db, "db:migrate");
            assertThat(first.exitCode()).as(first.output()).isZero();
            db.execute("INSERT INTO Users (email, createdAt, updatedAt) VALUES ('ana@example.com', NOW(), NOW()),"
                    + " ('budi@example.com', NOW(), NOW()), ('ana@example.com', NOW(), NOW())");
            Files.writeString(dir.resolve("migrations/20240102000000-create-orders.js"), ORDERS);
            NodeTools.Result failed = sequelize(dir, db, "db:migrate");
            assertThat(failed.exitCode()).as(failed.output()).isNotZero();
            assertThat(failed.output()).contains("ERROR: Validation error"); // all sequelize-cli says of a duplicate key
            Path errorFile = Files.writeString(tmp.resolve("deploy.log"), failed.output());
            Path migrations = dir.resolve("migrations");

            JsonNode migration = CodeMigrationRescue.failedMigration(CodeMigrationRescue.diagnose(db, errorFile, migrations));
            assertThat(migration.path("tool").asText()).isEqualTo("sequelize");
            assertThat(migration.path("id").asText()).isEqualTo("20240102000000-create-orders.js");
            assertThat(CodeMigrationRescue.states(migration)).containsExactly("applied", "applied", "failed", "not-applied");
            assertThat(migration.path("statements").get(2).path("sql").asText())
                    .isEqualTo("ALTER TABLE `Users` ADD UNIQUE INDEX `users_email` (`email`)");

            db.execute("UPDATE Users SET email = 'ana.2@example.com' WHERE id = 3");
            CodeMigrationRescue.repair(db, tmp.resolve("backup"), "complete-partial-migration", errorFile, migrations);

            NodeTools.Result again = sequelize(dir, db, "db:migrate");
            assertThat(again.exitCode()).as(again.output()).isZero();
            assertThat(again.output()).contains("No migrations were executed, database schema was already up to date.");
            assertThat(rows(db, "SELECT name FROM SequelizeMeta ORDER BY name"))
                    .containsExactly(List.of("20240101000000-create-users.js"), List.of("20240102000000-create-orders.js"));

            assertThat(sequelize(dir, clean, "db:migrate").exitCode()).isZero();
            CodeMigrationRescue.assertSameSchema(clean, db);
            assertThat(rows(db, "SELECT id, email FROM Users ORDER BY id")).containsExactly(List.of("1", "ana@example.com"),
                    List.of("2", "budi@example.com"), List.of("3", "ana.2@example.com"));
        }
    }
}
