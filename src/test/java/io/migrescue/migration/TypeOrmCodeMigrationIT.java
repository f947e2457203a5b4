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
 * Real TypeORM 0.3.31 on MariaDB, with plain JavaScript migrations as {@code migration:generate} writes them
 * ({@code queryRunner.query(…)}) and a JavaScript DataSource: the second migration's table and foreign key go in, its
 * unique index meets duplicate e-mails, and the {@code migrations} table records nothing (MySQL commits each DDL
 * statement, so TypeORM's transaction cannot take them back). migrescue finishes it, records it as TypeORM would, and
 * {@code typeorm migration:run} goes on, to the schema TypeORM makes from scratch.
 */
class TypeOrmCodeMigrationIT {
    private static final Duration RUN = Duration.ofSeconds(90);
    private static final String DATA_SOURCE = """
            const { DataSource } = require("typeorm");
            module.exports = new DataSource({
              type: process.env.DB_TYPE,
              host: process.env.DB_HOST,
              port: Number(process.env.DB_PORT),
              username: process.env.DB_USER,
              password: process.env.DB_PASSWORD,
              database: process.env.DB_NAME,
              migrations: [__dirname + "/migrations/*.js"],
            });
            """;
    private static final String USERS = """
            const { MigrationInterface, QueryRunner } = require("typeorm");

            module.exports = class CreateUsers1700000000000 {
                name = 'CreateUsers1700000000000'

                async up(queryRunner) {
                    await queryRunner.query(`CREATE TABLE \\`users\\` (\\`id\\` int NOT NULL AUTO_INCREMENT, \\`email\\` varchar(255) NOT NULL, PRIMARY KEY (\\`id\\`)) ENGINE=InnoDB`);
                }

                async down(queryRunner) {
                    await queryRunner.query(`DROP TABLE \\`users\\``);
                }
            }
            """;
    private static final String ORDERS = """
            const { MigrationInterface, QueryRunner } = require("typeorm");

            module.exports = class AddOrders1700000000001 {
                name = 'AddOrders1700000000001'

                async up(queryRunner) {
                    await queryRunner.query(`CREATE TABLE \\`orders\\` (\\`id\\` int NOT NULL AUTO_INCREMENT, \\`total\\` decimal(10,2) NOT NULL DEFAULT '0.00', \\`userId\\` int NOT NULL, PRIMARY KEY (\\`id\\`)) ENGINE=InnoDB`);
                    await queryRunner.query(`ALTER TABLE \\`orders\\` ADD CONSTRAINT \\`FK_151b79a83ba240b0cb31b2302d1\\` FOREIGN KEY (\\`userId\\`) REFERENCES \\`users\\`(\\`id\\`) ON DELETE NO ACTION ON UPDATE NO ACTION`);
                    await queryRunner.query(`CREATE UNIQUE INDEX \\`IDX_97672ac88f789774dd47f7c8be\\` ON \\`users\\` (\\`email\\`)`);
                    await queryRunner.query(`ALTER TABLE \\`orders\\` ADD \\`note\\` varchar(200) NULL`);
                }

                async down(queryRunner) {
                    await queryRunner.query(`ALTER TABLE \\`orders\\` DROP FOREIGN KEY \\`FK_151b79a83ba240b0cb31b2302d1\\``);
                    await queryRunner.query(`DROP TABLE \\`orders\\``);
                }
            }
            """;

    /** The same two migrations as {@code migration:generate} writes them for PostgreSQL. */
    private static final String PG_USERS = """
            module.exports = class CreateUsers1700000000000 {
                name = 'CreateUsers1700000000000'

                async up(queryRunner) {
                    await queryRunner.query(`CREATE TABLE "users" ("id" SERIAL NOT NULL, "email" character varying NOT NULL, CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
                }

                async down(queryRunner) {
                    await queryRunner.query(`DROP TABLE "users"`);
                }
            }
            """;

    private static final String PG_ORDERS = """
            module.exports = class AddOrders1700000000001 {
                name = 'AddOrders1700000000001'

                async up(queryRunner) {
                    await queryRunner.query(`CREATE TABLE "orders" ("id" SERIAL NOT NULL, "total" numeric(10,2) NOT NULL DEFAULT '0', "userId" integer NOT NULL, CONSTRAINT "PK_710e2d4957aa5878dfe94e4ac2f" PRIMARY KEY ("id"))`);
                    await queryRunner.query(`ALTER TABLE "orders" ADD CONSTRAINT "FK_151b79a83ba240b0cb31b2302d1" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
                    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users" ("email") `);
                    await queryRunner.query(`ALTER TABLE "orders" ADD "note" character varying(200)`);
                }

                async down(queryRunner) {
                    await queryRunner.query(`DROP TABLE "orders"`);
                }
            }
            """;

    /** A NOT NULL column without a default, added to a table that has rows. */
    private static final String PG_PLAN = """
            module.exports = class AddPlan1700000000002 {
                name = 'AddPlan1700000000002'

                async up(queryRunner) {
                    await queryRunner.query(`ALTER TABLE "users" ADD "plan" character varying(20) NOT NULL`);
                }

                async down(queryRunner) {
                    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "plan"`);
                }
            }
            """;

    private static Path project(Path dir) throws Exception {
        return project(dir, USERS);
    }

    private static Path project(Path dir, String users) throws Exception {
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("datasource.js"), DATA_SOURCE);
        Files.writeString(dir.resolve("migrations/1700000000000-CreateUsers.js"), users);
        return dir;
    }

    private static NodeTools.Result typeorm(Path dir, ScratchDatabase db, String... args) {
        Map<String, String> env = new HashMap<>(NodeTools.connection(db));
        env.put("DB_TYPE", db.engine() == Engine.POSTGRESQL ? "postgres" : "mysql");
        return NodeTools.run(dir, env, RUN, NodeTools.script("typeorm", "cli.js"), args);
    }

    @Test
    void aHalfAppliedTypeOrmMigrationIsFinishedRecordedAndTypeOrmGoesOn(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "typeorm code half");
                ScratchDatabase clean = ScratchDatabase.create(Engine.MARIADB, "typeorm code clean")) {
            Path dir = project(tmp.resolve("app"));
            NodeTools.Result first = typeorm(dir, db, "migration:run", "-d", "datasource.js");
            assertThat(first.exitCode()).as(first.output()).isZero();
            db.execute(
                    "INSERT INTO users (email) VALUES ('ana@example.com'), ('budi@example.com'), ('ana@example.com')");
            Files.writeString(dir.resolve("migrations/1700000000001-AddOrders.js"), ORDERS);
            NodeTools.Result failed = typeorm(dir, db, "migration:run", "-d", "datasource.js");
            assertThat(failed.exitCode()).as(failed.output()).isNotZero();
            assertThat(failed.output()).contains("Duplicate entry");
            Path errorFile = Files.writeString(tmp.resolve("deploy.log"), failed.output());
            Path migrations = dir.resolve("migrations");

            JsonNode migration =
                    CodeMigrationRescue.failedMigration(CodeMigrationRescue.diagnose(db, errorFile, migrations));
            assertThat(migration.path("tool").asText()).isEqualTo("typeorm");
            assertThat(migration.path("id").asText()).isEqualTo("AddOrders1700000000001");
            assertThat(CodeMigrationRescue.states(migration))
                    .containsExactly("applied", "applied", "failed", "not-applied");
            assertThat(migration.path("statements").get(2).path("line").asInt()).isEqualTo(9);

            db.execute("UPDATE users SET email = 'ana.2@example.com' WHERE id = 3");
            CodeMigrationRescue.repair(db, tmp.resolve("backup"), "complete-partial-migration", errorFile, migrations);

            NodeTools.Result again = typeorm(dir, db, "migration:run", "-d", "datasource.js");
            assertThat(again.exitCode()).as(again.output()).isZero();
            assertThat(again.output()).contains("No migrations are pending");
            assertThat(rows(db, "SELECT timestamp, name FROM migrations ORDER BY id"))
                    .containsExactly(
                            List.of("1700000000000", "CreateUsers1700000000000"),
                            List.of("1700000000001", "AddOrders1700000000001"));

            assertThat(typeorm(dir, clean, "migration:run", "-d", "datasource.js")
                            .exitCode())
                    .isZero();
            CodeMigrationRescue.assertSameSchema(clean, db);
            assertThat(rows(db, "SELECT id, email FROM users ORDER BY id"))
                    .containsExactly(
                            List.of("1", "ana@example.com"),
                            List.of("2", "budi@example.com"),
                            List.of("3", "ana.2@example.com"));
        }
    }

    /** Seed rows written by the migration itself, with a duplicate e-mail. */
    private static final String PG_SEEDED_USERS = """
            module.exports = class CreateUsers1700000000000 {
                name = 'CreateUsers1700000000000'

                async up(queryRunner) {
                    await queryRunner.query(`CREATE TABLE "users" ("id" SERIAL NOT NULL, "email" character varying NOT NULL, CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
                    await queryRunner.query(`INSERT INTO "users" ("email") VALUES ('ana@example.com'), ('ana@example.com')`);
                }

                async down(queryRunner) {
                    await queryRunner.query(`DROP TABLE "users"`);
                }
            }
            """;

    /**
     * Both migrations pending in one {@code migration:run}: the second fails and TypeORM's single transaction takes the
     * first with it. The failed migration is the one TypeORM names (not the first pending file), and no data repair is
     * offered: the duplicates were never committed, the fix is in the migrations.
     */
    @Test
    void aWholeRunRolledBackIsNamedFromTypeOrmsOutputAndNoDataRepairIsOffered(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "typeorm whole run")) {
            Path dir = project(tmp.resolve("app"), PG_SEEDED_USERS);
            Files.writeString(dir.resolve("migrations/1700000000001-AddOrders.js"), PG_ORDERS);
            NodeTools.Result failed = typeorm(dir, db, "migration:run", "-d", "datasource.js");
            assertThat(failed.exitCode()).as(failed.output()).isNotZero();
            assertThat(failed.output()).contains("Migration \"AddOrders1700000000001\" failed");
            assertThat(rows(db, "SELECT COUNT(*) FROM migrations")).containsExactly(List.of("0"));
            Path errorFile = Files.writeString(tmp.resolve("deploy.log"), failed.output());

            JsonNode diagnosis = CodeMigrationRescue.diagnose(db, errorFile, dir.resolve("migrations"));
            JsonNode migration = CodeMigrationRescue.failedMigration(diagnosis);
            assertThat(migration.path("id").asText()).isEqualTo("AddOrders1700000000001");
            assertThat(migration.path("foundBy").asText()).isEqualTo("error-text");
            assertThat(CodeMigrationRescue.states(migration))
                    .containsExactly("not-applied", "not-applied", "failed", "not-applied");
            JsonNode finding = diagnosis.at("/findings/0");
            assertThat(finding.path("kind").asText()).isEqualTo("DUPLICATE_ROWS");
            assertThat(finding.path("playbooks")).as(diagnosis.toPrettyString()).isEmpty();
            assertThat(finding.path("evidence").toString()).contains("never committed");
        }
    }

    /** TypeORM runs every pending migration in one transaction: on PostgreSQL the failure leaves nothing behind. */
    @Test
    void onPostgresqlTheTransactionLeftNothingAndMigrescueNamesTheDuplicate(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "typeorm code pg");
                ScratchDatabase clean = ScratchDatabase.create(Engine.POSTGRESQL, "typeorm code pg clean")) {
            Path dir = project(tmp.resolve("app"), PG_USERS);
            NodeTools.Result first = typeorm(dir, db, "migration:run", "-d", "datasource.js");
            assertThat(first.exitCode()).as(first.output()).isZero();
            db.execute(
                    "INSERT INTO users (email) VALUES ('ana@example.com'), ('budi@example.com'), ('ana@example.com')");
            Files.writeString(dir.resolve("migrations/1700000000001-AddOrders.js"), PG_ORDERS);
            NodeTools.Result failed = typeorm(dir, db, "migration:run", "-d", "datasource.js");
            assertThat(failed.exitCode()).as(failed.output()).isNotZero();
            assertThat(failed.output()).contains("could not create unique index");
            Path errorFile = Files.writeString(tmp.resolve("deploy.log"), failed.output());
            assertThat(rows(db, "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'orders'"))
                    .containsExactly(List.of("0"));

            JsonNode diagnosis = CodeMigrationRescue.diagnose(db, errorFile, dir.resolve("migrations"));
            assertThat(CodeMigrationRescue.kinds(diagnosis)).first().isEqualTo("DUPLICATE_ROWS");
            assertThat(CodeMigrationRescue.kinds(diagnosis)).doesNotContain("PARTIALLY_APPLIED");
            assertThat(diagnosis.at("/findings/0/summary").asText()).contains("IDX_97672ac88f789774dd47f7c8be");
            JsonNode migration = CodeMigrationRescue.failedMigration(diagnosis);
            assertThat(migration.path("id").asText()).isEqualTo("AddOrders1700000000001");
            assertThat(CodeMigrationRescue.states(migration))
                    .containsExactly("not-applied", "not-applied", "failed", "not-applied");
            assertThat(migration.at("/statements/0/reason").asText())
                    .contains("rolled back with the failed transaction");

            db.execute("UPDATE users SET email = 'ana.2@example.com' WHERE id = 3");
            NodeTools.Result again = typeorm(dir, db, "migration:run", "-d", "datasource.js");
            assertThat(again.exitCode()).as(again.output()).isZero();
            assertThat(typeorm(dir, clean, "migration:run", "-d", "datasource.js")
                            .exitCode())
                    .isZero();
            CodeMigrationRescue.assertSameSchema(clean, db);
            assertThat(rows(db, "SELECT COUNT(*) FROM users")).containsExactly(List.of("3"));
        }
    }

    @Test
    void aNotNullColumnOverRowsIsFilledOnPostgresqlAndTypeOrmGoesOn(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "typeorm code not null");
                ScratchDatabase clean = ScratchDatabase.create(Engine.POSTGRESQL, "typeorm code not null clean")) {
            Path dir = project(tmp.resolve("app"), PG_USERS);
            assertThat(typeorm(dir, db, "migration:run", "-d", "datasource.js").exitCode())
                    .isZero();
            db.execute("INSERT INTO users (email) VALUES ('ana@example.com'), ('budi@example.com')");
            Files.writeString(dir.resolve("migrations/1700000000002-AddPlan.js"), PG_PLAN);
            NodeTools.Result failed = typeorm(dir, db, "migration:run", "-d", "datasource.js");
            assertThat(failed.exitCode()).as(failed.output()).isNotZero();
            assertThat(failed.output()).contains("contains null values");
            Path errorFile = Files.writeString(tmp.resolve("deploy.log"), failed.output());
            Path migrations = dir.resolve("migrations");

            JsonNode diagnosis = CodeMigrationRescue.diagnose(db, errorFile, migrations);
            assertThat(CodeMigrationRescue.kinds(diagnosis)).first().isEqualTo("NULL_VALUES");
            assertThat(diagnosis.toString()).contains("2 row(s) of users would be NULL in the new column plan");

            CodeMigrationRescue.repair(
                    db, tmp.resolve("backup"), "fill-null-values", errorFile, migrations, "value=free");
            NodeTools.Result again = typeorm(dir, db, "migration:run", "-d", "datasource.js");
            assertThat(again.exitCode()).as(again.output()).isZero();
            assertThat(again.output()).contains("No migrations are pending");
            assertThat(rows(db, "SELECT timestamp, name FROM migrations ORDER BY id"))
                    .containsExactly(
                            List.of("1700000000000", "CreateUsers1700000000000"),
                            List.of("1700000000002", "AddPlan1700000000002"));
            assertThat(typeorm(dir, clean, "migration:run", "-d", "datasource.js")
                            .exitCode())
                    .isZero();
            CodeMigrationRescue.assertSameSchema(clean, db);
            assertThat(rows(db, "SELECT email, plan FROM users ORDER BY id"))
                    .containsExactly(List.of("ana@example.com", "free"), List.of("budi@example.com", "free"));
        }
    }

    /**
     * Finished by hand: the operator fixed the duplicate and ran the rest of AddOrders himself; every effect is in, the
     * migrations table has no row and {@code migration:run} would fail creating orders again. diagnose says the migration
     * is in effect but not recorded (the old error is older than the database), mark-applied records it as TypeORM
     * would, and TypeORM goes on with the schema it makes from scratch.
     */
    @Test
    void aMigrationFinishedByHandIsRecordedAndTypeOrmGoesOn(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "typeorm by hand");
                ScratchDatabase clean = ScratchDatabase.create(Engine.MARIADB, "typeorm by hand clean")) {
            Path dir = project(tmp.resolve("app"));
            assertThat(typeorm(dir, db, "migration:run", "-d", "datasource.js").exitCode())
                    .isZero();
            db.execute(
                    "INSERT INTO users (email) VALUES ('ana@example.com'), ('budi@example.com'), ('ana@example.com')");
            Files.writeString(dir.resolve("migrations/1700000000001-AddOrders.js"), ORDERS);
            NodeTools.Result failed = typeorm(dir, db, "migration:run", "-d", "datasource.js");
            assertThat(failed.exitCode()).as(failed.output()).isNotZero();
            Path errorFile = Files.writeString(tmp.resolve("deploy.log"), failed.output());
            Path migrations = dir.resolve("migrations");
            db.execute(
                    "UPDATE users SET email = 'ana.2@example.com' WHERE id = 3",
                    "CREATE UNIQUE INDEX `IDX_97672ac88f789774dd47f7c8be` ON `users` (`email`)",
                    "ALTER TABLE `orders` ADD `note` varchar(200) NULL");

            io.migrescue.testing.CliRun diagnose = io.migrescue.testing.CliRun.on(
                    db, "diagnose", "--migrations", migrations.toString(), "--error-file", errorFile.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out())
                    .contains("AddOrders1700000000001")
                    .contains("in effect but not recorded")
                    .contains("the error text is older than the database state")
                    .doesNotContain("PARTIALLY_APPLIED");
            CodeMigrationRescue.repair(db, tmp.resolve("backup"), "mark-applied", errorFile, migrations);

            NodeTools.Result again = typeorm(dir, db, "migration:run", "-d", "datasource.js");
            assertThat(again.exitCode()).as(again.output()).isZero();
            assertThat(again.output()).contains("No migrations are pending");
            assertThat(rows(db, "SELECT timestamp, name FROM migrations ORDER BY id"))
                    .containsExactly(
                            List.of("1700000000000", "CreateUsers1700000000000"),
                            List.of("1700000000001", "AddOrders1700000000001"));
            assertThat(typeorm(dir, clean, "migration:run", "-d", "datasource.js")
                            .exitCode())
                    .isZero();
            CodeMigrationRescue.assertSameSchema(clean, db);
            assertThat(rows(db, "SELECT COUNT(*) FROM users")).containsExactly(List.of("3"));
        }
    }
}
