package io.migrescue.cli;

import static io.migrescue.testing.Plans.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.CodeMigrationRescue;
import io.migrescue.testing.Fingerprint;
import io.migrescue.testing.NodeTools;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Field report 04 with the real drizzle-kit (0.31, npm registry) on PostgreSQL: the tables were made with
 * {@code drizzle-kit push}, so {@code drizzle-kit migrate} fails with 42P07 on the first migration. migrescue records
 * the migrations whose effects are all present exactly as Drizzle would (hash and journal time), leaves the first one
 * that is not in effect to the tool, and migrate then succeeds with the schema the migrations mean and every row kept.
 * A table of another shape is never moved aside on {@code --yes}.
 */
class BaselineAfterPushIT {
    private static final Duration RUN = Duration.ofSeconds(90);
    private static final String CONFIG =
            "module.exports = { dialect: 'postgresql', schema: './schema.js', out: './drizzle',"
                    + " dbCredentials: { url: process.env.DATABASE_URL } };\n";
    private static final String V1 = """
            const { pgTable, serial, text, integer } = require('drizzle-orm/pg-core');
            exports.users = pgTable('users', { id: serial('id').primaryKey(), email: text('email').notNull() });
            exports.posts = pgTable('posts', { id: serial('id').primaryKey(), userId: integer('user_id').notNull(),
              title: text('title') });
            """;
    /** v1 and a column and a table more: the second migration generate makes. */
    private static final String V2 = """
            const { pgTable, serial, text, integer } = require('drizzle-orm/pg-core');
            exports.users = pgTable('users', { id: serial('id').primaryKey(), email: text('email').notNull() });
            exports.posts = pgTable('posts', { id: serial('id').primaryKey(), userId: integer('user_id').notNull(),
              title: text('title'), body: text('body') });
            exports.tags = pgTable('tags', { id: serial('id').primaryKey(), label: text('label') });
            """;

    private static NodeTools.Result kit(Path dir, ScratchDatabase db, String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--config";
        all[args.length + 1] = "drizzle.config.js";
        return NodeTools.run(dir, NodeTools.connection(db), RUN, NodeTools.script("drizzle-kit", "bin.cjs"), all);
    }

    private static void ok(NodeTools.Result r) {
        assertThat(r.exitCode()).as(r.output()).isZero();
    }

    /** The schema, then {@code drizzle-kit generate}: one more migration in drizzle/. */
    private static void generate(Path dir, ScratchDatabase db, String schema) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("drizzle.config.js"), CONFIG);
        Files.writeString(dir.resolve("schema.js"), schema);
        ok(kit(dir, db, "generate"));
    }

    /** {@code drizzle-kit migrate} on the pushed database fails as in the field report; its output is the error file. */
    private static Path failedMigrate(Path dir, ScratchDatabase db) throws Exception {
        NodeTools.Result failed = kit(dir, db, "migrate");
        assertThat(failed.exitCode()).as(failed.output()).isNotZero();
        // drizzle-kit 0.31 shows only its spinner; the server's 42P07 is in the database log, and nothing was recorded
        assertThat(drizzleRows(db)).isEmpty();
        Path error = dir.resolve("migrate-error.txt");
        Files.writeString(error, failed.output());
        return error;
    }

    private static List<List<String>> drizzleRows(ScratchDatabase db) throws Exception {
        return rows(db, "SELECT hash, created_at FROM drizzle.__drizzle_migrations ORDER BY created_at");
    }

    private static CliRun repair(ScratchDatabase db, Path dir, Path error, Path backup) {
        return CliRun.on(
                db,
                "repair",
                "--migrations",
                dir.resolve("drizzle").toString(),
                "--error-file",
                error.toString(),
                "--backup-dir",
                backup.toString(),
                "--yes");
    }

    @Test
    void everyMigrationPushedAlreadyIsRecordedAndMigrateSucceeds(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "drizzle push baseline");
                ScratchDatabase reference = ScratchDatabase.create(Engine.POSTGRESQL, "drizzle push reference")) {
            Path dir = tmp.resolve("app");
            generate(dir, db, V1);
            generate(dir, db, V2);
            ok(kit(dir, db, "push", "--force"));
            db.execute(
                    "INSERT INTO users (email) VALUES ('ann@example.com')",
                    "INSERT INTO posts (user_id, title, body) VALUES (1, 'a', 'b')");
            Path error = failedMigrate(dir, db);

            CliRun status = CliRun.on(
                    db, "status", "--migrations", dir.resolve("drizzle").toString());
            assertThat(status.exitCode()).as(status.all()).isEqualTo(1);
            assertThat(status.out()).contains("in effect but not recorded");
            CliRun diagnose = CliRun.on(
                    db,
                    "diagnose",
                    "--migrations",
                    dir.resolve("drizzle").toString(),
                    "--error-file",
                    error.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out()).contains("UNRECORDED_MIGRATIONS").contains("baseline-applied-migrations");

            CliRun repair = repair(db, dir, error, tmp.resolve("backup"));
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(repair.out()).contains("baseline-applied-migrations").doesNotContain("rename");
            ok(kit(dir, db, "migrate"));

            ok(kit(dir, reference, "migrate"));
            assertThat(drizzleRows(db)).hasSize(2).isEqualTo(drizzleRows(reference));
            CodeMigrationRescue.assertSameSchema(reference, db);
            assertThat(rows(db, "SELECT u.email, p.title, p.body FROM posts p JOIN users u ON u.id = p.user_id"))
                    .containsExactly(List.of("ann@example.com", "a", "b"));
            assertThat(CliRun.on(
                                    db,
                                    "status",
                                    "--migrations",
                                    dir.resolve("drizzle").toString())
                            .exitCode())
                    .isZero();
        }
    }

    @Test
    void aLaterMigrationNotInEffectIsLeftForDrizzleToApply(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "drizzle push partial baseline");
                ScratchDatabase reference =
                        ScratchDatabase.create(Engine.POSTGRESQL, "drizzle push partial reference")) {
            Path dir = tmp.resolve("app");
            generate(dir, db, V1);
            ok(kit(dir, db, "push", "--force"));
            db.execute(
                    "INSERT INTO users (email) VALUES ('ann@example.com')",
                    "INSERT INTO posts (user_id, title) VALUES (1, 'a')");
            generate(dir, db, V2); // the next feature's migration, never pushed
            Path error = failedMigrate(dir, db);

            CliRun diagnose = CliRun.on(
                    db,
                    "diagnose",
                    "--migrations",
                    dir.resolve("drizzle").toString(),
                    "--error-file",
                    error.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out()).contains("UNRECORDED_MIGRATIONS").contains("left for drizzle to run");

            CliRun repair = repair(db, dir, error, tmp.resolve("backup"));
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(drizzleRows(db)).hasSize(1);
            assertThat(rows(db, "SELECT to_regclass('public.tags') IS NULL")).containsExactly(List.of("t"));
            ok(kit(dir, db, "migrate")); // the tool applies the one left to it

            ok(kit(dir, reference, "migrate"));
            assertThat(drizzleRows(db)).hasSize(2).isEqualTo(drizzleRows(reference));
            CodeMigrationRescue.assertSameSchema(reference, db);
            assertThat(rows(db, "SELECT title FROM posts")).containsExactly(List.of("a"));
        }
    }

    @Test
    void aPushedTableOfAnotherShapeIsNeverMovedAsideOnYes(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "drizzle push other shape")) {
            Path dir = tmp.resolve("app");
            generate(dir, db, V1);
            Files.writeString(dir.resolve("schema.js"), V2); // pushed ahead of the migrations
            ok(kit(dir, db, "push", "--force"));
            db.execute(
                    "INSERT INTO users (email) VALUES ('ann@example.com')",
                    "INSERT INTO posts (user_id, title) VALUES (1, 'a')");
            Path error = failedMigrate(dir, db);
            Fingerprint before = Fingerprint.of(db);

            CliRun diagnose = CliRun.on(
                    db, "diagnose", "--migrations", dir.resolve("drizzle").toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out())
                    .contains("UNRECORDED_MIGRATIONS")
                    .contains("another shape")
                    .contains("body");

            CliRun repair = repair(db, dir, error, tmp.resolve("backup"));
            assertThat(repair.all()).doesNotContain("rename posts");
            assertThat(Fingerprint.of(db)).isEqualTo(before);
            assertThat(rows(db, "SELECT to_regclass('public.posts') IS NOT NULL"))
                    .containsExactly(List.of("t"));
        }
    }
}
