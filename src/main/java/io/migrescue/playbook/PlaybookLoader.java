package io.migrescue.playbook;

import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.PlaybookFit;
import io.migrescue.diagnosis.Recommendation;
import io.migrescue.diagnosis.Situation;
import io.migrescue.model.Engine;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a playbook (a built-in one from the tree the build stored, any other from YAML) and validates it on load: known
 * step kinds with their arguments, declared parameters only, a backup before the first step that changes anything, and
 * a verification at the end.
 */
public final class PlaybookLoader {
    private static final Set<String> PARAM_KINDS = Set.of("identifier", "value", "choice");

    private PlaybookLoader() {}

    public static Playbook parse(String yaml, String source) {
        // the built-in playbooks were read from YAML by the build (CompiledPlaybooks); other text is read here
        PlaybookNode root = CompiledPlaybooks.tree(yaml);
        return parse(root != null ? root : PlaybookYaml.read(yaml, source), source);
    }

    static Playbook parse(PlaybookNode root, String source) {
        if (!root.isObject()) {
            throw new PlaybookException(source + ": expected a mapping with id, title, fixes, engines, params, steps");
        }
        String id = text(root, "id", source);
        if (!id.matches("[a-z][a-z0-9-]*")) {
            throw new PlaybookException(source + ": id '" + id + "' must be lower-case words joined by '-'");
        }
        String where = source + " (" + id + ")";
        String title = text(root, "title", where);
        String description = root.path("description").asText("");
        Set<FindingKind> fixes = fixes(root, where);
        List<Recommendation> recommend = recommend(root.path("recommend"), fixes, where);
        Set<Engine> engines = EnumSet.noneOf(Engine.class);
        for (PlaybookNode e : list(root, "engines", where)) {
            try {
                engines.add(Engine.fromId(e.asText()));
            } catch (IllegalArgumentException ex) {
                throw new PlaybookException(where + ": engines: unknown engine " + e.asText());
            }
        }
        List<ParamSpec> params = params(root.path("params"), where);
        Set<String> names = new HashSet<>();
        params.forEach(p -> names.add(p.name()));
        Set<String> decisions = new HashSet<>();
        params.stream().filter(ParamSpec::decision).forEach(p -> decisions.add(p.name()));
        List<StepSpec> steps = new ArrayList<>();
        int n = 0;
        for (PlaybookNode node : list(root, "steps", where)) {
            n++;
            StepSpec step = PlaybookSteps.step(node, where + " step " + n, names);
            requireDecision(step, node, where + " step " + n, decisions);
            steps.add(step);
        }
        checkSafetyShape(steps, where);
        return new Playbook(
                id,
                title,
                description,
                Set.copyOf(fixes),
                List.copyOf(recommend),
                Set.copyOf(engines),
                List.copyOf(params),
                List.copyOf(steps));
    }

    /**
     * A built-in playbook's id and ranking rules alone, what diagnosis ranks by: the build validated the whole playbook
     * (CompiledPlaybooks), so its steps are read only when it is planned or shown, not on every run (start-up, issue 19).
     */
    static PlaybookFit fit(String builtInText, String source) {
        PlaybookNode root = CompiledPlaybooks.tree(builtInText);
        if (root == null) {
            Playbook playbook = parse(builtInText, source);
            return new PlaybookFit(playbook.id(), playbook.recommend());
        }
        String id = text(root, "id", source);
        String where = source + " (" + id + ")";
        return new PlaybookFit(id, recommend(root.path("recommend"), fixes(root, where), where));
    }

    private static Set<FindingKind> fixes(PlaybookNode root, String where) {
        Set<FindingKind> fixes = EnumSet.noneOf(FindingKind.class);
        for (PlaybookNode k : list(root, "fixes", where)) {
            try {
                fixes.add(FindingKind.valueOf(k.asText()));
            } catch (IllegalArgumentException e) {
                throw new PlaybookException(where + ": fixes: unknown finding kind " + k.asText());
            }
        }
        return fixes;
    }

    /**
     * {@code recommend: [{for: KIND | any, when: [situation, …], rank: N}]}: when diagnosis offers the playbook. A rule
     * names a kind the playbook fixes (or {@code any}) and only situations of {@link Situation}; none: never offered.
     */
    private static List<Recommendation> recommend(PlaybookNode node, Set<FindingKind> fixes, String where) {
        List<Recommendation> rules = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return rules;
        }
        if (!node.isArray()) {
            throw new PlaybookException(where + ": recommend must be a list of {for: KIND, when: [...], rank: N}");
        }
        for (PlaybookNode r : node.elements()) {
            String kindName = r.path("for").asText("");
            FindingKind kind = null;
            if (!kindName.equals("any")) {
                try {
                    kind = FindingKind.valueOf(kindName);
                } catch (IllegalArgumentException e) {
                    throw new PlaybookException(
                            where + ": recommend: for must be a finding kind or any, not '" + kindName + "'");
                }
                if (!fixes.contains(kind)) {
                    throw new PlaybookException(where + ": recommend: for " + kind + ", which is not in fixes");
                }
            }
            Set<Situation> when = EnumSet.noneOf(Situation.class);
            PlaybookNode conditions = r.path("when");
            if (!conditions.isMissingNode() && !conditions.isArray()) {
                throw new PlaybookException(where + ": recommend: when must be a list of situations");
            }
            for (PlaybookNode c : conditions.elements()) {
                when.add(Situation.fromId(c.asText())
                        .orElseThrow(() -> new PlaybookException(
                                where + ": recommend: unknown situation '" + c.asText() + "'; known: "
                                        + java.util.Arrays.stream(Situation.values())
                                                .map(Situation::id)
                                                .toList())));
            }
            int rank = r.path("rank").asInt(0);
            if (rank < 1) {
                throw new PlaybookException(where + ": recommend: rank must be a whole number from 1 (first)");
            }
            rules.add(new Recommendation(kind, when, rank));
        }
        return rules;
    }

    private static List<ParamSpec> params(PlaybookNode node, String where) {
        List<ParamSpec> params = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return params;
        }
        if (!node.isObject()) {
            throw new PlaybookException(where + ": params must be a mapping of name to settings");
        }
        for (Map.Entry<String, PlaybookNode> e : node.fields().entrySet()) {
            PlaybookNode p = e.getValue();
            String kind = p.path("kind").asText("identifier");
            if (!PARAM_KINDS.contains(kind)) {
                throw new PlaybookException(where + ": param " + e.getKey() + ": kind must be one of " + PARAM_KINDS);
            }
            List<String> choices = new ArrayList<>();
            Map<String, String> meanings = new java.util.LinkedHashMap<>();
            PlaybookNode given = p.path("choices");
            if (given.isObject()) { // choice: what it does
                given.fields().entrySet().forEach(c -> {
                    if (!c.getValue().isTextual() || c.getValue().asText().isBlank()) {
                        throw new PlaybookException(
                                where + ": param " + e.getKey() + ": choice " + c.getKey()
                                        + " needs a text saying what it does, e.g. {first: \"keep the row with the lowest primary key\"}");
                    }
                    choices.add(c.getKey());
                    meanings.put(c.getKey(), c.getValue().asText().strip());
                });
            } else {
                given.elements().forEach(c -> choices.add(c.asText()));
            }
            if (kind.equals("choice") && choices.isEmpty()) {
                throw new PlaybookException(where + ": param " + e.getKey() + ": a choice needs its choices");
            }
            String from = p.hasNonNull("from") ? p.get("from").asText() : null;
            if (from != null && !from.matches("finding\\.(objects\\.[A-Za-z]+|migration\\.id|kind)")) {
                throw new PlaybookException(where + ": param " + e.getKey()
                        + ": from must be finding.objects.<role> or finding.migration.id");
            }
            String decision = p.path("decision").asText("false");
            if (!Set.of("true", "false", "when-needed").contains(decision)) {
                throw new PlaybookException(
                        where + ": param " + e.getKey() + ": decision must be true, false or when-needed");
            }
            params.add(new ParamSpec(
                    e.getKey(),
                    from,
                    p.hasNonNull("default") ? p.get("default").asText() : null,
                    p.hasNonNull("ask") ? p.get("ask").asText() : null,
                    choices,
                    !decision.equals("false"),
                    kind,
                    meanings,
                    decision.equals("when-needed")));
        }
        return params;
    }

    /**
     * A step that renames or drops a live table, deletes or rewrites rows, or ends a session must take at least one of
     * its arguments from a parameter declared {@code decision}: then no ranking and no {@code --yes} alone runs it.
     */
    private static void requireDecision(StepSpec step, PlaybookNode node, String where, Set<String> decisions) {
        if (step.disrupts() == null) {
            return;
        }
        String args = node.toString();
        for (Pattern p : List.of(PlaybookSteps.TEMPLATE, PlaybookSteps.SQL_IDENTIFIER, PlaybookSteps.SQL_VALUE)) {
            Matcher m = p.matcher(args);
            while (m.find()) {
                if (decisions.contains(m.group(1))) {
                    return;
                }
            }
        }
        throw new PlaybookException(
                where + ": step '" + step.kind() + "' " + step.disrupts()
                        + ": it must take an argument from a parameter declared 'decision: true' (asked in the shell, --param in scripts)");
    }

    /** The engine enforces these too; a playbook that breaks them is refused before it can run. */
    private static void checkSafetyShape(List<StepSpec> steps, String where) {
        if (steps.isEmpty() || !(steps.get(steps.size() - 1) instanceof StepSpec.Verify)) {
            throw new PlaybookException(where + ": the last step must be a verify step");
        }
        boolean backedUp = false;
        for (StepSpec s : steps) {
            if (s instanceof StepSpec.Backup) {
                backedUp = true;
            } else if (changes(s) && !backedUp) {
                throw new PlaybookException(
                        where + ": step '" + s.kind() + "' changes the database before any backup step");
            }
        }
    }

    static boolean changes(StepSpec s) {
        return !(s instanceof StepSpec.Backup || s instanceof StepSpec.Explain || s instanceof StepSpec.Verify);
    }

    private static String text(PlaybookNode root, String field, String where) {
        PlaybookNode n = root.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new PlaybookException(where + ": '" + field + "' is required");
        }
        return n.asText();
    }

    private static List<PlaybookNode> list(PlaybookNode root, String field, String where) {
        PlaybookNode n = root.get(field);
        if (n == null || !n.isArray() || n.isEmpty()) {
            throw new PlaybookException(where + ": '" + field + "' must be a non-empty list");
        }
        return n.elements();
    }
}
