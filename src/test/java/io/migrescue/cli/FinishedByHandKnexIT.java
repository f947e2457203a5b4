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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Knex 3.3 on MariaDB: a migration fails halfway (a duplicate e-mail refuses its unique key) and Knex records
 * nothing; the operator fixes the data and runs the rest of the migration by hand. Every effect is in the schema, no
 * row says so, and {@code knex migrate:latest} would fail creating the table again. migrescue says the migration is
 * complete but unrecorded, with or without the old error text (which names a statement now in effect), and records it
 * as Knex would; Knex then goes on. A table of another shape is never taken for the migration's.
 */
class FinishedByHandKnexIT {
    private static final Duration RUN = Duration.ofSeconds(90);
    private static final String KNEXFILE = """
            module.exports = {
              client: 'mysql2',
              connection: { host: process.env.DB_HOST, port: Number(process.env.DB_PORT), user: process.env.DB_USER,
                            password: process.env.DB_PASSWORD, database: process.env.DB_NAME },
              migrations: { directory: './migrations' },
            };
            """;
    private static final String USERS = """
            exports.up = (knex) => knex.schema.createTable('users', (t) => {
              t.increments();
              t.string('email').notNullable();
            });
            exports.down = (knex) => knex.schema.dropTable('users');
            """;
    private static final String ORDERS = """
            exports.up = async function(knex) {
              await knex.schema.createTable('orders', (t) => {
                t.increments();
                t.integer('user_id').unsigned().notNullable().references('id').inTable('users');
                t.decimal('total', 10, 2).notNullable().defaultTo(0);
              });
              await knex.schema.alterTable('users', (t) => {
                t.unique(['email']);
              });
              await knex.schema.alterTable('orders', (t) => {
                t.string('note', 200);
              });
            };
            exports.down = (knex) => knex.schema.dropTable('orders');
            """;

    private static NodeTools.Result knex(Path dir, ScratchDatabase db, String... args) {
        return NodeTools.run(
                dir, new HashMap<>(NodeTools.connection(db)), RUN, NodeTools.script("knex", "bin/cli.js"), args);
    }

    /** 001 applied, 002 failed on the duplicate: its table and foreign key are in, the rest is not. */
    private static Path failedHalfway(Path dir, ScratchDatabase db) throws Exception {
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("knexfile.js"), KNEXFILE);
        Files.writeString(dir.resolve("migrations/001_users.js"), USERS);
        assertThat(knex(dir, db, "migrate:latest").exitCode()).isZero();
        db.execute("INSERT INTO users (email) VALUES ('ana@example.com'), ('budi@example.com'), ('ana@example.com')");
        Files.writeString(dir.resolve("migrations/002_orders.js"), ORDERS);
        NodeTools.Result failed = knex(dir, db, "migrate:latest");
        assertThat(failed.exitCode()).as(failed.output()).isNotZero();
        assertThat(failed.output()).contains("Duplicate entry");
        return Files.writeString(dir.resolve("deploy.log"), failed.output());
    }

    private static void finishedByHand(ScratchDatabase db) throws Exception {
        db.execute(
                "UPDATE users SET email = 'ana.2@example.com' WHERE id = 3",
                "alter table `users` add unique `users_email_unique`(`email`)",
                "alter table `orders` add `note` varchar(200)");
    }

    private static void knexGoesOn(Path dir, ScratchDatabase db, ScratchDatabase clean) throws Exception {
        NodeTools.Result latest = knex(dir, db, "migrate:latest");
        assertThat(latest.exitCode()).as(latest.output()).isZero();
        assertThat(latest.output()).contains("Already up to date");
        assertThat(rows(db, "SELECT name, batch FROM knex_migrations ORDER BY id"))
                .containsExactly(List.of("001_users.js", "1"), List.of("002_orders.js", "2"));
        assertThat(knex(dir, clean, "migrate:latest").exitCode()).isZero();
        CodeMigrationRescue.assertSameSchema(clean, db);
        assertThat(rows(db, "SELECT id, email FROM users ORDER BY id"))
                .containsExactly(
                        List.of("1", "ana@example.com"),
                        List.of("2", "budi@example.com"),
                        List.of("3", "ana.2@example.com"));
    }

    private static CliRun repair(ScratchDatabase db, Path dir, Path error, Path backup) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--migrations", dir.resolve("migrations").toString(), "--backup-dir", backup.toString(), "--yes"));
        if (error != null) {
            args.addAll(List.of("--error-file", error.toString()));
        }
        return CliRun.on(db, "repair", args.toArray(String[]::new));
    }

    @Test
    void withTheOldErrorTextTheFinishedMigrationIsRecordedAndKnexGoesOn(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "knex by hand error");
                ScratchDatabase clean = ScratchDatabase.create(Engine.MARIADB, "knex by hand error clean")) {
            Path dir = tmp.resolve("app");
            Path error = failedHalfway(dir, db);
            finishedByHand(db);

            CliRun diagnose = CliRun.on(
                    db,
                    "diagnose",
                    "--migrations",
                    dir.resolve("migrations").toString(),
                    "--error-file",
                    error.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out())
                    .contains("002_orders.js")
                    .contains("in effect but not recorded")
                    .contains("the error text is older than the database state")
                    .doesNotContain("PARTIALLY_APPLIED");
            CliRun repair = CliRun.on(
                    db,
                    "repair",
                    "mark-applied",
                    "--migrations",
                    dir.resolve("migrations").toString(),
                    "--error-file",
                    error.toString(),
                    "--backup-dir",
                    tmp.resolve("backup").toString(),
                    "--yes");
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            knexGoesOn(dir, db, clean);
        }
    }

    @Test
    void withoutTheErrorTextTheFinishedMigrationIsRecordedAndKnexGoesOn(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "knex by hand");
                ScratchDatabase clean = ScratchDatabase.create(Engine.MARIADB, "knex by hand clean")) {
            Path dir = tmp.resolve("app");
            failedHalfway(dir, db);
            finishedByHand(db);

            CliRun status = CliRun.on(
                    db, "status", "--migrations", dir.resolve("migrations").toString());
            assertThat(status.exitCode()).as(status.all()).isEqualTo(1);
            assertThat(status.out()).contains("in effect but not recorded");
            CliRun diagnose = CliRun.on(
                    db, "diagnose", "--migrations", dir.resolve("migrations").toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out()).contains("002_orders.js").contains("in effect but not recorded");
            CliRun repair = repair(db, dir, null, tmp.resolve("backup"));
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            knexGoesOn(dir, db, clean);
        }
    }

    @Test
    void aTableOfAnotherShapeIsNotTakenForTheMigrationsAndNothingIsRecorded(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "knex by hand shape")) {
            Path dir = tmp.resolve("app");
            Path error = failedHalfway(dir, db);
            db.execute(
                    "UPDATE users SET email = 'ana.2@example.com' WHERE id = 3",
                    "alter table `users` add unique `users_email_unique`(`email`)",
                    // finished by hand, but not as the migration says: note is text, and a column more
                    "alter table `orders` add `note` text, add `legacy_code` int");

            for (Path e : new Path[] {error, null}) {
                List<String> args = new java.util.ArrayList<>(
                        List.of("--migrations", dir.resolve("migrations").toString()));
                if (e != null) {
                    args.addAll(List.of("--error-file", e.toString()));
                }
                CliRun diagnose = CliRun.on(db, "diagnose", args.toArray(String[]::new));
                assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
                assertThat(diagnose.out())
                        .as("with error text: " + (e != null))
                        .contains("column orders.note exists as text, the migration makes it varchar(200)")
                        .doesNotContain("although the error names it as failed");
                CliRun markApplied = CliRun.on(
                        db,
                        "repair",
                        "mark-applied",
                        "--migrations",
                        dir.resolve("migrations").toString(),
                        "--backup-dir",
                        tmp.resolve("b" + (e == null)).toString(),
                        "--yes");
                assertThat(markApplied.exitCode()).as(markApplied.all()).isNotZero();
                CliRun repair = repair(db, dir, e, tmp.resolve("backup" + (e == null)));
                assertThat(repair.all()).doesNotContain("verified");
                assertThat(rows(db, "SELECT name FROM knex_migrations ORDER BY id"))
                        .containsExactly(List.of("001_users.js"));
            }
            assertThat(rows(db, "SELECT COUNT(*) FROM users")).containsExactly(List.of("3"));
        }
    }
}
