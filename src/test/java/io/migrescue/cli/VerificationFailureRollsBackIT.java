package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrescue.app.DiagnoseUseCase;
import io.migrescue.app.RepairUseCase;
import io.migrescue.backup.Progress;
import io.migrescue.db.DatabaseSession;
import io.migrescue.model.Engine;
import io.migrescue.playbook.ParamSpec;
import io.migrescue.playbook.Plan;
import io.migrescue.repair.RepairReport;
import io.migrescue.repair.RepairStatus;
import io.migrescue.repair.StepGate;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.Fingerprint;
import io.migrescue.testing.Scenarios;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change made by someone else between the last step and verification makes verification fail: in a script the
 * repair is rolled back at once (exit 5 stays, the report says what was undone), in the shell it is offered; either way
 * the database ends exactly as before the repair.
 */
class VerificationFailureRollsBackIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void mariadbScriptRollsBackAndExits5(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "verification fails")) {
            Scenarios.Broken broken = Scenarios.fieldReport05(db, dir.resolve("migrations"));
            Fingerprint before = Fingerprint.of(db);
            Path backup = dir.resolve("backup");
            CliRun run = withConcurrentChange(
                    "verifying ALTER TABLE skp_tahunan DROP FOREIGN KEY fk_skp_tahunan_user",
                    () -> CliRun.on(
                            db,
                            "repair",
                            "rename-conflicting-constraint",
                            "--error-file",
                            broken.errorFile().toString(),
                            "--migrations",
                            broken.migrations().toString(),
                            "--backup-dir",
                            backup.toString(),
                            "--yes"));

            assertThat(run.exitCode()).as(run.all()).isEqualTo(5);
            assertThat(run.out())
                    .contains("Status    verification-failed")
                    .contains("FAIL constraint fk_skp_tahunan_user on skp_tahunan")
                    .contains("verification failed, so the repair was rolled back")
                    .contains("dropped table skp_tahunan, which the repair created")
                    .contains("dropped foreign key fk_skp_tahunan_user_old of skp_tahunan_backup_v1")
                    .contains("restored from the backup: skp_tahunan_backup_v1")
                    .contains("the database is as before the repair");
            assertThat(Fingerprint.of(db)).isEqualTo(before);
            String journal = Files.readString(backup.resolve("journal.jsonl"));
            assertThat(journal)
                    .contains("\"event\":\"fingerprint\"")
                    .contains("\"event\":\"verification-failed\"")
                    .contains("\"event\":\"rollback-start\"")
                    .contains("\"event\":\"rolled-back\"");
        }
    }

    @Test
    void postgresScriptRollsBackAndExits5WithJson(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "verification fails")) {
            Scenarios.Broken broken = Scenarios.duplicateConstraintSameTable(db, dir.resolve("migrations"));
            Fingerprint before = Fingerprint.of(db);
            CliRun run = withConcurrentChange(
                    "verifying ALTER TABLE orders DROP CONSTRAINT orders_user_fk",
                    () -> CliRun.on(
                            db,
                            "repair",
                            "replace-constraint",
                            "--error-file",
                            broken.errorFile().toString(),
                            "--migrations",
                            broken.migrations().toString(),
                            "--backup-dir",
                            dir.resolve("backup").toString(),
                            "--yes",
                            "--format",
                            "json"));

            assertThat(run.exitCode()).as(run.all()).isEqualTo(5);
            JsonNode report = JSON.readTree(run.out());
            assertThat(report.at("/status").asText()).isEqualTo("verification-failed");
            assertThat(report.at("/verification").findValuesAsText("holds")).contains("false");
            assertThat(report.at("/message").asText())
                    .contains("rolled back")
                    .contains("restored from the backup: orders")
                    .contains("the database is as before the repair");
            assertThat(report.at("/steps").findValuesAsText("status")).contains("rolled-back");
            assertThat(Fingerprint.of(db)).isEqualTo(before);
        }
    }

    /** A step that fails after others changed the database: the script rolls everything back (exit 4, nothing left half done). */
    @Test
    void aStepFailingAfterChangesRollsBack(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "step fails after changes")) {
            Scenarios.Broken broken = Scenarios.fieldReport05(db, dir.resolve("migrations"));
            Fingerprint before = Fingerprint.of(db);
            // steps: 1 backup, 2-3 rename the held names, 4 create skp_tahunan, 5 copy the rows into it: it is gone by
            // then
            CliRun run = withConcurrentChange(
                    "step-start:5 DROP TABLE skp_tahunan",
                    () -> CliRun.on(
                            db,
                            "repair",
                            "rename-conflicting-constraint",
                            "--error-file",
                            broken.errorFile().toString(),
                            "--migrations",
                            broken.migrations().toString(),
                            "--backup-dir",
                            dir.resolve("backup").toString(),
                            "--yes"));

            assertThat(run.exitCode()).as(run.all()).isEqualTo(4);
            assertThat(run.out())
                    .contains("Status    stopped")
                    .contains("step 5")
                    .contains("so the repair was rolled back")
                    .contains("dropped foreign key fk_skp_tahunan_user_old of skp_tahunan_backup_v1")
                    .contains("the database is as before the repair");
            assertThat(Fingerprint.of(db)).isEqualTo(before);
        }
    }

    /** In the shell the roll back is offered; yes brings the database back exactly. */
    @Test
    void shellOffersTheRollBack(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "verification fails shell");
                DatabaseSession session = db.session()) {
            Scenarios.Broken broken = Scenarios.fieldReport05(db, dir.resolve("migrations"));
            Fingerprint before = Fingerprint.of(db);
            boolean[] offered = {false};
            RepairUseCase.Dialog dialog =
                    new RepairUseCase.Dialog() {
                        @Override
                        public String ask(String playbook, ParamSpec param, String proposed) {
                            return proposed;
                        }

                        @Override
                        public StepGate gate(RepairUseCase.Replanner replanner) {
                            return new StepGate() {
                                @Override
                                public Verdict before(Plan plan, Step step) {
                                    return Verdict.RUN;
                                }

                                @Override
                                public void verifying(Plan plan) {
                                    try {
                                        db.execute(
                                                "ALTER TABLE skp_tahunan DROP FOREIGN KEY fk_skp_tahunan_user"); // another session
                                    } catch (Exception e) {
                                        throw new AssertionError(e);
                                    }
                                }
                            };
                        }

                        @Override
                        public boolean rollBack(RepairReport stopped) {
                            offered[0] = stopped.status().equals(RepairStatus.VERIFICATION_FAILED);
                            return true;
                        }
                    };
            RepairReport report = RepairUseCase.runInteractive(
                    session,
                    new RepairUseCase.Request(
                            new DiagnoseUseCase.Request(List.of(), broken.errorText(), broken.migrations(), null, null),
                            null,
                            Map.of(),
                            false,
                            true,
                            true,
                            dir.resolve("backup"),
                            null,
                            null),
                    Progress.NONE,
                    dialog);
            assertThat(offered[0])
                    .as("the roll back was offered after the failed verification")
                    .isTrue();
            assertThat(report.status()).as(report.message()).isEqualTo(RepairStatus.ROLLED_BACK);
            assertThat(report.message()).contains("the database is as before the repair");
            assertThat(Fingerprint.of(db)).isEqualTo(before);
        }
    }

    private interface Run {
        CliRun run() throws Exception;
    }

    private static CliRun withConcurrentChange(String sql, Run run) throws Exception {
        System.setProperty("migrescue.test.changeAt", sql);
        try {
            return run.run();
        } finally {
            System.clearProperty("migrescue.test.changeAt");
        }
    }
}
