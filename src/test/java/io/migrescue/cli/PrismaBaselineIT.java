package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.ScratchDatabase;
import io.migrescue.testing.ToolTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Prisma P3005 "The database schema is not empty" (issue 13, item 5): a schema made by {@code prisma db push} or by
 * hand, with no {@code _prisma_migrations}. The Prisma CLI cannot run offline, so what migrescue writes is held to
 * Prisma's published layout: the table as its schema engine creates it (ToolTables), and one row per migration in effect
 * as {@code migrate resolve --applied} writes it (mark_migration_applied: SHA-256 checksum of migration.sql, logs '',
 * started_at = finished_at, applied_steps_count 0); the migration not in effect is left for {@code migrate deploy}.
 */
class PrismaBaselineIT {
    private static final String INIT = "20240101000000_init";
    private static final String INIT_SQL =
            "-- CreateTable\nCREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL);\n";
    private static final String POSTS = "20240201000000_posts";
    private static final String POSTS_SQL =
            "-- CreateTable\nCREATE TABLE posts (id INTEGER PRIMARY KEY, title VARCHAR(200));\n";
    private static final String TAGS = "20240301000000_tags";
    private static final String TAGS_SQL =
            "-- CreateTable\nCREATE TABLE tags (id INTEGER PRIMARY KEY, name VARCHAR(50));\n";

    private static Path migrations(Path dir) throws Exception {
        Path migrations = dir.resolve("prisma/migrations");
        for (String[] m : new String[][] {{INIT, INIT_SQL}, {POSTS, POSTS_SQL}, {TAGS, TAGS_SQL}}) {
            Files.createDirectories(migrations.resolve(m[0]));
            Files.writeString(migrations.resolve(m[0]).resolve("migration.sql"), m[1]);
        }
        Files.writeString(migrations.resolve("migration_lock.toml"), "provider = \"postgresql\"\n");
        return migrations;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void migrationsInEffectAreResolvedAsAppliedAndTheRestLeftToDeploy(Engine engine, @TempDir Path dir)
            throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "prisma p3005");
                ScratchDatabase layout = ScratchDatabase.create(engine, "prisma p3005 layout")) {
            Path migrations = migrations(dir);
            db.execute(
                    "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL)",
                    "CREATE TABLE posts (id INTEGER PRIMARY KEY, title VARCHAR(200))",
                    "INSERT INTO users (id, email) VALUES (1, 'a@example.com')",
                    "INSERT INTO posts (id, title) VALUES (1, 'x')");

            CliRun status = CliRun.on(db, "status", "--migrations", migrations.toString());
            assertThat(status.exitCode()).as(status.all()).isEqualTo(1);
            assertThat(status.out())
                    .contains("in effect but not recorded")
                    .contains(INIT)
                    .contains(POSTS);
            CliRun diagnose = CliRun.on(db, "diagnose", "--migrations", migrations.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out())
                    .contains("UNRECORDED_MIGRATIONS")
                    .contains("baseline-applied-migrations")
                    .contains("left for prisma to run");

            CliRun repair = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    migrations.toString(),
                    "--yes",
                    "--backup-dir",
                    dir.resolve("b").toString());
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(db.scalar("SELECT COUNT(*) FROM _prisma_migrations")).isEqualTo("2");
            for (String[] m : new String[][] {{INIT, INIT_SQL}, {POSTS, POSTS_SQL}}) {
                String where = " FROM _prisma_migrations WHERE migration_name = '" + m[0] + "'";
                assertThat(db.scalar("SELECT checksum" + where)).isEqualTo(sha256(m[1]));
                assertThat(db.scalar(
                                "SELECT COUNT(*)" + where + " AND finished_at = started_at AND rolled_back_at IS NULL"
                                        + " AND logs = '' AND applied_steps_count = 0"))
                        .isEqualTo("1");
            }
            assertThat(db.scalar("SELECT COUNT(*) FROM _prisma_migrations WHERE migration_name = '" + TAGS + "'"))
                    .isEqualTo("0");
            layout.execute(ToolTables.prisma(engine));
            assertThat(FlywayBaselineIT.columns(db, "_prisma_migrations"))
                    .isEqualTo(FlywayBaselineIT.columns(layout, "_prisma_migrations"));
            assertThat(db.scalar("SELECT COUNT(*) FROM users")).isEqualTo("1");

            // migrate deploy now runs the one left: done here with its SQL, then the history says nothing is amiss
            db.execute(TAGS_SQL.substring(TAGS_SQL.indexOf('\n') + 1).strip());
            db.execute(
                    "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count,"
                            + " logs) VALUES ('0b9c5a1e-1111-4a2b-8c3d-000000000003', '" + sha256(TAGS_SQL)
                            + "', CURRENT_TIMESTAMP, '"
                            + TAGS + "', CURRENT_TIMESTAMP, 1, NULL)");
            CliRun healthy = CliRun.on(db, "status", "--migrations", migrations.toString());
            assertThat(healthy.exitCode()).as(healthy.all()).isZero();
        }
    }
}
