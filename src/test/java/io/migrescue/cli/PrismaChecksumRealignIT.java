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
 * A Prisma migration "modified after it was applied" (issue 13, item 1). The Prisma CLI cannot run offline, so the
 * history is written as its schema engine writes it (checksum = SHA-256 hex of migration.sql); after the repair the
 * recorded checksum is the file's, which is what {@code prisma migrate dev} compares.
 */
class PrismaChecksumRealignIT {
    private static final String INIT = "20240101000000_init";
    private static final String INIT_SQL =
            "-- CreateTable\nCREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(200));\n";

    private static Path applied(ScratchDatabase db, Path dir) throws Exception {
        Path migrations = dir.resolve("prisma/migrations");
        Files.createDirectories(migrations.resolve(INIT));
        Files.writeString(migrations.resolve(INIT).resolve("migration.sql"), INIT_SQL);
        Files.writeString(migrations.resolve("migration_lock.toml"), "provider = \"postgresql\"\n");
        db.execute(
                ToolTables.prisma(db.engine()),
                "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(200))",
                "INSERT INTO users (id, email) VALUES (1, 'a@example.com'), (2, 'b@example.com')",
                "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)"
                        + " VALUES ('0b9c5a1e-1111-4a2b-8c3d-000000000001', '" + sha256(INIT_SQL)
                        + "', CURRENT_TIMESTAMP, '"
                        + INIT + "', CURRENT_TIMESTAMP, 1)");
        return migrations;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static String recorded(ScratchDatabase db) throws Exception {
        return db.scalar("SELECT checksum FROM _prisma_migrations WHERE migration_name = '" + INIT + "'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void cosmeticEditIsRealigned(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "prisma checksum cosmetic")) {
            Path migrations = applied(db, dir);
            String edited =
                    "-- CreateTable: the accounts\nCREATE TABLE users (\n  id INTEGER PRIMARY KEY,\n  email VARCHAR(200)\n);\n";
            Files.writeString(migrations.resolve(INIT).resolve("migration.sql"), edited);

            CliRun status = CliRun.on(db, "status", "--migrations", migrations.toString());
            assertThat(status.exitCode()).as(status.all()).isEqualTo(1);
            assertThat(status.out())
                    .contains("prisma: migration " + INIT + " was edited after it was applied")
                    .contains("cosmetic");
            CliRun repair = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    migrations.toString(),
                    "--yes",
                    "--backup-dir",
                    dir.resolve("b").toString());
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(recorded(db)).isEqualTo(sha256(edited));
            assertThat(db.scalar("SELECT COUNT(*) FROM users")).isEqualTo("2");
            CliRun healthy = CliRun.on(db, "status", "--migrations", migrations.toString());
            assertThat(healthy.exitCode()).as(healthy.all()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void semanticEditIsRefusedUntilDecided(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "prisma checksum semantic")) {
            Path migrations = applied(db, dir);
            String edited = INIT_SQL + "CREATE UNIQUE INDEX users_email_key ON users (email);\n";
            Files.writeString(migrations.resolve(INIT).resolve("migration.sql"), edited);

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
            assertThat(recorded(db)).isEqualTo(sha256(INIT_SQL));

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
            assertThat(recorded(db)).isEqualTo(sha256(edited));
            assertThat(
                            db.scalar(
                                    engine == Engine.POSTGRESQL
                                            ? "SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'users_email_key'"
                                            : "SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = DATABASE() AND index_name = 'users_email_key'"))
                    .isEqualTo("1");
        }
    }
}
