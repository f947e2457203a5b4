package io.migrescue.playbook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a plan collects while its playbook's steps are planned one by one: the steps, the explanations, what the backup
 * must hold, and the checks each kind of step earns, until {@code verify} names which of them the plan ends with. One
 * mutable place, so that every part of the planner adds to the same plan.
 */
final class PlanDraft {
    final List<PlanStep> steps = new ArrayList<>();
    final List<Check> checks = new ArrayList<>();
    final List<String> explanations = new ArrayList<>();
    final Set<String> backupTables = new LinkedHashSet<>();
    final Map<String, String> backupWhere = new LinkedHashMap<>();
    final List<Check> freed = new ArrayList<>();
    final List<Check> dataChecks = new ArrayList<>();
    final List<Check> validated = new ArrayList<>();
    final List<Check> created = new ArrayList<>();
    final List<Check> rebuilt = new ArrayList<>();
    final List<Check> aligned = new ArrayList<>();
    /** Statements of the failed migration a step of this plan already runs (finish leaves them out). */
    final Set<Integer> runByPlan = new HashSet<>();

    Check settled;
    boolean backupData = true;

    void add(PlanStep step) {
        steps.add(step);
    }

    void add(List<PlanStep> more) {
        steps.addAll(more);
    }
}
