package io.migrescue.report;

import io.migrescue.app.DiagnosisReport;
import io.migrescue.diagnosis.Finding;
import io.migrescue.diagnosis.StatementVerdict;

/** The Markdown of {@code diagnose} and {@code explain}: the part of the incident write-up that says what broke. */
final class DiagnosisMarkdown {
    private DiagnosisMarkdown() {}

    static String markdown(DiagnosisReport r) {
        StringBuilder out = new StringBuilder("## Diagnosis\n\n");
        if (r.database() != null) {
            out.append("- **Database:** ")
                    .append(r.database().engineAndVersion())
                    .append(", `")
                    .append(r.database().url())
                    .append("`\n");
        }
        if (r.error() != null) {
            out.append("- **Error:** `")
                    .append(DiagnosisRenderer.errorHeadline(r.error()).replace("`", "'"))
                    .append("`\n");
        }
        r.notes().forEach(note -> out.append("- **Note:** ").append(note).append('\n'));
        out.append('\n');
        if (r.current().isEmpty()) {
            out.append("No findings.\n");
        }
        int n = 1;
        for (Finding f : r.current()) {
            out.append("### ")
                    .append(FindingTitle.of(n++, f.kind().name(), f.severity().id()))
                    .append(")\n\n")
                    .append(f.summary())
                    .append("\n\n");
            f.evidence().forEach(line -> out.append("- ").append(line).append('\n'));
            if (f.migration() != null && !f.migration().statements().isEmpty()) {
                out.append("\n| # | line | state | statement |\n|---|---|---|---|\n");
                for (StatementVerdict v : f.migration().statements()) {
                    out.append("| ")
                            .append(v.n())
                            .append(" | ")
                            .append(v.line())
                            .append(" | ")
                            .append(v.state().id())
                            .append(" | `")
                            .append(DiagnosisRenderer.oneLine(v.sql())
                                    .replace("|", "\\|")
                                    .replace("`", "'"))
                            .append("` |\n");
                }
            }
            if (!f.playbooks().isEmpty()) {
                out.append("\nRecommended: `migrescue repair ")
                        .append(f.playbooks().get(0))
                        .append('`');
                if (f.playbooks().size() > 1) {
                    out.append(" (alternatives: ")
                            .append(String.join(
                                    ", ", f.playbooks().subList(1, f.playbooks().size())))
                            .append(')');
                }
                out.append("\n");
            }
            out.append('\n');
        }
        if (!r.stale().isEmpty()) {
            out.append("### Stale: the log is older than the database (history, not a finding)\n\n");
            for (Finding f : r.stale()) {
                out.append("- ")
                        .append(f.kind().name())
                        .append(": ")
                        .append(f.summary())
                        .append('\n');
                f.evidence().forEach(line -> out.append("  - ").append(line).append('\n'));
            }
        }
        return out.toString();
    }
}
