package io.migrescue.playbook;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The playbook's parameters as resolved for one plan: fills {@code ${param}} into a step's arguments, and holds the
 * decisions ({@code decision: when-needed}) the plan asks for only once it knows it does the disruptive thing.
 */
record TemplateValues(Playbook playbook, Map<String, String> params) {
    private static final Pattern TEMPLATE = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");

    String get(String name) {
        return params.get(name);
    }

    String render(String template) {
        Matcher m = TEMPLATE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = params.get(m.group(1));
            if (value == null) {
                throw new PlanningException("playbook " + playbook.id() + " needs --param " + m.group(1)
                        + "=…: the finding does not name it");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A decision the plan needs only because of what it found to do ({@code decision: when-needed}): asked for here,
     * when the disruptive thing is really in the plan. {@code no} stops the plan before anything runs.
     */
    void decided(StepSpec step, String template, String what) {
        Matcher m = TEMPLATE.matcher(template);
        String name = m.matches() ? m.group(1) : null;
        ParamSpec param = name == null ? null : playbook.param(name).orElse(null);
        if (param == null) {
            return; // the loader made sure a decision governs the step; a literal value is that decision
        }
        String value = params.get(name);
        if (value == null) {
            throw new PlanningException.DecisionNeeded(
                    param, playbook.id(), step.disrupts() + " (here: " + what + ")", null);
        }
        if (!value.equals("yes")) {
            throw new PlanningException(
                    "--param " + name + "=" + value + ": the plan would " + what + ", and that was declined;"
                            + " nothing was changed (finish the migration instead, or restore from a backup)");
        }
    }

    /** The value of an argument a decision gives only when the plan needs it ({@code ${children}}), or what asks for it. */
    NeededDecision neededDecision(String template) {
        Matcher m = template == null ? null : TEMPLATE.matcher(template);
        if (m == null || !m.matches()) {
            return new NeededDecision(template, null, playbook.id());
        }
        return new NeededDecision(
                params.get(m.group(1)), playbook.param(m.group(1)).orElse(null), playbook.id());
    }
}
