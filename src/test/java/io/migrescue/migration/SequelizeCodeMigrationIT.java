package io.migrescue.migration;

import static io.migrescue.testing.Plans.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.migrescue.model.Engine;
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
 * Real sequelize-cli 6.6 (Sequelize 6.37, mysql2) on MariaDB: a queryInterface migration creates its table with a
 * foreign key and an index, then its unique index meets duplicate e-mails; SequelizeMeta records nothing. migrescue
 * finishes it from the JavaScript, records it as sequelize-cli would, {@code sequelize db:migrate} goes on, and the
 * schema is the one sequelize-cli makes from scratch.
 */
class SequelizeCodeMigrationIT {
    private static final Duration RUN = Duration.ofSeconds(90);
    private static final String CONFIG = """
            module.exports = {
              development: { dialect: process.env.DB_DIALECT, host: process.env.DB_HOST, port: Number(process.env.DB_PORT),
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

    /** The same change in one transaction, as Sequelize's documentation writes it: on PostgreSQL all or nothing. */
    private static final String ORDERS_IN_A_TRANSACTION = """
            'use strict';
            /** @type {import('sequelize-cli').Migration} */
            module.exports = {
              async up(queryInterface, Sequelize) {
                await queryInterface.sequelize.transaction(async (transaction) => {
                  await queryInterface.createTable('Orders', {
                    id: { allowNull: false, autoIncrement: true, primaryKey: true, type: Sequelize.INTEGER },
                    userId: {
                      type: Sequelize.INTEGER,
                      allowNull: false,
                      references: { model: 'Users', key: 'id' },
                      onDelete: 'CASCADE'
                    },
                    total: { type: Sequelize.DECIMAL(10, 2), allowNull: false, defaultValue: 0 },
                  }, { transaction });
                  await queryInterface.addIndex('Orders', ['userId', 'total'], { transaction });
                  await queryInterface.addIndex('Users', ['email'], { unique: true, transaction });
                  await queryInterface.addColumn('Orders', 'note', { type: Sequelize.STRING(200) }, { transaction });
                });
              },
              async down(queryInterface, Sequelize) {
                await queryInterface.dropTable('Orders');
              }
            };
            """;
    /** A NOT NULL column without a default, added to a table that has rows. */
    private static final String PLAN = """
            'use strict';
            module.exports = {
              async up(queryInterface, Sequelize) {
                await queryInterface.addColumn('Users', 'plan', { type: Sequelize.STRING(20), allowNull: false });
              },
              async down(queryInterface, Sequelize) {
                await queryInterface.removeColumn('Users', 'plan');
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
        Map<String, String> env = new HashMap<>(NodeTools.connection(db));
        env.put("DB_DIALECT", db.engine() == Engine.POSTGRESQL ? "postgres" : "mysql");
        return NodeTools.run(dir, env, RUN, NodeTools.script("sequelize-cli", "lib/sequelize"), args);
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
            assertThat(failed.output())
                    .contains("ERROR: Validation error"); // all sequelize-cli says of a duplicate key
            Path errorFile = Files.writeString(tmp.resolve("deploy.log"), failed.output());
            Path migrations = dir.resolve("migrations");

            JsonNode migration =
                    CodeMigrationRescue.failedMigration(CodeMigrationRescue.diagnose(db, errorFile, migrations));
            assertThat(migration.path("tool").asText()).isEqualTo("sequelize");
            assertThat(migration.path("id").asText()).isEqualTo("20240102000000-create-orders.js");
            assertThat(CodeMigrationRescue.states(migration))
                    .containsExactly("applied", "applied", "failed", "not-applied");
            assertThat(migration.path("statements").get(2).path("sql").asText())
                    .isEqualTo("ALTER TABLE `Users` ADD UNIQUE INDEX `users_email` (`email`)");

            db.execute("UPDATE Users SET email = 'ana.2@example.com' WHERE id = 3");
            CodeMigrationRescue.repair(db, tmp.resolve("backup"), "complete-partial-migration", errorFile, migrations);

            NodeTools.Result again = sequelize(dir, db, "db:migrate");
            assertThat(again.exitCode()).as(again.output()).isZero();
            assertThat(again.output()).contains("No migrations were executed, database schema was already up to date.");
            assertThat(rows(db, "SELECT name FROM SequelizeMeta ORDER BY name"))
                    .containsExactly(
                            List.of("20240101000000-create-users.js"), List.of("20240102000000-create-orders.js"));

            assertThat(sequelize(dir, clean, "db:migrate").exitCode()).isZero();
            CodeMigrationRescue.assertSameSchema(clean, db);
            assertThat(rows(db, "SELECT id, email FROM Users ORDER BY id"))
                    .containsExactly(
                            List.of("1", "ana@example.com"),
                            List.of("2", "budi@example.com"),
                            List.of("3", "ana.2@example.com"));
        }
    }

    private static void usersWithADuplicate(ScratchDatabase db) throws Exception {
        db.execute(
                "INSERT INTO \"Users\" (email, \"createdAt\", \"updatedAt\") VALUES ('ana@example.com', now(), now()),"
                        + " ('budi@example.com', now(), now()), ('ana@example.com', now(), now())");
    }

    @Test
    void onPostgresqlTheTransactionLeftNothingAndMigrescueNamesTheDuplicate(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "sequelize code pg");
                ScratchDatabase clean = ScratchDatabase.create(Engine.POSTGRESQL, "sequelize code pg clean")) {
            Path dir = project(tmp.resolve("app"));
            assertThat(sequelize(dir, db, "db:migrate").exitCode()).isZero();
            usersWithADuplicate(db);
            Files.writeString(dir.resolve("migrations/20240102000000-create-orders.js"), ORDERS_IN_A_TRANSACTION);
            NodeTools.Result failed = sequelize(dir, db, "db:migrate");
            assertThat(failed.exitCode()).as(failed.output()).isNotZero();
            Path errorFile = Files.writeString(tmp.resolve("deploy.log"), failed.output());
            assertThat(rows(db, "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'Orders'"))
                    .containsExactly(List.of("0"));

            JsonNode diagnosis = CodeMigrationRescue.diagnose(db, errorFile, dir.resolve("migrations"));
            assertThat(diagnosis.toString())
                    .contains("DUPLICATE_ROWS")
                    .contains("users_email")
                    .doesNotContain("PARTIALLY_APPLIED");
            JsonNode migration = CodeMigrationRescue.failedMigration(diagnosis);
            assertThat(migration.path("id").asText()).isEqualTo("20240102000000-create-orders.js");
            assertThat(CodeMigrationRescue.states(migration))
                    .containsExactly("not-applied", "not-applied", "failed", "not-applied");
            assertThat(migration.at("/statements/0/reason").asText())
                    .contains("rolled back with the failed transaction");

            db.execute("UPDATE \"Users\" SET email = 'ana.2@example.com' WHERE id = 3");
            NodeTools.Result again = sequelize(dir, db, "db:migrate");
            assertThat(again.exitCode()).as(again.output()).isZero();
            assertThat(sequelize(dir, clean, "db:migrate").exitCode()).isZero();
            CodeMigrationRescue.assertSameSchema(clean, db);
            assertThat(rows(db, "SELECT COUNT(*) FROM \"Users\"")).containsExactly(List.of("3"));
        }
    }

    @Test
    void aNotNullColumnOverRowsIsFilledOnPostgresqlAndSequelizeGoesOn(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "sequelize code not null");
                ScratchDatabase clean = ScratchDatabase.create(Engine.POSTGRESQL, "sequelize code not null clean")) {
            Path dir = project(tmp.resolve("app"));
            assertThat(sequelize(dir, db, "db:migrate").exitCode()).isZero();
            db.execute(
                    "INSERT INTO \"Users\" (email, \"createdAt\", \"updatedAt\") VALUES ('ana@example.com', now(), now()),"
                            + " ('budi@example.com', now(), now())");
            Files.writeString(dir.resolve("migrations/20240102000000-add-plan.js"), PLAN);
            NodeTools.Result failed = sequelize(dir, db, "db:migrate");
            assertThat(failed.exitCode()).as(failed.output()).isNotZero();
            assertThat(failed.output()).contains("contains null values");
            Path errorFile = Files.writeString(tmp.resolve("deploy.log"), failed.output());
            Path migrations = dir.resolve("migrations");

            JsonNode diagnosis = CodeMigrationRescue.diagnose(db, errorFile, migrations);
            assertThat(CodeMigrationRescue.kinds(diagnosis)).first().isEqualTo("NULL_VALUES");
            assertThat(diagnosis.toString()).contains("2 row(s) of Users would be NULL in the new column plan");

            CodeMigrationRescue.repair(
                    db, tmp.resolve("backup"), "fill-null-values", errorFile, migrations, "value=free");
            NodeTools.Result again = sequelize(dir, db, "db:migrate");
            assertThat(again.exitCode()).as(again.output()).isZero();
            assertThat(again.output()).contains("No migrations were executed, database schema was already up to date.");
            assertThat(rows(db, "SELECT name FROM \"SequelizeMeta\" ORDER BY name"))
                    .containsExactly(List.of("20240101000000-create-users.js"), List.of("20240102000000-add-plan.js"));
            assertThat(sequelize(dir, clean, "db:migrate").exitCode()).isZero();
            CodeMigrationRescue.assertSameSchema(clean, db);
            assertThat(rows(db, "SELECT email, plan FROM \"Users\" ORDER BY id"))
                    .containsExactly(List.of("ana@example.com", "free"), List.of("budi@example.com", "free"));
        }
    }
}
