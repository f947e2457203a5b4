package io.migrescue.playbook;

import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.Recommendation;
import io.migrescue.model.Engine;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A repair, as data: what it fixes, when diagnosis recommends it, on which engines, the parameters it takes and its
 * typed steps.
 */
public record Playbook(
        String id,
        String title,
        String description,
        Set<FindingKind> fixes,
        List<Recommendation> recommend,
        Set<Engine> engines,
        List<ParamSpec> params,
        List<StepSpec> steps) {
    public Optional<ParamSpec> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Whether it deletes or overwrites rows (then it never runs without the operator's explicit decision). */
    public boolean changesRows() {
        return steps.stream()
                .anyMatch(s -> s instanceof StepSpec.FixOrphans
                        || s instanceof StepSpec.RemoveDuplicates
                        || s instanceof StepSpec.FillNulls
                        || s instanceof StepSpec.FixCheckRows);
    }
}
