package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.history.AtlasChecksums;
import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.ScratchDatabase;
import io.migrescue.testing.ToolTables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An Atlas migration file edited after it was applied (issue 13, item 1). Atlas cannot be installed here, so the
 * revisions are written as {@code migrate apply} writes them (its ent table; the hash is sql/migrate NewHashFile's
 * running SHA-256 over name then bytes of each file, base64), and atlas.sum as {@code atlas migrate hash} writes it.
 * The edit changes the hash of the edited file and of every later one: after the repair each revision holds the hash
 * Atlas computes from the directory as it is now.
 */
class AtlasChecksumRealignIT {
    private static final String INIT = "20240101000000_init.sql";
    private static final String INIT_SQL = "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(200));\n";
    private static final String TAGS = "20240201000000_tags.sql";
    private static final String TAGS_SQL = "CREATE TABLE tags (id INTEGER PRIMARY KEY);\n";

    private static String table(Engine engine) {
        return engine == Engine.POSTGRESQL ? "atlas_schema_revisions.atlas_schema_revisions" : "atlas_schema_revisions";
    }

    /** What Atlas stores for a file: base64 of the SHA-256 running over name, bytes of every file up to it. */
    private static String running(String... nameThenText) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String part : nameThenText) {
            sha.update(part.getBytes(StandardCharsets.UTF_8));
        }
        return Base64.getEncoder().encodeToString(sha.digest());
    }

    private static Path applied(ScratchDatabase db, Path dir) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve(INIT), INIT_SQL);
        Files.writeString(migrations.resolve(TAGS), TAGS_SQL);
        rehash(migrations);
        String insert = "INSERT INTO " + table(db.engine())
                + " (version, description, type, applied, total, executed_at, execution_time, error, error_stmt, hash,"
                + " partial_hashes, operator_version) VALUES ";
        db.execute(ToolTables.atlas(db.engine()));
        db.execute(
                "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(200))",
                "CREATE TABLE tags (id INTEGER PRIMARY KEY)",
                "INSERT INTO users (id, email) VALUES (1, 'a@example.com'), (2, 'b@example.com')",
                insert + "('20240101000000', 'init', 2, 1, 1, CURRENT_TIMESTAMP, 1000, '', '', '"
                        + running(INIT, INIT_SQL) + "', 'null', 'Atlas CLI v0.36.0')",
                insert + "('20240201000000', 'tags', 2, 1, 1, CURRENT_TIMESTAMP, 1000, '', '', '"
                        + running(INIT, INIT_SQL, TAGS, TAGS_SQL) + "', 'null', 'Atlas CLI v0.36.0')");
        return migrations;
    }

    /** {@code atlas migrate hash}. */
    private static void rehash(Path migrations) throws Exception {
        Files.writeString(
                migrations.resolve("atlas.sum"), AtlasChecksums.sumFileText(AtlasChecksums.hashFile(migrations)));
    }

    private static String recorded(ScratchDatabase db, String version) throws Exception {
        return db.scalar("SELECT hash FROM " + table(db.engine()) + " WHERE version = '" + version + "'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void cosmeticEditIsRealignedOnTheFileAndEveryLaterRevision(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "atlas checksum cosmetic")) {
            Path migrations = applied(db, dir);
            String edited =
                    "-- the accounts\nCREATE TABLE users (\n  id INTEGER PRIMARY KEY,\n  email VARCHAR(200)\n);\n";
            Files.writeString(migrations.resolve(INIT), edited);

            CliRun status = CliRun.on(db, "status", "--migrations", migrations.toString());
            assertThat(status.exitCode()).as(status.all()).isEqualTo(1);
            assertThat(status.out())
                    .contains("atlas: migration 20240101000000 (" + INIT + ") was edited after it was applied")
                    .contains("cosmetic");
            CliRun diagnose = CliRun.on(db, "diagnose", "--migrations", migrations.toString());
            assertThat(diagnose.out()).as(diagnose.all()).contains("atlas migrate hash");

            CliRun repair = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    migrations.toString(),
                    "--yes",
                    "--backup-dir",
                    dir.resolve("b").toString());
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(recorded(db, "20240101000000")).isEqualTo(running(INIT, edited));
            assertThat(recorded(db, "20240201000000")).isEqualTo(running(INIT, edited, TAGS, TAGS_SQL));
            assertThat(db.scalar("SELECT COUNT(*) FROM users")).isEqualTo("2");
            rehash(migrations);
            CliRun healthy = CliRun.on(db, "status", "--migrations", migrations.toString());
            assertThat(healthy.exitCode()).as(healthy.all()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void semanticEditIsRefusedUntilDecided(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "atlas checksum semantic")) {
            Path migrations = applied(db, dir);
            String edited = INIT_SQL + "CREATE UNIQUE INDEX users_email_key ON users (email);\n";
            Files.writeString(migrations.resolve(INIT), edited);
            rehash(migrations);
            String before = recorded(db, "20240101000000");

            CliRun diagnose = CliRun.on(db, "diagnose", "--migrations", migrations.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out())
                    .contains("CHECKSUM_MISMATCH")
                    .contains("users_email_key")
                    .contains("semantic");
            CliRun declined = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    migrations.toString(),
                    "--yes",
                    "--param",
                    "apply=no",
                    "--backup-dir",
                    dir.resolve("b").toString());
            assertThat(declined.exitCode()).as(declined.all()).isEqualTo(2);
            assertThat(recorded(db, "20240101000000")).isEqualTo(before);

            CliRun repair = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    migrations.toString(),
                    "--yes",
                    "--param",
                    "apply=yes",
                    "--backup-dir",
                    dir.resolve("b2").toString());
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(recorded(db, "20240101000000")).isEqualTo(running(INIT, edited));
            assertThat(
                            db.scalar(
                                    engine == Engine.POSTGRESQL
                                            ? "SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'users_email_key'"
                                            : "SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = DATABASE() AND index_name = 'users_email_key'"))
                    .isEqualTo("1");
            assertThat(db.scalar("SELECT COUNT(*) FROM users")).isEqualTo("2");
        }
    }
}
