package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.Fingerprint;
import io.migrescue.testing.FlywayRun;
import io.migrescue.testing.Scenarios;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10, items 1 and 3, with real Flyway: field report 05 diagnosed without the error text recommends what removes
 * the cause, not a completion its own statement map says will fail; and a second {@code repair --yes} with the same
 * (now stale) error file after a verified repair changes nothing, takes no backup and exits 0.
 */
class RepairIdempotentIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fieldReport05WithoutTheErrorTextThenTheStaleErrorFileChangesNothing(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "idempotent fr05")) {
            Scenarios.Broken broken = Scenarios.fieldReport05(db, dir.resolve("migrations"));
            String migrations = broken.migrations().toString();

            CliRun diagnose = CliRun.on(db, "diagnose", "--migrations", migrations, "--format", "json");
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            JsonNode findings = JSON.readTree(diagnose.out()).at("/findings");
            assertThat(findings.at("/0/kind").asText()).isEqualTo("DUPLICATE_CONSTRAINT_NAME");
            assertThat(findings.at("/0/objects/heldBy").asText()).isEqualTo("skp_tahunan_backup_v1");
            assertThat(findings.at("/0/playbooks/0").asText()).isEqualTo("rename-conflicting-constraint");
            for (JsonNode f : findings) {
                assertThat(f.at("/playbooks/0").asText())
                        .as(f.at("/kind").asText())
                        .isNotEqualTo("complete-partial-migration");
            }

            CliRun run = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    migrations,
                    "--backup-dir",
                    dir.resolve("b1").toString(),
                    "--yes",
                    "--format",
                    "json");
            assertThat(run.exitCode()).as(run.all()).isZero();
            JsonNode report = JSON.readTree(run.out());
            assertThat(report.at("/playbook").asText()).isEqualTo("rename-conflicting-constraint");
            assertThat(report.at("/status").asText()).isEqualTo("verified");

            Files.writeString(
                    broken.migrations().resolve("V3__skp_tahunan_note.sql"),
                    "ALTER TABLE skp_tahunan ADD COLUMN note VARCHAR(200);\n");
            MigrateResult next =
                    FlywayRun.flyway(db, broken.migrations(), Map.of()).migrate();
            assertThat(next.success).isTrue();
            assertThat(next.targetSchemaVersion).isEqualTo("3");

            // the errno 121 of the deploy log is history now: the same repair again does nothing
            Fingerprint after = Fingerprint.of(db);
            CliRun again = CliRun.on(
                    db,
                    "repair",
                    "--error-file",
                    broken.errorFile().toString(),
                    "--migrations",
                    migrations,
                    "--backup-dir",
                    dir.resolve("b2").toString(),
                    "--yes");
            assertThat(again.exitCode()).as(again.all()).isZero();
            assertThat(again.err()).contains("nothing to repair").contains("older than the database");
            assertThat(Fingerprint.of(db)).isEqualTo(after);
            assertThat(dir.resolve("b2")).doesNotExist();

            CliRun stale = CliRun.on(
                    db, "diagnose", "--error-file", broken.errorFile().toString(), "--migrations", migrations);
            assertThat(stale.exitCode()).as(stale.all()).isZero();
            assertThat(stale.out())
                    .contains("No findings")
                    .contains("the log is older than the database")
                    .contains("DUPLICATE_CONSTRAINT_NAME");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void duplicatesAreRemovedOnceAndTheDeleteNeverRunsAgain(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "idempotent dedupe")) {
            Scenarios.Broken broken = Scenarios.duplicateRows(db, dir.resolve("m"));
            Path error = broken.errorFile();
            CliRun run = CliRun.on(
                    db,
                    "repair",
                    "fix-duplicate-rows",
                    "--error-file",
                    error.toString(),
                    "--migrations",
                    broken.migrations().toString(),
                    "--param",
                    "keep=first",
                    "--backup-dir",
                    dir.resolve("b1").toString(),
                    "--yes",
                    "--format",
                    "json");
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(JSON.readTree(run.out()).at("/status").asText()).isEqualTo("verified");
            assertThat(db.scalar("SELECT COUNT(*) FROM users")).isEqualTo("5");

            // the operator's script runs again with the same error file, by ranking and by name: nothing is deleted
            // twice
            db.execute("INSERT INTO users (id, email) VALUES (9, NULL)"); // life goes on: a new row the repair must not
            // touch
            Fingerprint after = Fingerprint.of(db);
            for (String[] again : new String[][] {{}, {"fix-duplicate-rows", "--param", "keep=first"}}) {
                java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(again));
                args.addAll(java.util.List.of(
                        "--error-file",
                        error.toString(),
                        "--migrations",
                        broken.migrations().toString(),
                        "--backup-dir",
                        dir.resolve("b2").toString(),
                        "--yes"));
                CliRun second = CliRun.on(db, "repair", args.toArray(String[]::new));
                assertThat(second.exitCode()).as(second.all()).isZero();
                assertThat(second.err()).contains("nothing to repair");
                assertThat(Fingerprint.of(db)).isEqualTo(after);
                assertThat(dir.resolve("b2")).doesNotExist();
            }
            CliRun diagnose = CliRun.on(
                    db,
                    "diagnose",
                    "--error-file",
                    error.toString(),
                    "--migrations",
                    broken.migrations().toString(),
                    "--format",
                    "json");
            assertThat(diagnose.exitCode()).as(diagnose.all()).isZero();
            assertThat(JSON.readTree(diagnose.out()).at("/stale/0/kind").asText())
                    .isEqualTo("DUPLICATE_ROWS");
        }
    }
}
