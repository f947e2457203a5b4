package io.migrescue.report;

import io.migrescue.app.CountMode;
import io.migrescue.app.DiffReport;
import io.migrescue.diff.Coverage;
import io.migrescue.diff.DiffSide;
import io.migrescue.diff.Difference;
import io.migrescue.diff.TableCount;
import io.migrescue.diff.TablePair;
import java.util.List;

/** {@code diff --format markdown}: an incident write-up with the fix script, apart from the terminal text. */
final class DiffMarkdown {
    private DiffMarkdown() {}

    static String markdown(DiffReport r) {
        StringBuilder out = new StringBuilder();
        out.append("## Schema drift\n\n");
        out.append("| | Source (reference) | Target |\n|---|---|---|\n");
        out.append("| Database | ")
                .append(DiffRenderer.database(r.source()))
                .append(" | ")
                .append(DiffRenderer.database(r.target()))
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
        out.append(DiffRenderer.movedNote(moved));
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
                            .append(DiffRenderer.rows(c.source()))
                            .append(" | ")
                            .append(DiffRenderer.rows(c.target()))
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
                    .append(DiffRenderer.what(d))
                    .append(" `")
                    .append(d.object())
                    .append('`')
                    .append(definition == null ? "" : ": " + definition)
                    .append('\n');
        }
    }

    private static String codes(List<String> names) {
        return String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
    }

    private static String cell(String text) {
        return text == null ? "—" : "`" + text.replace("|", "\\|").replace("`", "'") + "`";
    }
}
