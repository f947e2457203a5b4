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
import java.util.List;
import java.util.Locale;

/** Renders {@code diff} as text, JSON (cli.md) or Markdown (an incident write-up, with the fix script). */
public final class DiffRenderer {
    private DiffRenderer() {}

    public static String render(DiffReport report, OutputFormat format) {
        return format.write(
                () -> Json.report(DiffJson.document(report)) + "\n",
                () -> DiffMarkdown.markdown(report),
                () -> text(report));
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
        out.append(movedNote(moved));
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

    static String what(Difference d) {
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

    /** {@code , 2 of them in another schema (public → app)}, or nothing when no table moved. */
    static String movedNote(List<TablePair> moved) {
        return moved.isEmpty()
                ? ""
                : ", " + moved.size() + " of them in another schema (" + String.join(", ", movedSchemas(moved)) + ")";
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

    static String database(DatabaseInfo info) {
        return info.engine().displayName() + " " + info.version() + "  " + info.url();
    }

    static String rows(Long n) {
        return n == null ? "—" : String.format(Locale.ROOT, "%,d", n);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
