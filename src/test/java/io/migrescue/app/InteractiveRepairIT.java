package io.migrescue.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.backup.Progress;
import io.migrescue.db.DatabaseSession;
import io.migrescue.model.Engine;
import io.migrescue.playbook.ParamSpec;
import io.migrescue.playbook.Plan;
import io.migrescue.repair.RepairReport;
import io.migrescue.repair.RepairStatus;
import io.migrescue.repair.StepGate;
import io.migrescue.repair.StepStatus;
import io.migrescue.testing.Fingerprint;
import io.migrescue.testing.Scenarios;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive repair's core, without a terminal: a scripted dialog answers what the shell would ask. Field report
 * 05 on MariaDB: the parameter is asked with its default, a step is stopped before, the journal says so, and resume
 * finishes the repair; the operator can also edit the parameters before the first change.
 */
class InteractiveRepairIT {

    @Test
    void abortedBeforeAStepThenResumed(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "interactive abort");
                DatabaseSession session = db.session()) {
            Scenarios.Broken broken = Scenarios.fieldReport05(db, dir.resolve("migrations"));
            Path backup = dir.resolve("backup");
            Scripted dialog = new Scripted(3);
            RepairReport stopped =
                    RepairUseCase.runInteractive(session, request(broken, backup), Progress.NONE, dialog);

            assertThat(dialog.asked).containsExactly("suffix=_old");
            assertThat(stopped.status()).isEqualTo(RepairStatus.STOPPED);
            assertThat(stopped.message()).contains("aborted the repair before step 3");
            assertThat(stopped.steps())
                    .extracting(RepairReport.StepOutcome::status)
                    .startsWith(StepStatus.DONE, StepStatus.DONE, StepStatus.NOT_RUN);
            assertThat(dialog.seen).startsWith(1, 2, 3);
            String journal = Files.readString(backup.resolve("journal.jsonl"));
            assertThat(journal).contains("\"event\":\"aborted\",\"n\":3").doesNotContain("\"event\":\"verified\"");

            RepairReport resumed = ResumeUseCase.run(session, backup, false, Progress.NONE);
            assertThat(resumed.status()).as(String.valueOf(resumed.message())).isEqualTo(RepairStatus.VERIFIED);
            assertThat(resumed.verification()).allMatch(io.migrescue.repair.CheckResult::holds);
        }
    }

    @Test
    void parametersEditedBeforeTheFirstChangeMakeANewPlan(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "interactive edit");
                DatabaseSession session = db.session()) {
            Scenarios.Broken broken = Scenarios.fieldReport05(db, dir.resolve("migrations"));
            Path backup = dir.resolve("backup");
            Fingerprint before = Fingerprint.of(db);
            Scripted dialog = new Scripted(-1);
            dialog.editAt = 2;
            RepairReport report = RepairUseCase.runInteractive(session, request(broken, backup), Progress.NONE, dialog);
            assertThat(report.status()).as(String.valueOf(report.message())).isEqualTo(RepairStatus.VERIFIED);
            assertThat(report.plan().params()).containsEntry("suffix", "_v1");
            assertThat(String.join("\n", report.steps().get(1).sql())).contains("_v1");
            assertThat(Files.readString(backup.resolve("journal.jsonl"))).contains("\"event\":\"replanned\"");
            assertThat(Fingerprint.of(db)).isNotEqualTo(before);
        }
    }

    private static RepairUseCase.Request request(Scenarios.Broken broken, Path backup) {
        return new RepairUseCase.Request(
                new DiagnoseUseCase.Request(List.of(), broken.errorText(), broken.migrations(), null, null),
                null,
                Map.of(),
                false,
                true,
                true,
                backup,
                null,
                null);
    }

    /** Answers every question with the proposed value, runs every step, aborts before step {@code abortAt}. */
    private static final class Scripted implements RepairUseCase.Dialog {
        final int abortAt;
        int editAt = -1;
        final List<String> asked = new ArrayList<>();
        final List<Integer> seen = new ArrayList<>();

        Scripted(int abortAt) {
            this.abortAt = abortAt;
        }

        @Override
        public String ask(String playbook, ParamSpec param, String proposed) {
            asked.add(param.name() + "=" + proposed);
            return proposed;
        }

        @Override
        public StepGate gate(RepairUseCase.Replanner replanner) {
            return (Plan plan, StepGate.Step step) -> {
                seen.add(step.n());
                if (step.n() == editAt) {
                    editAt = -1;
                    Map<String, String> params = new java.util.LinkedHashMap<>(plan.params());
                    params.put("suffix", "_v1");
                    return StepGate.Verdict.replan(replanner.replan(params));
                }
                return step.n() == abortAt ? StepGate.Verdict.abort("scripted") : StepGate.Verdict.RUN;
            };
        }
    }
}
