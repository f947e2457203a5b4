package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.NodeTools;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real Knex 3.3 (issue 13, item 2): a migration file renamed after it ran. {@code knex migrate:latest} stops with "The
 * migration directory is corrupt"; migrescue finds the renamed file by its effects in the schema, re-points Knex's row
 * at it, and Knex goes on: the next migration runs, the renamed one does not run again, no row is lost.
 */
class RenamedMigrationKnexIT {
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
            exports.up = (knex) => knex.schema.createTable('users', (t) => { t.increments(); t.string('email', 200); });
            exports.down = (knex) => knex.schema.dropTable('users');
            """;
    private static final String ORDERS = """
            exports.up = (knex) => knex.schema.createTable('orders', (t) => {
              t.increments();
              t.integer('user_id').unsigned().references('id').inTable('users');
              t.decimal('total', 10, 2);
            });
            exports.down = (knex) => knex.schema.dropTable('orders');
            """;
    private static final String TAGS = """
            exports.up = (knex) => knex.schema.createTable('tags', (t) => { t.increments(); t.string('label', 50); });
            exports.down = (knex) => knex.schema.dropTable('tags');
            """;
    private static final String ACCOUNTS = """
            exports.up = (knex) => knex.schema.createTable('accounts', (t) => { t.increments(); t.string('name',
                    50); });
            exports.down = (knex) => knex.schema.dropTable('accounts');
            """;

    private static NodeTools.Result knex(Path dir, ScratchDatabase db, String... args) {
        Map<String, String> env = new HashMap<>(NodeTools.connection(db));
        env.put("KNEX_CLIENT", db.engine() == Engine.POSTGRESQL ? "pg" : "mysql2");
        return NodeTools.run(dir, env, RUN, NodeTools.script("knex", "bin/cli.js"), args);
    }

    private static Path project(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("knexfile.js"), KNEXFILE);
        Files.writeString(dir.resolve("migrations/20240101000000_users.js"), USERS);
        Files.writeString(dir.resolve("migrations/20240102000000_create_orders.js"), ORDERS);
        return dir;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void aRenamedKnexMigrationIsRepointedAndKnexGoesOn(Engine engine, @TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "knex renamed")) {
            Path dir = project(tmp.resolve("app"));
            NodeTools.Result first = knex(dir, db, "migrate:latest");
            assertThat(first.exitCode()).as(first.output()).isZero();
            db.execute(
                    "INSERT INTO users (email) VALUES ('ana@example.com'), ('budi@example.com')",
                    "INSERT INTO orders (user_id, total) VALUES (1, 10.50), (2, 3.25), (1, 7.00)");
            Path migrations = dir.resolve("migrations");
            Files.move(
                    migrations.resolve("20240102000000_create_orders.js"),
                    migrations.resolve("20240102000000_orders.js"));
            Files.writeString(migrations.resolve("20240103000000_tags.js"), TAGS);
            NodeTools.Result corrupt = knex(dir, db, "migrate:latest");
            assertThat(corrupt.exitCode()).as(corrupt.output()).isNotZero();
            assertThat(corrupt.output())
                    .contains("The migration directory is " + "corrupt")
                    .contains("20240102000000_create_orders.js");

            CliRun status = CliRun.on(db, "status", "--migrations", migrations.toString());
            assertThat(status.exitCode()).as(status.all()).isEqualTo(1);
            assertThat(status.out())
                    .contains("20240102000000_create_orders.js is recorded as applied but no file has " + "it");
            CliRun diagnose = CliRun.on(db, "diagnose", "--migrations", migrations.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out())
                    .contains("RENAMED_MIGRATION")
                    .contains("20240102000000_orders.js")
                    .contains("repoint-renamed-migration")
                    .doesNotContain("No findings");

            CliRun repair = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    migrations.toString(),
                    "--yes",
                    "--backup-dir",
                    tmp.resolve("backup").toString());
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(repair.all()).contains("repoint-renamed-migration");
            assertThat(db.scalar("SELECT COUNT(*) FROM knex_migrations WHERE name = " + "'20240102000000_orders.js'"))
                    .isEqualTo("1");
            assertThat(db.scalar(
                            "SELECT COUNT(*) FROM knex_migrations WHERE name = " + "'20240102000000_create_orders.js'"))
                    .isEqualTo("0");

            NodeTools.Result latest = knex(dir, db, "migrate:latest");
            assertThat(latest.exitCode()).as(latest.output()).isZero();
            assertThat(latest.output())
                    .contains("Batch 2 run: 1 " + "migrations"); // tags alone: the renamed one does not run again
            assertThat(db.scalar("SELECT COUNT(*) FROM knex_migrations WHERE name = " + "'20240103000000_tags.js'"))
                    .isEqualTo("1");
            assertThat(db.scalar("SELECT COUNT(*) FROM orders")).isEqualTo("3");
            assertThat(db.scalar("SELECT COUNT(*) FROM users")).isEqualTo("2");
            assertThat(db.scalar("SELECT COUNT(*) FROM tags")).isEqualTo("0");
            assertThat(db.scalar("SELECT COUNT(*) FROM knex_migrations")).isEqualTo("3");
            CliRun healthy = CliRun.on(db, "status", "--migrations", migrations.toString());
            assertThat(healthy.exitCode()).as(healthy.all()).isZero();
        }
    }

    /** Two files fit: migrescue names both and changes nothing until a person says which (never a guess). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void twoFilesThatCouldBeTheRenamedOneAreAskedAbout(Engine engine, @TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "knex renamed ambiguous")) {
            Path dir = project(tmp.resolve("app"));
            assertThat(knex(dir, db, "migrate:latest").exitCode()).isZero();
            db.execute("CREATE TABLE accounts (id INT PRIMARY KEY, name VARCHAR(50))"); // made by hand, long ago
            Path migrations = dir.resolve("migrations");
            Files.move(
                    migrations.resolve("20240102000000_create_orders.js"),
                    migrations.resolve("20240105000000_shop.js"));
            Files.writeString(migrations.resolve("20240104000000_accounts.js"), ACCOUNTS);

            CliRun diagnose = CliRun.on(db, "diagnose", "--migrations", migrations.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out())
                    .contains("RENAMED_MIGRATION")
                    .contains("20240104000000_accounts.js")
                    .contains("20240105000000_shop.js")
                    .contains("--param renamedTo=");
            CliRun asked = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    migrations.toString(),
                    "--yes",
                    "--backup-dir",
                    tmp.resolve("b1").toString());
            assertThat(asked.exitCode()).as(asked.all()).isEqualTo(2);
            assertThat(asked.err())
                    .contains("does not guess")
                    .contains("--param " + "renamedTo=")
                    .doesNotContain("Exception");
            assertThat(db.scalar(
                            "SELECT COUNT(*) FROM knex_migrations WHERE name = " + "'20240102000000_create_orders.js'"))
                    .isEqualTo("1");

            CliRun chosen = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    migrations.toString(),
                    "--yes",
                    "--param",
                    "renamedTo=20240105000000_shop.js",
                    "--backup-dir",
                    tmp.resolve("b2").toString());
            assertThat(chosen.exitCode()).as(chosen.all()).isZero();
            // accounts exists already (by hand): Knex would run its migration and fail; that is out of scope here
            Files.delete(migrations.resolve("20240104000000_accounts.js"));
            NodeTools.Result latest = knex(dir, db, "migrate:latest");
            assertThat(latest.exitCode()).as(latest.output()).isZero();
            assertThat(db.scalar("SELECT COUNT(*) FROM knex_migrations WHERE name = " + "'20240105000000_shop.js'"))
                    .isEqualTo("1");
        }
    }

    /** A file deleted after it ran, and none like it: Knex's row goes only on the decision; Knex then goes on. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void aDeletedKnexMigrationIsForgottenOnDecision(Engine engine, @TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "knex deleted")) {
            Path dir = project(tmp.resolve("app"));
            assertThat(knex(dir, db, "migrate:latest").exitCode()).isZero();
            db.execute("INSERT INTO orders (total) VALUES (1.00), (2.00)");
            Path migrations = dir.resolve("migrations");
            Files.delete(migrations.resolve("20240102000000_create_orders.js"));
            Files.writeString(migrations.resolve("20240103000000_tags.js"), TAGS);
            assertThat(knex(dir, db, "migrate:latest").output()).contains("The migration directory is corrupt");

            CliRun diagnose = CliRun.on(db, "diagnose", "--migrations", migrations.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out()).contains("MISSING_MIGRATION_FILE").contains("forget-missing-migration");
            CliRun undecided = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    migrations.toString(),
                    "--yes",
                    "--backup-dir",
                    tmp.resolve("b1").toString());
            assertThat(undecided.exitCode()).as(undecided.all()).isEqualTo(6);
            assertThat(db.scalar("SELECT COUNT(*) FROM knex_migrations")).isEqualTo("2");
            CliRun forget = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    migrations.toString(),
                    "--yes",
                    "--param",
                    "forget=yes",
                    "--backup-dir",
                    tmp.resolve("b2").toString());
            assertThat(forget.exitCode()).as(forget.all()).isZero();

            NodeTools.Result latest = knex(dir, db, "migrate:latest");
            assertThat(latest.exitCode()).as(latest.output()).isZero();
            assertThat(db.scalar("SELECT COUNT(*) FROM orders")).isEqualTo("2");
            assertThat(db.scalar("SELECT COUNT(*) FROM knex_migrations WHERE name = " + "'20240103000000_tags.js'"))
                    .isEqualTo("1");
        }
    }
}
