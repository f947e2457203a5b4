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
 * Real Knex 3.3 on MariaDB: a migration written with the schema builder fails halfway (its table, foreign key and
 * index are in, the unique key it adds next meets duplicate e-mails, its last column never ran) and Knex records
 * nothing. migrescue reads the JavaScript, maps it statement by statement, finishes it once the duplicate is fixed and
 * records it as Knex would; {@code knex migrate:latest} then goes on, and the schema is exactly the one Knex makes
 * from scratch. On PostgreSQL Knex runs the migration in a transaction: nothing is half-applied, and migrescue says
 * so and names the duplicate; a NOT NULL column added over rows is filled (the rows counted from the statement) and
 * recorded.
 */
class KnexCodeMigrationIT {
    private static final Duration RUN = Duration.ofSeconds(90);
    private static final String KNEXFILE = """
            module.exports = {
              client: process.env.KNEX_CLIENT,
              connection: { host: process.env.DB_HOST, port: Number(process.env.DB_PORT), user: process.env.DB_USER,
                            password: process.env.DB_PASSWORD, database: process.env.DB_NAME },
              migrations: { directory: './migrations' },
            };
            """;
    private static final String USERS = """
            /**
             * @param { import("knex").Knex } knex
             * @returns { Promise<void> }
             */
            exports.up = function(knex) {
              return knex.schema.createTable('users', (t) => {
                t.increments();
                t.string('email').notNullable();
              });
            };

            exports.down = function(knex) {
              return knex.schema.dropTable('users');
            };
            """;
    private static final String ORDERS = """
            /**
             * @param { import("knex").Knex } knex
             * @returns { Promise<void> }
             */
            exports.up = async function(knex) {
              await knex.schema.createTable('orders', (t) => {
                t.increments();
                t.integer('user_id').unsigned().notNullable().references('id').inTable('users');
                t.decimal('total', 10, 2).notNullable().defaultTo(0);
                t.index(['user_id', 'total']);
              });
              await knex.schema.alterTable('users', (t) => {
                t.unique(['email']);
              });
              await knex.schema.alterTable('orders', (t) => {
                t.string('note', 200);
              });
            };

            exports.down = async function(knex) {
              await knex.schema.dropTable('orders');
            };
            """;
    private static final String TAGS = """
            exports.up = (knex) => knex.schema.createTable('tags', (t) => { t.increments(); t.string('label'); });
            exports.down = (knex) => knex.schema.dropTable('tags');
            """;

    /** A NOT NULL column without a default, added to a table that has rows. */
    private static final String PLAN = """
            exports.up = (knex) => knex.schema.alterTable('users', (t) => { t.string('plan', 20).notNullable(); });
            exports.down = (knex) => knex.schema.alterTable('users', (t) => { t.dropColumn('plan'); });
            """;

    private static Path project(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("knexfile.js"), KNEXFILE);
        Files.writeString(dir.resolve("migrations/001_users.js"), USERS);
        return dir;
    }

    private static NodeTools.Result knex(Path dir, ScratchDatabase db, String... args) {
        Map<String, String> env = new HashMap<>(NodeTools.connection(db));
        env.put("KNEX_CLIENT", db.engine() == Engine.POSTGRESQL ? "pg" : "mysql2");
        return NodeTools.run(dir, env, RUN, NodeTools.script("knex", "bin/cli.js"), args);
    }

    @Test
    void aHalfAppliedKnexMigrationIsFinishedRecordedAndKnexGoesOn(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "knex code half");
                ScratchDatabase clean = ScratchDatabase.create(Engine.MARIADB, "knex code clean")) {
            Path dir = project(tmp.resolve("app"));
            assertThat(knex(dir, db, "migrate:latest").exitCode()).isZero();
            db.execute(
                    "INSERT INTO users (email) VALUES ('ana@example.com'), ('budi@example.com'), ('ana@example.com')");
            Files.writeString(dir.resolve("migrations/002_orders.js"), ORDERS);
            NodeTools.Result failed = knex(dir, db, "migrate:latest");
            assertThat(failed.exitCode()).as(failed.output()).isNotZero();
            assertThat(failed.output()).contains("Duplicate entry");
            Path errorFile = Files.writeString(tmp.resolve("deploy.log"), failed.output());
            Path migrations = dir.resolve("migrations");

            JsonNode migration =
                    CodeMigrationRescue.failedMigration(CodeMigrationRescue.diagnose(db, errorFile, migrations));
            assertThat(migration.path("tool").asText()).isEqualTo("knex");
            assertThat(migration.path("id").asText()).isEqualTo("002_orders.js");
            assertThat(CodeMigrationRescue.states(migration))
                    .containsExactly("applied", "applied", "applied", "failed", "not-applied");
            assertThat(migration.path("statements").get(3).path("sql").asText())
                    .isEqualTo("alter table `users` add unique `users_email_unique`(`email`)");
            assertThat(migration.path("statements").get(3).path("line").asInt())
                    .as("the line of t.unique")
                    .isEqualTo(13);

            db.execute(
                    "UPDATE users SET email = 'ana.2@example.com' WHERE id = 3"); // the operator's own fix of the data
            CodeMigrationRescue.repair(db, tmp.resolve("backup"), "complete-partial-migration", errorFile, migrations);

            NodeTools.Result latest = knex(dir, db, "migrate:latest");
            assertThat(latest.exitCode()).as(latest.output()).isZero();
            assertThat(latest.output()).contains("Already up to date");
            assertThat(rows(db, "SELECT name, batch FROM knex_migrations ORDER BY id"))
                    .containsExactly(List.of("001_users.js", "1"), List.of("002_orders.js", "2"));
            Files.writeString(dir.resolve("migrations/003_tags.js"), TAGS);
            NodeTools.Result next = knex(dir, db, "migrate:latest");
            assertThat(next.exitCode()).as(next.output()).isZero();
            assertThat(next.output()).contains("Batch 3 run: 1 migrations");

            assertThat(knex(dir, clean, "migrate:latest").exitCode()).isZero();
            CodeMigrationRescue.assertSameSchema(clean, db);
            assertThat(rows(db, "SELECT id, email FROM users ORDER BY id"))
                    .containsExactly(
                            List.of("1", "ana@example.com"),
                            List.of("2", "budi@example.com"),
                            List.of("3", "ana.2@example.com"));
        }
    }

    @Test
    void aTableMadeByHandIsAdoptedAndTheRestOfTheKnexMigrationRuns(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "knex code adopt");
                ScratchDatabase clean = ScratchDatabase.create(Engine.MARIADB, "knex code adopt clean")) {
            Path dir = project(tmp.resolve("app"));
            assertThat(knex(dir, db, "migrate:latest").exitCode()).isZero();
            db.execute(
                    "INSERT INTO users (email) VALUES ('ana@example.com'), ('budi@example.com')",
                    // a hotfix made the table by hand, as the migration would
                    "create table `orders` (`id` int unsigned not null auto_increment primary key, `user_id` int unsigned not null,"
                            + " `total` decimal(10, 2) not null default '0')");
            Files.writeString(dir.resolve("migrations/002_orders.js"), ORDERS);
            NodeTools.Result failed = knex(dir, db, "migrate:latest");
            assertThat(failed.exitCode()).as(failed.output()).isNotZero();
            assertThat(failed.output()).contains("already exists");
            Path migrations = dir.resolve("migrations");
            Path errorFile = Files.writeString(tmp.resolve("deploy.log"), failed.output());
            JsonNode diagnosis = CodeMigrationRescue.diagnose(db, errorFile, migrations);
            assertThat(CodeMigrationRescue.kinds(diagnosis)).contains("TABLE_ALREADY_EXISTS");
            assertThat(CodeMigrationRescue.states(CodeMigrationRescue.failedMigration(diagnosis)))
                    .containsExactly("failed", "not-applied", "not-applied", "not-applied", "not-applied");

            CodeMigrationRescue.repair(db, tmp.resolve("backup"), "adopt-existing-object", errorFile, migrations);
            NodeTools.Result latest = knex(dir, db, "migrate:latest");
            assertThat(latest.exitCode()).as(latest.output()).isZero();
            assertThat(latest.output()).contains("Already up to date");
            assertThat(rows(db, "SELECT name, batch FROM knex_migrations ORDER BY id"))
                    .containsExactly(List.of("001_users.js", "1"), List.of("002_orders.js", "2"));
            assertThat(knex(dir, clean, "migrate:latest").exitCode()).isZero();
            CodeMigrationRescue.assertSameSchema(clean, db);
            assertThat(rows(db, "SELECT COUNT(*) FROM users")).containsExactly(List.of("2"));
        }
    }

    @Test
    void onPostgresqlTheFailedKnexMigrationLeftNothingAndMigrescueNamesTheDuplicate(@TempDir Path tmp)
            throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "knex code pg");
                ScratchDatabase clean = ScratchDatabase.create(Engine.POSTGRESQL, "knex code pg clean")) {
            Path dir = project(tmp.resolve("app"));
            assertThat(knex(dir, db, "migrate:latest").exitCode()).isZero();
            db.execute(
                    "INSERT INTO users (email) VALUES ('ana@example.com'), ('budi@example.com'), ('ana@example.com')");
            Files.writeString(dir.resolve("migrations/002_orders.js"), ORDERS);
            NodeTools.Result failed = knex(dir, db, "migrate:latest");
            assertThat(failed.exitCode()).as(failed.output()).isNotZero();
            assertThat(failed.output()).contains("could not create unique index");
            Path errorFile = Files.writeString(tmp.resolve("deploy.log"), failed.output());
            // Knex ran 002 in its transaction: PostgreSQL took the table, its foreign key and its index back
            assertThat(rows(db, "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'orders'"))
                    .containsExactly(List.of("0"));

            JsonNode diagnosis = CodeMigrationRescue.diagnose(db, errorFile, dir.resolve("migrations"));
            assertThat(CodeMigrationRescue.kinds(diagnosis)).first().isEqualTo("DUPLICATE_ROWS");
            assertThat(CodeMigrationRescue.kinds(diagnosis)).doesNotContain("PARTIALLY_APPLIED");
            assertThat(diagnosis.at("/findings/0/summary").asText()).contains("users_email_unique");
            JsonNode migration = CodeMigrationRescue.failedMigration(diagnosis);
            assertThat(migration.path("tool").asText()).isEqualTo("knex");
            assertThat(migration.path("id").asText()).isEqualTo("002_orders.js");
            assertThat(CodeMigrationRescue.states(migration))
                    .containsExactly("not-applied", "not-applied", "not-applied", "failed", "not-applied");
            assertThat(migration.at("/statements/0/reason").asText())
                    .contains("rolled back with the failed transaction");

            db.execute("UPDATE users SET email = 'ana.2@example.com' WHERE id = 3");
            NodeTools.Result again = knex(dir, db, "migrate:latest");
            assertThat(again.exitCode()).as(again.output()).isZero();
            assertThat(again.output()).contains("Batch 2 run: 1 migrations");
            assertThat(knex(dir, clean, "migrate:latest").exitCode()).isZero();
            CodeMigrationRescue.assertSameSchema(clean, db);
            assertThat(rows(db, "SELECT COUNT(*) FROM users")).containsExactly(List.of("3"));
        }
    }

    @Test
    void aNotNullColumnOverRowsIsFilledOnPostgresqlAndKnexGoesOn(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "knex code not null");
                ScratchDatabase clean = ScratchDatabase.create(Engine.POSTGRESQL, "knex code not null clean")) {
            Path dir = project(tmp.resolve("app"));
            assertThat(knex(dir, db, "migrate:latest").exitCode()).isZero();
            db.execute("INSERT INTO users (email) VALUES ('ana@example.com'), ('budi@example.com')");
            Files.writeString(dir.resolve("migrations/002_plan.js"), PLAN);
            NodeTools.Result failed = knex(dir, db, "migrate:latest");
            assertThat(failed.exitCode()).as(failed.output()).isNotZero();
            assertThat(failed.output()).contains("contains null values");
            Path errorFile = Files.writeString(tmp.resolve("deploy.log"), failed.output());
            Path migrations = dir.resolve("migrations");

            JsonNode diagnosis = CodeMigrationRescue.diagnose(db, errorFile, migrations);
            assertThat(CodeMigrationRescue.kinds(diagnosis)).first().isEqualTo("NULL_VALUES");
            assertThat(diagnosis.toString())
                    .as("the rows counted from the statement, before the column exists")
                    .contains("2 row(s) of users would be NULL in the new column plan");

            CodeMigrationRescue.repair(
                    db, tmp.resolve("backup"), "fill-null-values", errorFile, migrations, "value=free");
            NodeTools.Result latest = knex(dir, db, "migrate:latest");
            assertThat(latest.exitCode()).as(latest.output()).isZero();
            assertThat(latest.output()).contains("Already up to date");
            assertThat(rows(db, "SELECT name, batch FROM knex_migrations ORDER BY id"))
                    .containsExactly(List.of("001_users.js", "1"), List.of("002_plan.js", "2"));
            assertThat(knex(dir, clean, "migrate:latest").exitCode()).isZero();
            CodeMigrationRescue.assertSameSchema(clean, db);
            assertThat(rows(db, "SELECT email, plan FROM users ORDER BY id"))
                    .containsExactly(List.of("ana@example.com", "free"), List.of("budi@example.com", "free"));
        }
    }
}
