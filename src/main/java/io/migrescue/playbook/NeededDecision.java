package io.migrescue.playbook;

/**
 * A decision argument that only some plans need ({@code decision: when-needed}): its value, or, when the plan finds it
 * must do the disruptive thing and nobody decided, the question that stops the plan (exit 6, or the shell asks).
 *
 * @param param the parameter it comes from, or null when the playbook gives no such argument (then nothing can decide)
 */
record NeededDecision(String value, ParamSpec param, String playbook) {
    String require(String what) {
        if (value != null && !value.isBlank()) {
            return value;
        }
        if (param == null) {
            throw new PlanningException("playbook " + playbook + " " + what
                    + ", and it has no parameter to decide that: nothing was" + " changed");
        }
        throw new PlanningException.DecisionNeeded(param, playbook, what, null);
    }
}
