package io.migrescue.playbook;

/**
 * A plan that cannot be made: the playbook does not fit this finding, or a decision is missing. The message says
 * what to do instead (which parameter to give, which playbook fits).
 *
 * @see DecisionNeeded
 */
public class PlanningException extends RuntimeException {
    public PlanningException(String message) {
        super(message);
    }

    /** A parameter that decides what happens to rows was not given in a non-interactive run (exit 6). */
    public static final class DecisionNeeded extends PlanningException {
        private final ParamSpec param;

        public DecisionNeeded(ParamSpec param, String playbook) {
            super("playbook " + playbook + " needs a decision: " + (param.ask() == null ? param.name() : param.ask())
                    + (param.choices().isEmpty() ? "" : " (" + String.join("; ", param.explainedChoices()) + ")")
                    + "; give it with --param " + param.name() + "=" + (param.choices().isEmpty() ? "VALUE" : param.choices().get(0)));
            this.param = param;
        }

        public ParamSpec param() {
            return param;
        }
    }
}
