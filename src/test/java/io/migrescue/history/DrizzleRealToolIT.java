package io.migrescue.history;

import static io.migrescue.testing.Plans.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.NodeTools;
import io.migrescue.testing.Plans;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real {@code drizzle-kit migrate} (drizzle-kit 0.31, drizzle-orm 0.45, npm registry) on PostgreSQL. A migration
 * applied by hand outside the journal makes every later migrate fail; migrescue records it with the hash and
 * {@code when} Drizzle would have written, and migrate goes on. The rows then equal, hash for hash, the ones
 * drizzle-kit writes itself on a database it migrated alone.
 */
class DrizzleRealToolIT {
    private static final Duration RUN = Duration.ofSeconds(60);
    private static final Instant NOW = Instant.now();
    private static final String CONFIG = """
            module.exports = { dialect: 'postgresql', out: './drizzle', dbCredentials: { url: process.env.DATABASE_URL } };
            """;
    private static final String[][] MIGRATIONS = {
        {
            "0000_init",
            "1700000000000",
            "CREATE TABLE \"users\" (\n\t\"id\" serial PRIMARY KEY NOT NULL,\n\t\"email\" text NOT NULL\n);\n"
        },
        {
            "0001_orders",
            "1700000100000",
            "CREATE TABLE \"orders\" (\n\t\"id\" serial PRIMARY KEY NOT NULL,\n\t\"user_id\" integer NOT NULL\n);\n"
                    + "--> statement-breakpoint\nALTER TABLE \"orders\" ADD CONSTRAINT \"orders_user_id_users_id_fk\" FOREIGN KEY (\"user_id\")"
                    + " REFERENCES \"public\".\"users\"(\"id\") ON DELETE no action ON UPDATE no action;"
        },
        {
            "0002_tags",
            "1700000200000",
            "CREATE TABLE \"tags\" (\n\t\"id\" serial PRIMARY KEY NOT NULL,\n\t\"label\" text\n);\n"
        }
    };

    /** The drizzle folder as drizzle-kit generate leaves it, with the first {@code count} journal entries. */
    private static Path project(Path dir, int count) throws Exception {
        Files.createDirectories(dir.resolve("drizzle/meta"));
        Files.writeString(dir.resolve("drizzle.config.js"), CONFIG);
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String[] m = MIGRATIONS[i];
            Files.writeString(dir.resolve("drizzle/" + m[0] + ".sql"), m[2]);
            entries.append(i == 0 ? "" : ",")
                    .append("{\"idx\":")
                    .append(i)
                    .append(",\"version\":\"7\",\"when\":")
                    .append(m[1])
                    .append(",\"tag\":\"")
                    .append(m[0])
                    .append("\",\"breakpoints\":true}");
        }
        Files.writeString(
                dir.resolve("drizzle/meta/_journal.json"),
                "{\"version\":\"7\",\"dialect\":\"postgresql\",\"entries\":[" + entries + "]}");
        return dir;
    }

    private static NodeTools.Result migrate(Path dir, ScratchDatabase db) {
        return NodeTools.run(
                dir,
                NodeTools.connection(db),
                RUN,
                NodeTools.script("drizzle-kit", "bin.cjs"),
                "migrate",
                "--config",
                "drizzle.config.js");
    }

    private static List<List<String>> drizzleRows(ScratchDatabase db) throws Exception {
        return rows(db, "SELECT hash, created_at FROM drizzle.__drizzle_migrations ORDER BY created_at");
    }

    /**
     * Two files pending in one {@code migrate}: Drizzle's migrator runs them in one transaction, the second fails on
     * duplicate e-mails and both are rolled back. migrescue finds the failed one by the index the error names, fixes
     * the duplicates only, and records nothing: recording it alone (created_at of the later file) would make every
     * later {@code migrate} skip the earlier file for good. Drizzle's next run then applies both, in order.
     */
    @Test
    void aFailedFileAfterAnotherPendingOneIsLeftToDrizzleOnceItsDataIsFixed(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "drizzle two pending")) {
            Path dir = project(tmp.resolve("app"), 1);
            assertThat(migrate(dir, db).exitCode()).isZero();
            db.execute(
                    "INSERT INTO users (email) VALUES ('ana@example.org'), ('budi@example.org'), ('ana@example.org')");
            project(dir, 3);
            Files.writeString( // 0002 now makes e-mails unique, after 0001_orders
                    dir.resolve("drizzle/0002_tags.sql"),
                    "ALTER TABLE \"users\" ADD COLUMN \"nick\" text;--> statement-breakpoint\n"
                            + "CREATE UNIQUE INDEX \"users_email_idx\" ON \"users\" USING btree (\"email\");");
            NodeTools.Result failed = migrate(dir, db);
            assertThat(failed.exitCode()).as(failed.output()).isNotZero();
            assertThat(drizzleRows(db)).hasSize(1);
            assertThat(rows(db, "SELECT to_regclass('public.orders') IS NULL")).containsExactly(List.of("t"));
            // drizzle-kit 0.31 prints no error: the operator has the server's, from its log
            String error = "ERROR:  could not create unique index \"users_email_idx\"\n"
                    + "DETAIL:  Key (email)=(ana@example.org) is duplicated.\n";
            String migrations = dir.resolve("drizzle").toString();

            CliRun diagnose = CliRun.on(db, "diagnose", "--migrations", migrations, "--error", error);
            assertThat(diagnose.out())
                    .as(diagnose.all())
                    .contains(
                            "Migration drizzle 0002_tags (0002_tags.sql), found from the pending file naming its object")
                    .contains("Fix with  migrescue repair fix-duplicate-rows");

            CliRun repair = CliRun.on(
                    db,
                    "repair",
                    "fix-duplicate-rows",
                    "--migrations",
                    migrations,
                    "--error",
                    error,
                    "--param",
                    "keep=first",
                    "--yes",
                    "--backup-dir",
                    tmp.resolve("backup").toString());
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(repair.out())
                    .contains("0001_orders (before 0002_tags in the tool's order) is not applied either")
                    .contains("Status    verified")
                    .doesNotContain("record applied");
            assertThat(drizzleRows(db)).as("nothing recorded").hasSize(1);

            NodeTools.Result next = migrate(dir, db);
            assertThat(next.exitCode()).as(next.output()).isZero();
            assertThat(drizzleRows(db)).hasSize(3);
            assertThat(rows(
                            db,
                            "SELECT to_regclass('public.orders') IS NOT NULL, to_regclass('public.users_email_idx')"
                                    + " IS NOT NULL"))
                    .containsExactly(List.of("t", "t"));
            assertThat(rows(db, "SELECT id, email FROM users ORDER BY id"))
                    .containsExactly(List.of("1", "ana@example.org"), List.of("2", "budi@example.org"));
        }
    }

    @Test
    void aMigrationAppliedOutsideTheJournalIsRecordedAndMigrateGoesOn(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "real drizzle");
                ScratchDatabase reference = ScratchDatabase.create(Engine.POSTGRESQL, "real drizzle reference")) {
            Path dir = project(tmp.resolve("app"), 1);
            assertThat(migrate(dir, db).exitCode()).isZero();

            // during an incident someone ran 0001 by hand; the next deploy's migrate then fails on it and applies
            // nothing
            project(dir, 3);
            db.execute(MIGRATIONS[1][2].split("--> statement-breakpoint"));
            NodeTools.Result failed = migrate(dir, db);
            assertThat(failed.exitCode()).as(failed.output()).isNotZero();
            assertThat(drizzleRows(db)).hasSize(1);
            assertThat(rows(db, "SELECT to_regclass('public.tags') IS NULL")).containsExactly(List.of("t"));

            // migrescue finds Drizzle's history in its own schema without being told, and records 0001
            MigrationHistory h = Plans.history(db, "drizzle");
            assertThat(h.schema()).isEqualTo("drizzle");
            List<MigrationFile> files = MigrationDirectories.list(dir.resolve("drizzle"));
            assertThat(files).extracting(MigrationFile::id).containsExactly("0000_init", "0001_orders", "0002_tags");
            Plans.execute(
                    db, new DrizzleTool().recordApplied(Dialect.of(Engine.POSTGRESQL), h, files.get(1), NOW, null));
            NodeTools.Result next = migrate(dir, db);
            assertThat(next.exitCode()).as(next.output()).isZero();
            assertThat(rows(db, "SELECT to_regclass('public.tags') IS NOT NULL"))
                    .containsExactly(List.of("t"));

            // the same rows drizzle-kit writes when it migrates a database alone
            assertThat(migrate(project(tmp.resolve("reference"), 3), reference).exitCode())
                    .isZero();
            assertThat(drizzleRows(db)).hasSize(3).isEqualTo(drizzleRows(reference));

            // 0002 undone by hand: migrescue removes its row (the latest) and migrate applies it again
            db.execute("DROP TABLE tags");
            Plans.execute(
                    db,
                    new DrizzleTool()
                            .recordRolledBack(
                                    Dialect.of(Engine.POSTGRESQL),
                                    Plans.history(db, "drizzle"),
                                    "0002_tags",
                                    files,
                                    NOW));
            assertThat(drizzleRows(db)).hasSize(2);
            NodeTools.Result again = migrate(dir, db);
            assertThat(again.exitCode()).as(again.output()).isZero();
            assertThat(rows(db, "SELECT to_regclass('public.tags') IS NOT NULL"))
                    .containsExactly(List.of("t"));
            assertThat(drizzleRows(db)).isEqualTo(drizzleRows(reference));
        }
    }
}
