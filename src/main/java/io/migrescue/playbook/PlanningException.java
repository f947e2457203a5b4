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

    /**
     * A parameter that decides something disruptive (what happens to rows, renaming or dropping a live table) was not
     * given in a non-interactive run (exit 6). The message is one line: what the playbook would do, the choice, and
     * the exact {@code --param} that makes it.
     */
    public static final class DecisionNeeded extends PlanningException {
        private final ParamSpec param;
        private final String proposed;

        public DecisionNeeded(ParamSpec param, String playbook) {
            this(param, playbook, null, null);
        }

        /**
         * @param disrupts what the step the decision governs does (e.g. "renames a live table"), or null
         * @param proposed the value the shell would propose (the default, expanded), or null
         */
        public DecisionNeeded(ParamSpec param, String playbook, String disrupts, String proposed) {
            super(message(param, playbook, disrupts, proposed));
            this.param = param;
            this.proposed = proposed != null ? proposed : param.defaultValue();
        }

        public ParamSpec param() {
            return param;
        }

        /** The value to propose when asking (the default with its templates filled in), or null. */
        public String proposed() {
            return proposed;
        }

        private static String message(ParamSpec p, String playbook, String disrupts, String proposed) {
            String example = !p.choices().isEmpty()
                    ? String.join("|", p.choices())
                    : proposed != null && !proposed.isBlank() ? proposed : "VALUE";
            String meanings = p.meanings().isEmpty() ? "" : " (" + String.join("; ", p.explainedChoices()) + ")";
            return "playbook " + playbook + (disrupts == null ? " needs" : " " + disrupts + ": that needs")
                    + " a decision, and nothing was"
                    + " changed. " + (p.ask() == null ? p.name() : p.ask().replaceAll("[.?]$", "")) + meanings
                    + "? Give --param " + p.name() + "="
                    + example + " (or run repair at a terminal to be asked)";
        }
    }
}
