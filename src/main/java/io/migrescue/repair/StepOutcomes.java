package io.migrescue.repair;

import io.migrescue.playbook.Plan;
import io.migrescue.playbook.PlanStep;
import io.migrescue.playbook.RowsTouched;
import io.migrescue.sql.BoundStatement;
import java.util.ArrayList;
import java.util.List;

/** How a plan step appears in a repair report and to the step gate: one place, so every outcome shows it alike. */
final class StepOutcomes {
    private StepOutcomes() {}

    static RepairReport.StepOutcome of(PlanStep step, StepStatus status) {
        return of(step, status, null);
    }

    static RepairReport.StepOutcome of(PlanStep step, StepStatus status, String error) {
        return new RepairReport.StepOutcome(step.n(), step.kind(), step.description(), status, display(step), error);
    }

    /** The step's statements as shown, its guards first. */
    static List<String> display(PlanStep step) {
        List<String> out = new ArrayList<>();
        step.guards().forEach(g -> out.add("-- guard: must count 0: " + g.display()));
        step.sql().stream().map(BoundStatement::display).forEach(out::add);
        return out;
    }

    /** {@code outcomes}, followed by every later step of the plan as not run. */
    static List<RepairReport.StepOutcome> withRestNotRun(Plan plan, List<RepairReport.StepOutcome> outcomes) {
        List<RepairReport.StepOutcome> all = new ArrayList<>(outcomes);
        for (PlanStep s : plan.steps()) {
            if (s.n() > outcomes.size()) {
                all.add(of(s, StepStatus.NOT_RUN));
            }
        }
        return all;
    }

    static StepGate.Step view(Plan plan, PlanStep step) {
        return new StepGate.Step(
                step.n(),
                plan.steps().size(),
                step.kind(),
                step.description(),
                display(step),
                step.changesDatabase(),
                step.rows().stream().map(RowsTouched::describe).toList());
    }
}
