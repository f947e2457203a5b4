package io.migrescue.history;

import static io.migrescue.testing.Plans.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrescue.model.Engine;
import io.migrescue.model.HistoryEntry;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.CodeMigrationRescue;
import io.migrescue.testing.NodeTools;
import io.migrescue.testing.Plans;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real node-pg-migrate 9.0 (npm registry) on PostgreSQL. A migration that opts out of the transaction
 * ({@code pgm.noTransaction()}) fails half-way: its table is in, the unique index it builds next meets duplicate
 * e-mails, and {@code pgmigrations} has no row for it, so every later {@code up} fails creating the table again.
 * migrescue names the migration and what of it is in effect, finishes it once the data is fixed and records it as
 * node-pg-migrate does; {@code up} then goes on and the schema is the one node-pg-migrate makes from scratch. A file
 * added with an older timestamp stops every {@code up} (its order check); migrescue applies and records it so that the
 * check passes again. A concurrent index build in the default transaction is named by preflight with the tool's way
 * out ({@code pgm.noTransaction()}), which then lets {@code up} through.
 */
class NodePgMigrateRealToolIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RUN = Duration.ofSeconds(90);
    private static final String USERS = """
            /** @param pgm {import('node-pg-migrate').MigrationBuilder} */
            exports.up = (pgm) => {
              pgm.sql('CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL)');
            };
            exports.down = (pgm) => {
              pgm.sql('DROP TABLE users');
            };
            """;
    /** Outside a transaction, as for a concurrent index build, so a failure leaves its first statement applied. */
    private static final String EMAIL_INDEX = """
            exports.up = (pgm) => {
              pgm.noTransaction();
              pgm.sql(`CREATE TABLE audit (id serial PRIMARY KEY, user_id integer REFERENCES users (id), note text)`);
              pgm.createIndex('users', 'email', { unique: true });
            };
            exports.down = (pgm) => {
              pgm.dropIndex('users', 'email', { unique: true });
              pgm.sql('DROP TABLE audit');
            };
            """;

    private static final String TAGS = """
            -- Up Migration
            CREATE TABLE tags (id serial PRIMARY KEY, label text);
            -- Down Migration
            DROP TABLE tags;
            """;
    private static final String LATE = """
            -- Up Migration
            CREATE TABLE plans (id serial PRIMARY KEY, name text NOT NULL);
            CREATE INDEX plans_name_index ON plans (name);

            -- Down Migration
            DROP TABLE plans;
            """;

    /** A concurrent index build in node-pg-migrate's default transaction: PostgreSQL refuses it (25001). */
    private static final String NICK_INDEX = """
            exports.up = (pgm) => {
              pgm.sql('ALTER TABLE users ADD COLUMN nick varchar(40)');
              pgm.createIndex('users', 'email', { concurrently: true });
            };
            """;

    private static NodeTools.Result pgMigrate(Path dir, ScratchDatabase db, String... args) {
        return NodeTools.run(
                dir,
                NodeTools.connection(db),
                RUN,
                NodeTools.script("node-pg-migrate", "bin/node-pg-migrate.js"),
                args);
    }

    private static Path project(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("migrations/1700000000000_users.js"), USERS);
        return dir;
    }

    @Test
    void aHalfAppliedNoTransactionMigrationIsFinishedRecordedAndUpGoesOn(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "npgm half");
                ScratchDatabase clean = ScratchDatabase.create(Engine.POSTGRESQL, "npgm clean")) {
            Path dir = project(tmp.resolve("app"));
            NodeTools.Result first = pgMigrate(dir, db, "up");
            assertThat(first.exitCode()).as(first.output()).isZero();
            db.execute(
                    "INSERT INTO users (email) VALUES ('citra@example.org'), ('dodi@example.org'), ('citra@example.org')");
            Files.writeString(dir.resolve("migrations/1700000000001_email_index.js"), EMAIL_INDEX);

            NodeTools.Result failed = pgMigrate(dir, db, "up");
            assertThat(failed.exitCode()).as(failed.output()).isNotZero();
            assertThat(failed.output())
                    .contains("### MIGRATION 1700000000001_email_index (UP) ###")
                    .contains("#> WARNING: Need to break single transaction! <")
                    .contains("could not create unique index \"users_email_unique_index\"");
            assertThat(rows(db, "SELECT name FROM pgmigrations ORDER BY run_on, id"))
                    .as("node-pg-migrate records a migration only once it succeeded")
                    .containsExactly(List.of("1700000000000_users"));
            assertThat(rows(db, "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'audit'"))
                    .containsExactly(List.of("1"));
            NodeTools.Result rerun = pgMigrate(dir, db, "up");
            assertThat(rerun.exitCode()).as(rerun.output()).isNotZero();
            assertThat(rerun.output()).as("the table is left behind").contains("relation \"audit\" already exists");

            assertThat(Plans.history(db, "node-pg-migrate").entries())
                    .extracting(HistoryEntry::id)
                    .containsExactly("1700000000000_users");
            Path errorFile = Files.writeString(tmp.resolve("deploy.log"), failed.output());
            Path migrations = dir.resolve("migrations");
            JsonNode migration =
                    CodeMigrationRescue.failedMigration(CodeMigrationRescue.diagnose(db, errorFile, migrations));
            assertThat(migration.path("tool").asText()).isEqualTo("node-pg-migrate");
            assertThat(migration.path("id").asText()).isEqualTo("1700000000001_email_index");
            assertThat(CodeMigrationRescue.states(migration)).containsExactly("applied", "failed");
            assertThat(migration.at("/statements/1/sql").asText())
                    .isEqualTo("CREATE UNIQUE INDEX \"users_email_unique_index\" ON \"users\" (\"email\")");
            CliRun status = CliRun.on(db, "status", "--migrations", migrations.toString());
            assertThat(status.all()).contains("node-pg-migrate  public.pgmigrations  1 applied");

            db.execute("UPDATE users SET email = 'citra.2@example.org' WHERE id = 3"); // the operator's fix of the data
            CodeMigrationRescue.repair(db, tmp.resolve("backup"), "complete-partial-migration", errorFile, migrations);

            NodeTools.Result latest = pgMigrate(dir, db, "up");
            assertThat(latest.exitCode()).as(latest.output()).isZero();
            assertThat(latest.output()).contains("No migrations to run!");
            Files.writeString(dir.resolve("migrations/1700000000002_tags.sql"), TAGS);
            NodeTools.Result next = pgMigrate(dir, db, "up");
            assertThat(next.exitCode()).as(next.output()).isZero();
            assertThat(next.output()).contains("> - 1700000000002_tags", "Migrations complete!");
            assertThat(rows(db, "SELECT name FROM pgmigrations ORDER BY run_on, id"))
                    .containsExactly(
                            List.of("1700000000000_users"),
                            List.of("1700000000001_email_index"),
                            List.of("1700000000002_tags"));

            NodeTools.Result scratch = pgMigrate(dir, clean, "up");
            assertThat(scratch.exitCode()).as(scratch.output()).isZero();
            CodeMigrationRescue.assertSameSchema(clean, db);
            assertThat(rows(db, "SELECT id, email FROM users ORDER BY id"))
                    .containsExactly(
                            List.of("1", "citra@example.org"),
                            List.of("2", "dodi@example.org"),
                            List.of("3", "citra.2@example.org"));
        }
    }

    /** Rows with the same e-mail, written by the migration itself (seed data), then a unique index over them. */
    private static final String SEEDED_USERS = """
            -- Up Migration
            CREATE TABLE members (id int PRIMARY KEY, email text NOT NULL);
            INSERT INTO members VALUES (1, 'ana@example.org'), (2, 'ana@example.org'), (3, 'budi@example.org');
            -- Down Migration
            DROP TABLE members;
            """;

    private static final String MEMBER_EMAIL = """
            -- Up Migration
            ALTER TABLE members ADD COLUMN nick text;
            CREATE UNIQUE INDEX members_email_uq ON members (email);
            -- Down Migration
            DROP INDEX members_email_uq;
            ALTER TABLE members DROP COLUMN nick;
            """;

    @Test
    void theFailedMigrationIsTheOneItsOutputNamesAndADeployThatMeetsDuplicatesIsRepaired(@TempDir Path tmp)
            throws Exception {
        try (ScratchDatabase whole = ScratchDatabase.create(Engine.POSTGRESQL, "npgm whole run");
                ScratchDatabase stepwise = ScratchDatabase.create(Engine.POSTGRESQL, "npgm stepwise")) {
            // one `up` with both migrations pending: node-pg-migrate's single transaction rolls both back
            Path dir = Files.createDirectories(tmp.resolve("app/migrations")).getParent();
            Path migrations = dir.resolve("migrations");
            Files.writeString(migrations.resolve("1700000000000_members.sql"), SEEDED_USERS);
            Files.writeString(migrations.resolve("1700000000001_member_email.sql"), MEMBER_EMAIL);
            NodeTools.Result failed = pgMigrate(dir, whole, "up");
            assertThat(failed.exitCode()).as(failed.output()).isNotZero();
            assertThat(rows(whole, "SELECT COUNT(*) FROM pgmigrations")).containsExactly(List.of("0"));
            Path errorFile = Files.writeString(tmp.resolve("whole.log"), failed.output());

            JsonNode diagnosis = CodeMigrationRescue.diagnose(whole, errorFile, migrations);
            JsonNode migration = CodeMigrationRescue.failedMigration(diagnosis);
            assertThat(migration.path("id").asText())
                    .as("named by the output, not the first pending file (which was rolled back with it)")
                    .isEqualTo("1700000000001_member_email");
            assertThat(migration.path("foundBy").asText()).isEqualTo("error-text");
            assertThat(CodeMigrationRescue.states(migration)).containsExactly("not-applied", "failed");
            JsonNode finding = diagnosis.at("/findings/0");
            assertThat(finding.path("kind").asText()).isEqualTo("DUPLICATE_ROWS");
            assertThat(finding.path("playbooks"))
                    .as("no repair reaches rows that were never committed")
                    .isEmpty();
            assertThat(finding.path("evidence").toString()).contains("rolled it back with itself");

            // deploy by deploy: the first migration is in, with its duplicates; the second fails on them
            Files.delete(migrations.resolve("1700000000001_member_email.sql"));
            assertThat(pgMigrate(dir, stepwise, "up").exitCode()).isZero();
            Files.writeString(migrations.resolve("1700000000001_member_email.sql"), MEMBER_EMAIL);
            NodeTools.Result deploy = pgMigrate(dir, stepwise, "up");
            assertThat(deploy.exitCode()).as(deploy.output()).isNotZero();
            Path deployLog = Files.writeString(tmp.resolve("deploy.log"), deploy.output());
            JsonNode second = CodeMigrationRescue.diagnose(stepwise, deployLog, migrations);
            assertThat(second.at("/findings/0/kind").asText()).isEqualTo("DUPLICATE_ROWS");
            assertThat(second.at("/findings/0/playbooks/0").asText()).isEqualTo("fix-duplicate-rows");
            CodeMigrationRescue.repair(
                    stepwise, tmp.resolve("backup"), "fix-duplicate-rows", deployLog, migrations, "keep=first");

            NodeTools.Result latest = pgMigrate(dir, stepwise, "up");
            assertThat(latest.exitCode()).as(latest.output()).isZero();
            assertThat(rows(stepwise, "SELECT name FROM pgmigrations ORDER BY run_on, id"))
                    .containsExactly(List.of("1700000000000_members"), List.of("1700000000001_member_email"));
            assertThat(rows(stepwise, "SELECT id, email FROM members ORDER BY id"))
                    .containsExactly(List.of("1", "ana@example.org"), List.of("3", "budi@example.org"));
            assertThat(rows(stepwise, "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'members_email_uq'"))
                    .containsExactly(List.of("1"));
        }
    }

    @Test
    void aFileAddedWithAnOlderTimestampIsAppliedInOrderAndTheOrderCheckPasses(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "npgm order")) {
            Path dir = project(tmp.resolve("app"));
            Files.writeString(dir.resolve("migrations/1700000000002_tags.sql"), TAGS);
            NodeTools.Result first = pgMigrate(dir, db, "up");
            assertThat(first.exitCode()).as(first.output()).isZero();
            // a branch merged late: its migration is older than the newest applied one
            Files.writeString(dir.resolve("migrations/1700000000001_plans.sql"), LATE);
            NodeTools.Result refused = pgMigrate(dir, db, "up");
            assertThat(refused.exitCode()).as(refused.output()).isNotZero();
            assertThat(refused.output())
                    .contains("Not run migration 1700000000001_plans is preceding already run migration"
                            + " 1700000000002_tags");
            Path migrations = dir.resolve("migrations");

            JsonNode diagnosis = CodeMigrationRescue.diagnose(db, null, migrations);
            assertThat(CodeMigrationRescue.kinds(diagnosis)).contains("OUT_OF_ORDER_MIGRATION");
            assertThat(diagnosis.toString()).contains("--no-check-order");
            CodeMigrationRescue.repair(db, tmp.resolve("backup"), "apply-out-of-order", null, migrations);

            NodeTools.Result latest = pgMigrate(dir, db, "up");
            assertThat(latest.exitCode()).as(latest.output()).isZero();
            assertThat(latest.output()).contains("No migrations to run!");
            assertThat(rows(db, "SELECT name FROM pgmigrations ORDER BY run_on, id"))
                    .as("recorded where the order check expects it, before the later migration")
                    .containsExactly(
                            List.of("1700000000000_users"),
                            List.of("1700000000001_plans"),
                            List.of("1700000000002_tags"));
            assertThat(rows(db, "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'plans_name_index'"))
                    .containsExactly(List.of("1"));
            NodeTools.Result down = pgMigrate(dir, db, "down", "2");
            assertThat(down.exitCode()).as(down.output()).isZero();
            assertThat(rows(db, "SELECT name FROM pgmigrations")).containsExactly(List.of("1700000000000_users"));
        }
    }

    @Test
    void preflightNamesAConcurrentIndexInTheTransactionAndNoTransactionLetsUpThrough(@TempDir Path tmp)
            throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "npgm preflight")) {
            Path dir = project(tmp.resolve("app"));
            assertThat(pgMigrate(dir, db, "up").exitCode()).isZero();
            Path pending = Files.writeString(dir.resolve("migrations/1700000000001_nick_index.js"), NICK_INDEX);
            Path migrations = dir.resolve("migrations");

            CliRun run = CliRun.on(db, "preflight", "--migrations", migrations.toString(), "--format", "json");
            assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
            JsonNode finding = JSON.readTree(run.out()).at("/findings/0");
            assertThat(finding.at("/kind").asText()).as(run.out()).isEqualTo("TRANSACTION_CONTEXT");
            assertThat(finding.at("/migration/file").asText()).isEqualTo("1700000000001_nick_index.js");
            assertThat(finding.at("/statement/line").asInt())
                    .as("the line of pgm.createIndex")
                    .isEqualTo(3);
            assertThat(finding.at("/fix/text").asText()).contains("pgm.noTransaction()");

            NodeTools.Result failed = pgMigrate(dir, db, "up");
            assertThat(failed.exitCode()).as(failed.output()).isNotZero();
            assertThat(failed.output()).contains("CREATE INDEX CONCURRENTLY cannot run inside a transaction block");
            assertThat(rows(db, "SELECT count(*) FROM information_schema.columns WHERE column_name = 'nick'"))
                    .as("the transaction took the new column back")
                    .containsExactly(List.of("0"));

            Files.writeString(pending, NICK_INDEX.replace("=> {\n", "=> {\n  pgm.noTransaction();\n"));
            CliRun again = CliRun.on(db, "preflight", "--migrations", migrations.toString(), "--format", "json");
            assertThat(again.exitCode()).as(again.all()).isZero();
            NodeTools.Result deploy = pgMigrate(dir, db, "up");
            assertThat(deploy.exitCode()).as(deploy.output()).isZero();
            assertThat(rows(db, "SELECT indexname FROM pg_indexes WHERE tablename = 'users' ORDER BY indexname"))
                    .containsExactly(List.of("users_email_index"), List.of("users_pkey"));
        }
    }
}
