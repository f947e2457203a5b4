package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.Fingerprint;
import io.migrescue.testing.NodeTools;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Field report 04 with the real tools (drizzle-kit 0.31, drizzle-orm 0.45): tables made with {@code drizzle-kit push},
 * then {@code drizzle-kit migrate} fails with 42P07 on PostgreSQL. A migration whose tables are all what it creates is
 * recorded as applied; a table of another shape is never renamed aside on {@code --yes} alone (exit 6, nothing changed), only with
 * the decision given. A second run with the same, now stale, error file does nothing.
 */
class RepairDecisionsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RUN = Duration.ofSeconds(90);
    private static final String CONFIG = """
            module.exports = { dialect: 'postgresql', schema: './schema.js', out: './drizzle', dbCredentials: { url: process.env.DATABASE_URL } };
            """;
    /** What drizzle-kit migrate runs (drizzle-kit 0.31 swallows the error it prints; an application's own migrate() shows it). */
    private static final String MIGRATE_JS = """
            const { drizzle } = require('drizzle-orm/node-postgres');
            const { migrate } = require('drizzle-orm/node-postgres/migrator');
            migrate(drizzle(process.env.DATABASE_URL), { migrationsFolder: './drizzle' })
              .then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
            """;

    private static final String SCHEMA = """
            const { pgTable, serial, text, integer } = require('drizzle-orm/pg-core');
            exports.users = pgTable('users', { id: serial('id').primaryKey(), email: text('email').notNull()%s });
            exports.posts = pgTable('posts', { id: serial('id').primaryKey(), title: text('title').notNull(), authorId: integer('author_id') });
            """;

    private static NodeTools.Result drizzleKit(Path dir, ScratchDatabase db, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", "drizzle.config.js"));
        return NodeTools.run(
                dir,
                NodeTools.connection(db),
                RUN,
                NodeTools.script("drizzle-kit", "bin.cjs"),
                all.toArray(String[]::new));
    }

    /**
     * The state of field report 04: {@code push} from the schema as it was, then the migration generated from the schema
     * as it is now, and {@code migrate} failing on it.
     *
     * @return the error file: the failure as the migrator printed it
     */
    private static Path pushThenFailingMigrate(Path dir, ScratchDatabase db, String pushedUsers, String generatedUsers)
            throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("drizzle.config.js"), CONFIG);
        Files.writeString(dir.resolve("migrate.js"), MIGRATE_JS);
        Files.writeString(dir.resolve("schema.js"), SCHEMA.formatted(pushedUsers));
        NodeTools.Result push = drizzleKit(dir, db, "push", "--force");
        assertThat(push.exitCode()).as(push.output()).isZero();
        db.execute(
                "INSERT INTO users (email) VALUES ('ana@example.com'), ('budi@example.com')",
                "INSERT INTO posts (title, author_id) VALUES ('hello', 1)");
        Files.writeString(dir.resolve("schema.js"), SCHEMA.formatted(generatedUsers));
        NodeTools.Result generate = drizzleKit(dir, db, "generate");
        assertThat(generate.exitCode()).as(generate.output()).isZero();

        NodeTools.Result kit = drizzleKit(dir, db, "migrate");
        assertThat(kit.exitCode()).as(kit.output()).isNotZero();
        NodeTools.Result failed = NodeTools.run(dir, NodeTools.connection(db), RUN, dir.resolve("migrate.js"));
        assertThat(failed.exitCode()).isNotZero();
        assertThat(failed.output()).contains("42P07").contains("relation \"users\" already exists");
        Path error = dir.resolve("deploy.log");
        Files.writeString(error, failed.output());
        return error;
    }

    private static List<String> args(Path dir, Path error, Path backup, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--error-file",
                error.toString(),
                "--migrations",
                dir.resolve("drizzle").toString(),
                "--backup-dir",
                backup.toString()));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void pushThenMigrateWithTheSameShapeIsAdoptedAndMigrateGoesOn(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "decisions adopt")) {
            Path dir = tmp.resolve("app");
            Path error = pushThenFailingMigrate(dir, db, "", "");

            CliRun run = CliRun.on(
                    db,
                    "repair",
                    args(dir, error, tmp.resolve("b1"), "--yes", "--format", "json")
                            .toArray(String[]::new));
            assertThat(run.exitCode()).as(run.all()).isZero();
            JsonNode report = JSON.readTree(run.out());
            // every statement of the migration is in effect: recorded as Drizzle would (issue 13), nothing renamed
            assertThat(report.at("/playbook").asText()).isEqualTo("baseline-applied-migrations");
            assertThat(report.at("/status").asText()).isEqualTo("verified");
            assertThat(report.at("/verification").findValuesAsText("holds"))
                    .isNotEmpty()
                    .containsOnly("true");
            assertThat(db.scalar("SELECT count(*) FROM users")).isEqualTo("2");

            NodeTools.Result migrate = drizzleKit(dir, db, "migrate");
            assertThat(migrate.exitCode()).as(migrate.output()).isZero();

            // the same error file again: its cause is settled, so nothing is backed up and nothing runs
            Fingerprint after = Fingerprint.of(db);
            CliRun again = CliRun.on(
                    db, "repair", args(dir, error, tmp.resolve("b2"), "--yes").toArray(String[]::new));
            assertThat(again.exitCode()).as(again.all()).isZero();
            assertThat(again.err()).contains("nothing to repair");
            assertThat(Fingerprint.of(db)).isEqualTo(after);
            assertThat(tmp.resolve("b2")).doesNotExist();

            CliRun diagnose = CliRun.on(
                    db,
                    "diagnose",
                    "--error-file",
                    error.toString(),
                    "--migrations",
                    dir.resolve("drizzle").toString(),
                    "--format",
                    "json");
            assertThat(diagnose.exitCode()).as(diagnose.all()).isZero();
            JsonNode d = JSON.readTree(diagnose.out());
            assertThat(d.at("/findings")).isEmpty();
            assertThat(d.at("/stale/0/kind").asText()).isEqualTo("TABLE_ALREADY_EXISTS");
            assertThat(d.at("/stale/0/stale").asBoolean()).isTrue();
        }
    }

    @Test
    void aTableOfAnotherShapeIsNeverMovedAsideWithoutTheDecision(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "decisions move aside")) {
            Path dir = tmp.resolve("app");
            Path error = pushThenFailingMigrate(dir, db, "", ", name: text('name')");

            CliRun diagnose = CliRun.on(
                    db,
                    "diagnose",
                    "--error-file",
                    error.toString(),
                    "--migrations",
                    dir.resolve("drizzle").toString(),
                    "--format",
                    "json");
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(JSON.readTree(diagnose.out())
                            .at("/findings/0/playbooks/0")
                            .asText())
                    .as(diagnose.out())
                    .isEqualTo("move-aside-existing-table");

            Fingerprint before = Fingerprint.of(db);
            CliRun undecided = CliRun.on(
                    db, "repair", args(dir, error, tmp.resolve("b1"), "--yes").toArray(String[]::new));
            assertThat(undecided.exitCode()).as(undecided.all()).isEqualTo(6);
            assertThat(undecided.err().strip().lines()).hasSize(1);
            assertThat(undecided.err())
                    .contains("move-aside-existing-table")
                    .contains("renames a live table")
                    .contains("--param newName=users_aside")
                    .contains("nothing was changed");
            assertThat(Fingerprint.of(db)).isEqualTo(before);

            CliRun decided = CliRun.on(
                    db,
                    "repair",
                    args(dir, error, tmp.resolve("b2"), "--yes", "--param", "newName=users_aside", "--format", "json")
                            .toArray(String[]::new));
            assertThat(decided.exitCode()).as(decided.all()).isZero();
            JsonNode report = JSON.readTree(decided.out());
            assertThat(report.at("/playbook").asText()).isEqualTo("move-aside-existing-table");
            assertThat(report.at("/status").asText()).isEqualTo("verified");
            // the old rows kept aside, the table as the migration means it, and drizzle-kit goes on
            assertThat(db.scalar("SELECT count(*) FROM users_aside")).isEqualTo("2");
            assertThat(
                            db.scalar(
                                    "SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'name'"))
                    .isEqualTo("1");
            NodeTools.Result migrate = drizzleKit(dir, db, "migrate");
            assertThat(migrate.exitCode()).as(migrate.output()).isZero();
        }
    }
}
