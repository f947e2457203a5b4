package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.Fingerprint;
import io.migrescue.testing.FlywayRun;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed {@code CREATE UNIQUE INDEX CONCURRENTLY} under real Flyway leaves an INVALID index whose name the retry
 * trips over. Duplicates first need the fix-duplicate-rows decision (rebuild refuses while they remain); a build that
 * failed on a lock is rebuilt once the lock is gone. Each ends with Flyway's own next run succeeding.
 */
class RebuildInvalidIndexIT {
    private static final Map<String, String> NO_TX_LOCK = Map.of("flyway.postgresql.transactional.lock", "false");

    private static String indexState(ScratchDatabase db, String index) throws Exception {
        return db.scalar("SELECT CASE WHEN i.indisvalid THEN 'valid' ELSE 'INVALID' END FROM pg_index i JOIN pg_class c"
                + " ON c.oid = i.indexrelid WHERE c.relname = '" + index + "'");
    }

    @Test
    void duplicatesAreADecisionThenTheIndexIsBuiltValid(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "invalid index duplicates")) {
            Path migrations = dir.resolve("m");
            Path error = Files.writeString(dir.resolve("error.txt"), FlywayRun.leaveFailedV2(db, migrations));
            assertThat(indexState(db, "users_email_uq")).isEqualTo("INVALID");
            Fingerprint before = Fingerprint.of(db);

            CliRun refused = CliRun.on(
                    db,
                    "repair",
                    "rebuild-invalid-index",
                    "--error-file",
                    error.toString(),
                    "--migrations",
                    migrations.toString(),
                    "--backup-dir",
                    dir.resolve("b0").toString(),
                    "--yes");
            assertThat(refused.exitCode()).as(refused.all()).isEqualTo(2);
            assertThat(refused.err()).contains("occur more than once").contains("fix-duplicate-rows --param keep=");
            CliRun undecided = CliRun.on(
                    db,
                    "repair",
                    "--error-file",
                    error.toString(),
                    "--migrations",
                    migrations.toString(),
                    "--backup-dir",
                    dir.resolve("b1").toString(),
                    "--yes");
            assertThat(undecided.exitCode()).as(undecided.all()).isEqualTo(6);
            assertThat(undecided.err()).contains("--param keep=");
            // without the error text the data says the same: the duplicates are the decision to take first
            CliRun diagnose = CliRun.on(db, "diagnose", "--migrations", migrations.toString());
            assertThat(diagnose.out())
                    .contains("1. DUPLICATE_ROWS")
                    .contains("Fix with  migrescue repair fix-duplicate-rows")
                    .contains("INVALID_INDEX")
                    .doesNotContain("adopt-existing-object");
            assertThat(Fingerprint.of(db)).as("refusals change nothing").isEqualTo(before);

            CliRun run = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    migrations.toString(),
                    "--backup-dir",
                    dir.resolve("b2").toString(),
                    "--yes",
                    "--param",
                    "keep=first");
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out()).contains("Status    verified").contains("DROP INDEX CONCURRENTLY");
            assertThat(indexState(db, "users_email_uq")).isEqualTo("valid");
            assertThat(db.scalar("SELECT string_agg(id::text, ',' ORDER BY id) FROM users"))
                    .isEqualTo("1");
            assertThat(Files.walk(dir.resolve("b2"))
                            .filter(Files::isRegularFile)
                            .anyMatch(p -> {
                                try {
                                    return Files.readString(p).contains("ana@example.com");
                                } catch (Exception e) {
                                    return false;
                                }
                            }))
                    .as("the removed duplicate is in the backup")
                    .isTrue();

            Files.writeString(migrations.resolve("V3__users_name.sql"), "ALTER TABLE users ADD COLUMN name TEXT;\n");
            MigrateResult next =
                    FlywayRun.flyway(db, migrations, Map.of(), NO_TX_LOCK).migrate();
            assertThat(next.success).isTrue();
            assertThat(next.targetSchemaVersion).isEqualTo("3");
        }
    }

    @Test
    void aBuildThatFailedOnALockIsRebuiltOnceTheLockIsGone(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "invalid index lock")) {
            Path migrations = dir.resolve("m");
            assertThat(FlywayRun.flyway(
                                    db,
                                    migrations,
                                    Map.of(
                                            "V1__users.sql",
                                            "CREATE TABLE users (id BIGINT PRIMARY KEY, email TEXT);\n"
                                                    + "INSERT INTO users VALUES (1, 'ana@example.com'), (2, 'budi@example.com');\n"),
                                    NO_TX_LOCK)
                            .migrate()
                            .success)
                    .isTrue();
            String failure;
            try (Connection writer = db.connect();
                    Statement s = writer.createStatement()) {
                writer.setAutoCommit(false);
                s.execute("INSERT INTO users VALUES (3, 'citra@example.com')"); // a transaction the build must wait for
                Map<String, String> settings = new java.util.HashMap<>(NO_TX_LOCK);
                settings.put("flyway.initSql", "SET lock_timeout = '1s'");
                failure = FlywayRun.migrateExpectingFailure(FlywayRun.flyway(
                        db,
                        migrations,
                        Map.of(
                                "V2__users_email_idx.sql",
                                "CREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n"),
                        settings));
                writer.commit(); // the writer finishes on its own; its row stays
            }
            assertThat(failure).contains("lock timeout");
            assertThat(indexState(db, "users_email_idx")).isEqualTo("INVALID");

            CliRun diagnose = CliRun.on(db, "diagnose", "--migrations", migrations.toString());
            assertThat(diagnose.out())
                    .contains("INVALID_INDEX")
                    .contains("rebuild-invalid-index")
                    .doesNotContain("adopt-existing-object");
            CliRun run = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    migrations.toString(),
                    "--backup-dir",
                    dir.resolve("b").toString(),
                    "--yes");
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out()).contains("rebuild-invalid-index").contains("Status    verified");
            assertThat(indexState(db, "users_email_idx")).isEqualTo("valid");
            assertThat(db.scalar("SELECT success FROM flyway_schema_history WHERE version = '2'"))
                    .isEqualTo("t");
            assertThat(db.scalar("SELECT COUNT(*) FROM users")).isEqualTo("3");

            Files.writeString(migrations.resolve("V3__users_name.sql"), "ALTER TABLE users ADD COLUMN name TEXT;\n");
            MigrateResult next =
                    FlywayRun.flyway(db, migrations, Map.of(), NO_TX_LOCK).migrate();
            assertThat(next.success).isTrue();
            assertThat(next.targetSchemaVersion).isEqualTo("3");
        }
    }
}
