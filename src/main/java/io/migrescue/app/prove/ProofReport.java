package io.migrescue.app.prove;

import java.util.List;

/**
 * What {@code diff --prove} found, step by step: the target's schema copied into a scratch database, the fix script
 * applied and compared with the source, the rollback applied and compared with the target, the scratch database
 * dropped. The proof passes only if every step ran and every comparison was empty.
 *
 * @param scratch the scratch database's name (dropped again)
 */
public record ProofReport(String scratch, List<Step> steps) {
    public ProofReport {
        steps = List.copyOf(steps);
    }

    /**
     * @param name        copy, fix, rollback, cleanup
     * @param passed      the step ran and its comparison (if any) was empty
     * @param detail      one line: what was compared, or why it failed
     * @param differences what still differs, one line each (empty when it passed)
     */
    public record Step(String name, boolean passed, String detail, List<String> differences) {
        public Step {
            differences = List.copyOf(differences);
        }
    }

    public boolean passed() {
        return !steps.isEmpty() && steps.stream().allMatch(Step::passed);
    }

    /** The first step that failed, or null. */
    public Step failure() {
        return steps.stream().filter(s -> !s.passed()).findFirst().orElse(null);
    }
}
