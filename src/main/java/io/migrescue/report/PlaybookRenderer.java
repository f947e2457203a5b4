package io.migrescue.report;

import io.migrescue.playbook.ParamSpec;
import io.migrescue.playbook.Playbook;
import io.migrescue.playbook.StepSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** {@code playbooks} and {@code playbooks show ID}. */
public final class PlaybookRenderer {
    private PlaybookRenderer() {}

    public static String list(List<Playbook> playbooks, OutputFormat format) {
        if (format == OutputFormat.json) {
            return Json.write(playbooks.stream().map(PlaybookRenderer::summary).toList()) + "\n";
        }
        StringBuilder out = new StringBuilder(
                format == OutputFormat.markdown ? "| playbook | fixes | what it does |\n|---|---|---|\n" : "");
        for (Playbook p : playbooks) {
            String fixes = String.join(
                    ", ", new TreeSet<>(p.fixes().stream().map(Enum::name).toList()));
            if (format == OutputFormat.markdown) {
                out.append("| `")
                        .append(p.id())
                        .append("` | ")
                        .append(fixes)
                        .append(" | ")
                        .append(p.title())
                        .append(" |\n");
            } else {
                out.append(String.format("%-30s %s%n%-30s fixes %s%n", p.id(), p.title(), "", fixes));
            }
        }
        return out.toString();
    }

    public static String show(Playbook p, OutputFormat format) {
        if (format == OutputFormat.json) {
            Map<String, Object> doc = summary(p);
            doc.put("description", p.description().strip());
            doc.put("params", p.params().stream().map(PlaybookRenderer::param).toList());
            doc.put("steps", p.steps().stream().map(StepSpec::kind).toList());
            return Json.write(doc) + "\n";
        }
        StringBuilder out = new StringBuilder();
        out.append(format == OutputFormat.markdown ? "## `" + p.id() + "`\n\n" : p.id() + "\n")
                .append(p.title())
                .append("\n\n")
                .append(p.description().strip())
                .append("\n\n");
        out.append("Fixes:   ")
                .append(String.join(
                        ", ", new TreeSet<>(p.fixes().stream().map(Enum::name).toList())))
                .append('\n');
        out.append("Engines: ")
                .append(String.join(
                        ", ",
                        new TreeSet<>(p.engines().stream().map(e -> e.id()).toList())))
                .append('\n');
        if (!p.params().isEmpty()) {
            out.append("\nParameters (--param NAME=VALUE):\n");
            for (ParamSpec s : p.params()) {
                out.append("  ")
                        .append(s.name())
                        .append(s.choices().isEmpty() ? "" : " (" + String.join(" | ", s.choices()) + ")")
                        .append(
                                s.from() == null
                                        ? ""
                                        : ", from the "
                                                + s.from()
                                                        .replace("finding.", "finding's ")
                                                        .replace("objects.", ""))
                        .append(s.defaultValue() == null ? "" : ", default " + s.defaultValue())
                        .append(s.decision() ? ", a decision: must be given when no one is asked" : "")
                        .append(s.whenNeeded() ? " (only when the plan does it)" : "")
                        .append('\n');
                s.meanings()
                        .forEach((choice, meaning) -> out.append("      ")
                                .append(choice)
                                .append(": ")
                                .append(meaning)
                                .append('\n'));
            }
        }
        out.append("\nSteps:\n");
        int n = 1;
        for (StepSpec s : p.steps()) {
            out.append("  ")
                    .append(n++)
                    .append(". ")
                    .append(s.kind())
                    .append(s.disrupts() == null ? "" : ": " + s.disrupts())
                    .append('\n');
        }
        out.append("\nExample: migrescue repair ").append(p.id()).append(" --url … --dry-run\n");
        return out.toString();
    }

    private static Map<String, Object> summary(Playbook p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("title", p.title());
        m.put("fixes", new TreeSet<>(p.fixes().stream().map(Enum::name).toList()));
        m.put("engines", new TreeSet<>(p.engines().stream().map(e -> e.id()).toList()));
        return m;
    }

    private static Map<String, Object> param(ParamSpec s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("kind", s.kind());
        m.put("from", s.from());
        m.put("default", s.defaultValue());
        m.put("choices", s.choices());
        m.put("meanings", s.meanings());
        m.put("decision", s.decision());
        return m;
    }
}
