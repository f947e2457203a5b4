package io.migrescue.playbook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * @param meanings    choice → what it does, in words ({@code first} → "keep the row with the lowest primary key"),
 *                    declared with the choice in the playbook; a choice may have none
 * @param whenNeeded  a decision needed only when the plan really does the disruptive thing it decides (YAML
 *                    {@code decision: when-needed}): a revert that drops or renames tables, not one that drops an index
 */
public record ParamSpec(
        String name,
        String from,
        String defaultValue,
        String ask,
        List<String> choices,
        boolean decision,
        String kind,
        Map<String, String> meanings,
        boolean whenNeeded) {
    public ParamSpec {
        choices = List.copyOf(choices);
        meanings = meanings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(meanings));
    }

    /** What {@code choice} does, or null when the playbook does not say. */
    public String meaning(String choice) {
        return meanings.get(choice);
    }

    /** Each choice with what it means: {@code first = keep the row with the lowest primary key}, in the playbook's order. */
    public List<String> explainedChoices() {
        return choices.stream()
                .map(c -> meaning(c) == null ? c : c + " = " + meaning(c))
                .toList();
    }
}
