package io.migrescue.playbook;

import java.util.List;

/**
 * A parameter of a playbook.
 *
 * @param from        where the value comes from: {@code finding.objects.<role>}, {@code finding.migration.id}, or null
 * @param defaultValue a template ({@code ${constraint}_old}) used when {@code from} gives nothing, or null
 * @param ask         the question the shell asks, or null when the value is never asked
 * @param choices     allowed values, or empty for any
 * @param decision    true when the value decides what happens to rows (delete? overwrite?): never defaulted in a
 *                    non-interactive run, it must be given with {@code --param}
 * @param kind        {@code identifier} (quoted by the dialect wherever used), {@code value} (bound) or {@code choice}
 * @param whenNeeded  a decision needed only when the plan really does the disruptive thing it decides (YAML
 *                    {@code decision: when-needed}): a revert that drops or renames tables, not one that drops an index
 */
public record ParamSpec(String name, String from, String defaultValue, String ask, List<String> choices, boolean decision,
                        String kind, boolean whenNeeded) {
    public ParamSpec {
        choices = List.copyOf(choices);
    }

    public ParamSpec(String name, String from, String defaultValue, String ask, List<String> choices, boolean decision, String kind) {
        this(name, from, defaultValue, ask, choices, decision, kind, false);
    }
}
