package io.migrescue.playbook;

import io.migrescue.diagnosis.Finding;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of a playbook's parameters: given with {@code --param}, else from the finding, else the default. A
 * decision about rows is never defaulted without a person there to confirm it.
 */
final class ParameterResolver {
    private static final Pattern TEMPLATE = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");

    private ParameterResolver() {}

    static Map<String, String> resolve(
            Playbook playbook, Finding finding, Map<String, String> given, boolean interactive) {
        for (String name : given.keySet()) {
            if (playbook.param(name).isEmpty()) {
                throw new PlanningException("playbook " + playbook.id() + " has no parameter '" + name + "'"
                        + (playbook.params().isEmpty()
                                ? ""
                                : "; it takes: "
                                        + String.join(
                                                ", ",
                                                playbook.params().stream()
                                                        .map(ParamSpec::name)
                                                        .toList())));
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (ParamSpec p : playbook.params()) {
            String value = given.get(p.name());
            if (value == null && p.from() != null) {
                value = fromFinding(p.from(), finding);
            }
            if (value == null && p.decision() && !p.whenNeeded() && !interactive) {
                throw new PlanningException.DecisionNeeded(
                        p,
                        playbook.id(),
                        disrupts(playbook),
                        p.defaultValue() == null ? null : expand(p.defaultValue(), values));
            }
            if (value == null && p.defaultValue() != null) {
                value = expand(p.defaultValue(), values);
            }
            if (value != null) {
                validate(p, value, playbook.id());
                values.put(p.name(), value);
            }
        }
        return values;
    }

    /** What the playbook's disruptive step does, for the message that asks for the decision. */
    static String disrupts(Playbook playbook) {
        return playbook.steps().stream()
                .map(StepSpec::disrupts)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private static String fromFinding(String from, Finding finding) {
        if (from.startsWith("finding.objects.")) {
            return finding.objects().get(from.substring("finding.objects.".length()));
        }
        if (from.equals("finding.migration.id")) {
            return finding.migration() == null ? null : finding.migration().id();
        }
        return from.equals("finding.kind") ? finding.kind().name() : null;
    }

    private static String expand(String template, Map<String, String> values) {
        Matcher m = TEMPLATE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "" : v));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void validate(ParamSpec p, String value, String playbook) {
        if (!p.choices().isEmpty() && !p.choices().contains(value)) {
            throw new PlanningException("--param " + p.name() + "=" + value + ": playbook " + playbook
                    + " takes one of " + String.join(", ", p.choices()));
        }
        if (p.kind().equals("identifier") && (value.isEmpty() || value.length() > 64 || value.indexOf('\0') >= 0)) {
            throw new PlanningException(
                    "--param " + p.name() + ": '" + value + "' is not a usable name (1 to 64 characters)");
        }
    }
}
