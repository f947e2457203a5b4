package io.migrescue.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.backup.Progress;
import io.migrescue.db.DatabaseSession;
import io.migrescue.model.Engine;
import io.migrescue.playbook.ParamSpec;
import io.migrescue.repair.RepairReport;
import io.migrescue.repair.RepairStatus;
import io.migrescue.repair.StepGate;
import io.migrescue.testing.Scenarios;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record step whose row the history holds already (written meanwhile, or by a run cut off after it committed) is not
 * run again: Flyway's history never gets a second row for the same version.
 */
class HistoryWrittenOnceIT {

    @Test
    void aRecordStepFindsItsRowThereAndWritesNone(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "history once");
                DatabaseSession session = db.session()) {
            Scenarios.Broken broken = Scenarios.duplicateConstraintSameTable(db, dir.resolve("migrations"));
            // PostgreSQL rolled Flyway's failed V2 back with its row: the record step inserts the success row
            assertThat(db.scalar("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '2'"))
                    .isEqualTo("0");
            RepairUseCase.Dialog dialog = new RepairUseCase.Dialog() {
                @Override
                public String ask(String playbook, ParamSpec param, String proposed) {
                    return proposed;
                }

                @Override
                public StepGate gate(RepairUseCase.Replanner replanner) {
                    return (plan, step) -> {
                        if (step.kind().equals("record")) { // someone records it first (a person, a rerun of the tool)
                            try {
                                db.execute(
                                        "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                                                + " installed_by, installed_on, execution_time, success) SELECT MAX(installed_rank) + 1, '2',"
                                                + " 'orders user fk cascade', 'SQL', 'V2__orders_user_fk_cascade.sql', 0, 'ops', now(), 0, true"
                                                + " FROM flyway_schema_history");
                            } catch (Exception e) {
                                throw new AssertionError(e);
                            }
                        }
                        return StepGate.Verdict.RUN;
                    };
                }
            };
            Path backup = dir.resolve("backup");
            RepairReport report = RepairUseCase.runInteractive(
                    session,
                    new RepairUseCase.Request(
                            new DiagnoseUseCase.Request(List.of(), broken.errorText(), broken.migrations(), null, null),
                            "replace-constraint",
                            Map.of(),
                            false,
                            true,
                            true,
                            backup,
                            null,
                            null),
                    Progress.NONE,
                    dialog);

            assertThat(report.status()).as(report.message()).isEqualTo(RepairStatus.VERIFIED);
            assertThat(db.scalar("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '2'"))
                    .isEqualTo("1");
            assertThat(Files.readString(backup.resolve("journal.jsonl"))).contains("\"alreadyRecorded\":true");
        }
    }
}
