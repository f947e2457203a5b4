package io.migrescue.repair;

import io.migrescue.playbook.Plan;
import io.migrescue.playbook.PlanStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The plan as the journal's first line holds it: enough for a person (and resume) to see what was meant to run. */
final class PlanJson {
    private PlanJson() {}

    static Map<String, Object> of(Plan plan, String url, List<String> schemas) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("playbook", plan.playbook());
        m.put("engine", plan.engine().id());
        m.put("url", url);
        m.put("schemas", schemas);
        m.put("params", plan.params());
        m.put("finding", plan.finding().kind().name());
        m.put(
                "migration",
                plan.finding().migration() == null
                        ? null
                        : plan.finding().migration().id());
        m.put("steps", plan.steps().stream().map(PlanJson::step).toList());
        m.put("checks", plan.checks().stream().map(c -> c.describe()).toList());
        return m;
    }

    private static Map<String, Object> step(PlanStep s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", s.n());
        m.put("kind", s.kind());
        m.put("description", s.description());
        m.put("transactional", s.transactional());
        m.put("sql", StepOutcomes.display(s));
        if (!s.rows().isEmpty()) {
            m.put(
                    "rows",
                    s.rows().stream()
                            .map(io.migrescue.playbook.RowsTouched::figures)
                            .toList());
        }
        return m;
    }
}
