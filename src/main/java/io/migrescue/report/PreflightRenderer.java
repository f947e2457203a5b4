package io.migrescue.report;

import io.migrescue.preflight.PendingMigration;
import io.migrescue.preflight.PreflightFinding;
import io.migrescue.preflight.PreflightReport;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders {@code preflight} as text, JSON, or Markdown ready for a pull-request comment. */
public final class PreflightRenderer {
    private PreflightRenderer() {}

    public static String render(PreflightReport report, OutputFormat format) {
        return format.write(() -> Json.write(document(report)) + "\n", () -> markdown(report), () -> text(report));
    }

    static Map<String, Object> document(PreflightReport report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schemaVersion", 1);
        doc.put("database", StatusRenderer.database(report.database()));
        doc.put("schemas", report.schemas());
        doc.put("tools", report.tools());
        doc.put(
                "pending",
                report.pending().stream()
                        .map(m -> {
                            Map<String, Object> p = new LinkedHashMap<>();
                            p.put("tool", m.tool());
                            p.put("id", m.id());
                            p.put("file", m.file());
                            p.put("statements", m.statements().size());
                            return p;
                        })
                        .toList());
        doc.put("willFail", report.willFail());
        doc.put("blockers", report.blockers());
        doc.put(
                "findings",
                report.findings().stream().map(PreflightRenderer::finding).toList());
        doc.put("notes", report.notes());
        return doc;
    }

    private static Map<String, Object> finding(PreflightFinding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", f.kind().name());
        m.put("severity", f.severity().id());
        Map<String, Object> migration = new LinkedHashMap<>();
        migration.put("tool", f.migration().tool());
        migration.put("id", f.migration().id());
        migration.put("file", f.migration().file());
        m.put("migration", migration);
        m.put("statement", Map.of("n", f.statement(), "line", f.line(), "sql", f.sql()));
        m.put("cause", f.cause());
        m.put("evidence", f.evidence());
        Map<String, Object> fix = new LinkedHashMap<>();
        fix.put("text", f.fix().text());
        fix.put("sqlBefore", f.fix().sql());
        fix.put("rewrite", f.fix().rewrite());
        fix.put("playbooks", f.fix().playbooks());
        m.put("fix", fix);
        return m;
    }

    private static String text(PreflightReport report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                "%-9s %s %s  %s%n",
                "Database",
                report.database().engine().displayName(),
                report.database().version(),
                report.database().url()));
        out.append(String.format(
                "%-9s %s%n",
                "Pending",
                report.pending().isEmpty()
                        ? "none"
                        : report.pending().size() + ": "
                                + String.join(
                                        ", ",
                                        report.pending().stream()
                                                .map(PendingMigration::file)
                                                .toList())));
        report.blockers().forEach(b -> out.append(String.format("%-9s %s%n", "Blocked", b)));
        int n = 1;
        for (PreflightFinding f : report.findings()) {
            out.append('\n')
                    .append(FindingTitle.of(n++, f.kind().name(), f.severity().id()))
                    .append(
                            f.severity().id().equals("error")
                                    ? ": will fail"
                                    : f.severity().id().equals("warning") ? ": may fail" : "")
                    .append(")\n");
            out.append("   ")
                    .append(f.migration().file())
                    .append(" statement ")
                    .append(f.statement())
                    .append(" (line ")
                    .append(f.line())
                    .append("): ")
                    .append(f.sql())
                    .append('\n');
            out.append("   ").append(f.cause()).append('\n');
            f.evidence().forEach(e -> out.append("   - ").append(e).append('\n'));
            out.append("   Fix: ").append(f.fix().text()).append('\n');
            if (!f.fix().sql().isEmpty()) {
                out.append("   Add before statement ").append(f.statement()).append(":\n");
                f.fix().sql().forEach(s -> out.append("      ").append(s).append(";\n"));
            }
            if (f.fix().rewrite() != null) {
                out.append("   Write statement ")
                        .append(f.statement())
                        .append(" as:\n      ")
                        .append(f.fix().rewrite())
                        .append(";\n");
            }
            if (!f.fix().playbooks().isEmpty()) {
                out.append("   If it fails anyway: migrescue repair ")
                        .append(f.fix().playbooks().get(0))
                        .append('\n');
            }
        }
        report.notes().forEach(note -> out.append("Note      ").append(note).append('\n'));
        out.append('\n')
                .append(
                        report.willFail()
                                ? "Result    something will or may fail: fix it before the deploy"
                                : "Result    nothing will fail: every pending migration fits this database")
                .append('\n');
        return out.toString();
    }

    private static String markdown(PreflightReport report) {
        StringBuilder out = new StringBuilder("### migrescue preflight: ");
        out.append(report.willFail() ? "something will or may fail" : "nothing will fail")
                .append("\n\n");
        out.append("Database: ")
                .append(report.database().engineAndVersion())
                .append(" · pending: ")
                .append(report.pending().size())
                .append("\n\n");
        report.blockers().forEach(b -> out.append("- **Blocked:** ").append(b).append('\n'));
        if (!report.findings().isEmpty()) {
            out.append("| | migration | statement | cause |\n|---|---|---|---|\n");
            for (PreflightFinding f : report.findings()) {
                out.append("| ")
                        .append(f.severity().id().equals("error") ? ":x:" : ":warning:")
                        .append(" `")
                        .append(f.kind().name())
                        .append("` | `")
                        .append(f.migration().file())
                        .append("` | ")
                        .append(f.statement())
                        .append(" (line ")
                        .append(f.line())
                        .append(") | ")
                        .append(cell(f.cause()))
                        .append(" |\n");
            }
            for (PreflightFinding f : report.findings()) {
                out.append("\n<details><summary>")
                        .append(f.migration().file())
                        .append(" statement ")
                        .append(f.statement())
                        .append(": ")
                        .append(cell(f.cause()))
                        .append("</summary>\n\n```sql\n")
                        .append(f.sql())
                        .append("\n```\n\n");
                f.evidence().forEach(e -> out.append("- ").append(e).append('\n'));
                out.append("\n**Fix:** ").append(f.fix().text()).append('\n');
                if (!f.fix().sql().isEmpty()) {
                    out.append("\n```sql\n");
                    f.fix().sql().forEach(s -> out.append(s).append(";\n"));
                    out.append("```\n");
                }
                out.append("</details>\n");
            }
        }
        report.notes().forEach(n -> out.append("\n> ").append(n).append('\n'));
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
