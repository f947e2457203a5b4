package io.migrescue.repair;

import io.migrescue.playbook.Plan;
import java.nio.file.Path;
import java.util.List;

/**
 * What a repair did (or, for a dry run, would do).
 *
 * @param status  {@code planned} (dry run), {@code verified}, {@code stopped}, {@code verification-failed}, {@code rolled-back}
 * @param steps   per step: its status ({@code planned}, {@code done}, {@code skipped}, {@code failed}, {@code not-run})
 * @param message why it stopped, or null
 */
public record RepairReport(
        Plan plan,
        boolean dryRun,
        RepairStatus status,
        Path backup,
        Path journal,
        List<StepOutcome> steps,
        List<CheckResult> verification,
        String message) {
    public RepairReport {
        steps = List.copyOf(steps);
        verification = List.copyOf(verification);
    }

    /** @param rows the rows the step's statements changed, as the server counted them; null for a step that changes no rows */
    public record StepOutcome(
            int n, String kind, String description, StepStatus status, List<String> sql, String error, Long rows) {
        public StepOutcome {
            sql = List.copyOf(sql);
        }

        public StepOutcome(int n, String kind, String description, StepStatus status, List<String> sql, String error) {
            this(n, kind, description, status, sql, error, null);
        }
    }
}
