package io.migrescue.report;

import io.migrescue.app.CountMode;
import io.migrescue.app.DiffReport;
import io.migrescue.diff.Coverage;
import io.migrescue.diff.DiffSide;
import io.migrescue.diff.Difference;
import io.migrescue.diff.TableCount;
import io.migrescue.diff.TablePair;
import io.migrescue.diff.script.FixScript;
import io.migrescue.model.DatabaseInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders {@code diff} as text, JSON (cli.md) or Markdown (an incident write-up, with the fix script). */
public final class DiffRenderer {
    private DiffRenderer() {}

    public static String render(DiffReport report, OutputFormat format) {
        return switch (format) {
            case json -> Json.report(document(report)) + "\n";
            case markdown -> markdown(report);
            case text -> text(report);
        };
    }

    static Map<String, Object> document(DiffReport r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("source", r.source().url());
        doc.put("target", r.target().url());
        doc.put("databases", sides(StatusRenderer.database(r.source()), StatusRenderer.database(r.target())));
        doc.put("schemas", sides(r.sourceSchemas(), r.targetSchemas()));
        doc.put("same", r.same());
        doc.put("coverage", coverage(r.result().coverage()));
        doc.put(
                "differences",
                r.result().differences().stream().map(DiffRenderer::difference).toList());
        doc.put(
                "moved",
                r.result().matching().moved().stream().map(DiffRenderer::moved).toList());
        if (r.countMode() != CountMode.NONE) {
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("mode", r.countMode().name().toLowerCase(Locale.ROOT));
            counts.put("tables", r.counts().stream().map(DiffRenderer::count).toList());
            doc.put("counts", counts);
        }
        FixScript s = r.script();
        Map<String, Object> script = new LinkedHashMap<>();
        script.put("statements", s.statements());
        script.put("destructive", s.destructive());
        script.put("commentedOut", s.withheld());
        script.put("manual", s.manual());
        doc.put("script", script);
        return doc;
    }

    private static Map<String, Object> coverage(Coverage c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(
                "compared",
                c.compared().stream()
                        .map(k -> k.name().toLowerCase(Locale.ROOT))
                        .toList());
        m.put(
                "notCompared",
                c.notCompared().entrySet().stream()
                        .map(e -> {
                            Map<String, Object> kind = new LinkedHashMap<>();
                            kind.put("kind", e.getKey().name().toLowerCase(Locale.ROOT));
                            kind.put("reason", e.getValue());
                            return kind;
                        })
                        .toList());
        return m;
    }

    private static Map<String, Object> sides(Object source, Object target) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("target", target);
        return m;
    }

    private static Map<String, Object> difference(Difference d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", d.kind().name());
        m.put("object", d.object());
        if (d.missingIn() != null) {
            m.put("missingIn", d.missingIn().id());
            m.put("definition", d.missingIn() == DiffSide.TARGET ? d.source() : d.target());
        } else {
            m.put("source", d.source());
            m.put("target", d.target());
        }
        if (d.tool() != null) {
            m.put("tool", d.tool());
        }
        return m;
    }

    private static Map<String, Object> moved(TablePair p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table", p.name());
        m.put("source", p.source().schema());
        m.put("target", p.target().schema());
        return m;
    }

    private static Map<String, Object> count(TableCount c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table", c.table());
        m.put("source", c.source());
        m.put("target", c.target());
        return m;
    }

    private static String text(DiffReport r) {
        StringBuilder out = new StringBuilder();
        out.append("Source    ")
                .append(database(r.source()))
                .append("  (")
                .append(String.join(", ", r.sourceSchemas()))
                .append(")\n");
        out.append("Target    ")
                .append(database(r.target()))
                .append("  (")
                .append(String.join(", ", r.targetSchemas()))
                .append(")\n");
        List<TablePair> pairs = r.result().matching().pairs();
        List<TablePair> moved = r.result().matching().moved();
        out.append("Tables    ")
                .append(pairs.stream().filter(TablePair::matched).count())
                .append(" matched");
        if (!moved.isEmpty()) {
            out.append(", ")
                    .append(moved.size())
                    .append(" of them in another schema (")
                    .append(String.join(", ", movedSchemas(moved)))
                    .append(")");
        }
        out.append('\n');
        Coverage coverage = r.result().coverage();
        out.append("Compared  ").append(coverage.comparedLine()).append('\n');
        if (coverage.notComparedLine() != null) {
            out.append("          ").append(coverage.notComparedLine()).append('\n');
        }
        List<Difference> differences = r.result().differences();
        if (differences.isEmpty()) {
            out.append("Result    same in the ")
                    .append(coverage.compared().size())
                    .append(" object kinds compared\n");
        } else {
            out.append("Result    ")
                    .append(differences.size())
                    .append(differences.size() == 1 ? " difference\n" : " differences\n");
            int kindWidth = differences.stream()
                    .mapToInt(d -> d.kind().name().length())
                    .max()
                    .orElse(0);
            int objectWidth = Math.min(
                    60,
                    differences.stream()
                            .mapToInt(d -> d.object().length())
                            .max()
                            .orElse(0));
            for (Difference d : differences) {
                out.append("  ")
                        .append(pad(d.kind().name(), kindWidth))
                        .append("  ")
                        .append(pad(d.object(), objectWidth))
                        .append("  ")
                        .append(detail(d))
                        .append('\n');
            }
        }
        counts(r, out);
        if (!differences.isEmpty()) {
            FixScript s = r.script();
            out.append("Fix       --format sql writes ")
                    .append(s.statements())
                    .append(s.statements() == 1 ? " statement" : " statements");
            if (s.withheld() > 0) {
                out.append(", ")
                        .append(s.withheld())
                        .append(" data-losing change(s) commented out (--allow-destructive)");
            }
            if (s.manual() > 0) {
                out.append(", ").append(s.manual()).append(" to do by hand");
            }
            out.append("; --rollback FILE writes its undoing\n");
        }
        return out.toString();
    }

    private static void counts(DiffReport r, StringBuilder out) {
        if (r.countMode() == CountMode.NONE) {
            return;
        }
        List<TableCount> differing =
                r.counts().stream().filter(TableCount::differs).toList();
        out.append("Rows      ")
                .append(r.countMode() == CountMode.EXACT ? "exact counts" : "estimates")
                .append(": ")
                .append(differing.size())
                .append(" of ")
                .append(r.counts().size())
                .append(" tables differ\n");
        int width = differing.stream().mapToInt(c -> c.table().length()).max().orElse(0);
        for (TableCount c : differing) {
            out.append("  ")
                    .append(pad(c.table(), width))
                    .append("  source ")
                    .append(rows(c.source()))
                    .append("  target ")
                    .append(rows(c.target()))
                    .append('\n');
        }
    }

    private static String markdown(DiffReport r) {
        StringBuilder out = new StringBuilder();
        out.append("## Schema drift\n\n");
        out.append("| | Source (reference) | Target |\n|---|---|---|\n");
        out.append("| Database | ")
                .append(database(r.source()))
                .append(" | ")
                .append(database(r.target()))
                .append(" |\n");
        out.append("| Schemas | ")
                .append(codes(r.sourceSchemas()))
                .append(" | ")
                .append(codes(r.targetSchemas()))
                .append(" |\n\n");
        List<Difference> all = r.result().differences();
        List<TablePair> moved = r.result().matching().moved();
        out.append("**")
                .append(
                        all.isEmpty()
                                ? "No differences"
                                : all.size() + (all.size() == 1 ? " difference" : " differences"))
                .append("**");
        out.append(" (")
                .append(r.result().schemaDifferences().size())
                .append(" in the schema, ")
                .append(r.result().historyDifferences().size())
                .append(" in the migration history). ");
        out.append(r.result().matching().pairs().stream()
                        .filter(TablePair::matched)
                        .count())
                .append(" tables matched");
        if (!moved.isEmpty()) {
            out.append(", ")
                    .append(moved.size())
                    .append(" of them in another schema (")
                    .append(String.join(", ", movedSchemas(moved)))
                    .append(")");
        }
        out.append(".\n");
        Coverage coverage = r.result().coverage();
        out.append("\n_").append(coverage.comparedLine()).append('.');
        if (coverage.notComparedLine() != null) {
            out.append(" ")
                    .append(Character.toUpperCase(coverage.notComparedLine().charAt(0)))
                    .append(coverage.notComparedLine().substring(1))
                    .append('.');
        }
        out.append("_\n");
        section(
                out,
                "Missing in the target",
                all.stream()
                        .filter(d ->
                                d.missingIn() == DiffSide.TARGET && !d.kind().isHistory())
                        .toList());
        section(
                out,
                "Missing in the source",
                all.stream()
                        .filter(d ->
                                d.missingIn() == DiffSide.SOURCE && !d.kind().isHistory())
                        .toList());
        List<Difference> differing = all.stream()
                .filter(d -> d.missingIn() == null && !d.kind().isHistory())
                .toList();
        if (!differing.isEmpty()) {
            out.append("\n### Defined differently\n\n| Object | Difference | Source | Target |\n|---|---|---|---|\n");
            differing.forEach(d -> out.append("| `")
                    .append(d.object())
                    .append("` | ")
                    .append(d.kind())
                    .append(" | ")
                    .append(cell(d.source()))
                    .append(" | ")
                    .append(cell(d.target()))
                    .append(" |\n"));
        }
        List<Difference> history = r.result().historyDifferences();
        if (!history.isEmpty()) {
            out.append(
                    "\n### Migration history\n\n| Tool | Migration | Difference | Source | Target |\n|---|---|---|---|---|\n");
            for (Difference d : history) {
                String source = d.missingIn() == DiffSide.SOURCE ? "missing" : d.source();
                String target = d.missingIn() == DiffSide.TARGET ? "missing" : d.target();
                out.append("| ")
                        .append(d.tool())
                        .append(" | `")
                        .append(d.object())
                        .append("` | ")
                        .append(d.kind())
                        .append(" | ")
                        .append(cell(source))
                        .append(" | ")
                        .append(cell(target))
                        .append(" |\n");
            }
        }
        if (r.countMode() != CountMode.NONE) {
            out.append("\n### Rows (")
                    .append(r.countMode() == CountMode.EXACT ? "exact counts" : "estimates")
                    .append(")\n\n")
                    .append("| Table | Source | Target |\n|---|---:|---:|\n");
            r.counts().stream()
                    .filter(TableCount::differs)
                    .forEach(c -> out.append("| `")
                            .append(c.table())
                            .append("` | ")
                            .append(rows(c.source()))
                            .append(" | ")
                            .append(rows(c.target()))
                            .append(" |\n"));
        }
        if (!all.isEmpty()) {
            out.append("\n### Fix (makes the target like the source; review before running)\n\n```sql\n")
                    .append(r.script().forward(r.about()))
                    .append("```\n");
        }
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<Difference> differences) {
        if (differences.isEmpty()) {
            return;
        }
        out.append("\n### ").append(title).append("\n\n");
        for (Difference d : differences) {
            String definition = d.missingIn() == DiffSide.TARGET ? d.source() : d.target();
            out.append("- ")
                    .append(what(d))
                    .append(" `")
                    .append(d.object())
                    .append('`')
                    .append(definition == null ? "" : ": " + definition)
                    .append('\n');
        }
    }

    private static String what(Difference d) {
        return d.kind().name().replace("MISSING_", "").toLowerCase(Locale.ROOT);
    }

    private static String detail(Difference d) {
        if (d.missingIn() != null) {
            String definition = d.missingIn() == DiffSide.TARGET ? d.source() : d.target();
            return "missing in " + d.missingIn().id()
                    + (definition == null ? "" : " (" + d.missingIn().other().id() + ": " + definition + ")");
        }
        return "source " + (d.source() == null ? "none" : d.source()) + ", target "
                + (d.target() == null ? "none" : d.target());
    }

    private static List<String> movedSchemas(List<TablePair> moved) {
        List<String> pairs = new ArrayList<>();
        moved.forEach(p -> {
            String s = p.source().schema() + " → " + p.target().schema();
            if (!pairs.contains(s)) {
                pairs.add(s);
            }
        });
        return pairs;
    }

    private static String database(DatabaseInfo info) {
        return info.engine().displayName() + " " + info.version() + "  " + info.url();
    }

    private static String codes(List<String> names) {
        return String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
    }

    private static String cell(String text) {
        return text == null ? "—" : "`" + text.replace("|", "\\|").replace("`", "'") + "`";
    }

    private static String rows(Long n) {
        return n == null ? "—" : String.format(Locale.ROOT, "%,d", n);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
