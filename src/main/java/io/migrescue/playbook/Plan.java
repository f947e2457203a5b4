package io.migrescue.playbook;

import io.migrescue.diagnosis.Finding;
import io.migrescue.model.Engine;
import java.util.List;
import java.util.Map;

/** A playbook instantiated for one finding: every statement it will run, the backup it takes, the checks at the end. */
public record Plan(
        String playbook,
        String title,
        Engine engine,
        Finding finding,
        Map<String, String> params,
        BackupPlan backup,
        List<PlanStep> steps,
        List<Check> checks,
        List<String> explanations) {
    public Plan {
        params = Map.copyOf(params);
        steps = List.copyOf(steps);
        checks = List.copyOf(checks);
        explanations = List.copyOf(explanations);
    }
}
