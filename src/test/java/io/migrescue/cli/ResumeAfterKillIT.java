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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A repair killed between two steps (the real launcher, its JVM halted right after the step is journalled: what
 * SIGKILL does) is finished by resume, or rolled back, with nothing lost.
 */
class ResumeAfterKillIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LAUNCHER = Path.of("bin/migrescue").toAbsolutePath();

    /** replace-constraint on PostgreSQL: 1 backup, 2 drop, 3 add NOT VALID, 4 validate, 5 record. */
    @ParameterizedTest(name = "killed after step {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void resumeFinishesTheRepair(int step, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "resume after " + step)) {
            Scenarios.Broken broken = Scenarios.duplicateConstraintSameTable(db, dir.resolve("migrations"));
            Path backup = dir.resolve("backup");
            int killed = launchKilledAfter(step, db, broken, backup);
            assertThat(killed).as("the repair process was killed").isEqualTo(137);
            assertThat(Files.readString(backup.resolve("journal.jsonl")))
                    .contains("\"event\":\"step-done\",\"n\":" + step)
                    .doesNotContain("\"event\":\"verified\"");

            CliRun resume = CliRun.on(db, "resume", "--from", backup.toString(), "--yes", "--format", "json");
            assertThat(resume.exitCode()).as(resume.all()).isZero();
            JsonNode report = JSON.readTree(resume.out());
            assertThat(report.at("/status").asText()).isEqualTo("verified");
            assertThat(report.at("/verification").findValuesAsText("holds"))
                    .isNotEmpty()
                    .containsOnly("true");

            assertThat(
                            db.scalar(
                                    "SELECT confdeltype::text || ':' || convalidated::text FROM pg_constraint WHERE conname = 'orders_user_fk'"))
                    .isEqualTo("c:true");
            assertThat(db.scalar("SELECT count(*) FROM orders")).isEqualTo("4");
            Files.writeString(
                    broken.migrations().resolve("V3__orders_note.sql"), "ALTER TABLE orders ADD COLUMN note TEXT;\n");
            MigrateResult next =
                    FlywayRun.flyway(db, broken.migrations(), Map.of()).migrate();
            assertThat(next.success).isTrue();
            assertThat(next.targetSchemaVersion).isEqualTo("3");
        }
    }

    @Test
    void resumeCanRollTheRepairBackInstead(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "resume rollback")) {
            Scenarios.Broken broken = Scenarios.duplicateConstraintSameTable(db, dir.resolve("migrations"));
            Fingerprint before = Fingerprint.of(db);
            Path backup = dir.resolve("backup");
            assertThat(launchKilledAfter(3, db, broken, backup)).isEqualTo(137);
            assertThat(Fingerprint.of(db)).isNotEqualTo(before);

            CliRun rollback = CliRun.on(db, "resume", "--from", backup.toString(), "--rollback", "--yes");
            assertThat(rollback.exitCode()).as(rollback.all()).isZero();
            assertThat(rollback.out()).contains("Status    rolled-back");
            assertThat(Fingerprint.of(db)).isEqualTo(before);
        }
    }

    private static int launchKilledAfter(int step, ScratchDatabase db, Scenarios.Broken broken, Path backup)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString(), "repair", "replace-constraint"));
        command.addAll(db.cliArgs());
        command.addAll(List.of(
                "--error-file",
                broken.errorFile().toString(),
                "--migrations",
                broken.migrations().toString(),
                "--backup-dir",
                backup.toString(),
                "--yes"));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(backup.getParent().resolve("killed-run.txt").toFile());
        pb.environment().put("MIGRESCUE_JAVA_OPTS", "-Dmigrescue.test.crashAt=step-done:" + step);
        pb.environment().put("MIGRESCUE_NO_CDS", "1");
        pb.environment().putAll(db.cliEnvironment());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }
}
