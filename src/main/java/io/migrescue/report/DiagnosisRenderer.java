package io.migrescue.report;

import io.migrescue.app.DiagnosisReport;
import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.diagnosis.Finding;
import io.migrescue.diagnosis.ParsedError;
import io.migrescue.diagnosis.StatementVerdict;

/** Renders {@code diagnose} and {@code explain}: the truth on one screen, JSON for scripts, Markdown for the write-up. */
public final class DiagnosisRenderer {
    private static final int SQL_WIDTH = 72;

    private DiagnosisRenderer() {}

    public static String render(DiagnosisReport report, OutputFormat format) {
        return format.write(
                () -> Json.report(DiagnosisJson.document(report)) + "\n",
                () -> DiagnosisMarkdown.markdown(report),
                () -> text(report));
    }

    private static String text(DiagnosisReport r) {
        StringBuilder out = new StringBuilder();
        if (r.database() != null) {
            out.append("Database  ")
                    .append(r.database().engineAndVersion())
                    .append("  ")
                    .append(r.database().url())
                    .append('\n');
        }
        if (r.error() != null) {
            ParsedError e = r.error();
            out.append("Error     ").append(errorHeadline(e)).append('\n');
            if (e.migration() != null || e.line() != null) {
                out.append("          ")
                        .append(e.migration() == null ? "" : "migration " + e.migration())
                        .append(e.line() == null ? "" : (e.migration() == null ? "" : ", ") + "line " + e.line())
                        .append('\n');
            }
        }
        for (String note : r.notes()) {
            out.append("Note      ").append(note).append('\n');
        }
        if (r.current().isEmpty()) {
            out.append(
                    r.database() == null
                            ? "Not recognised: no finding from this text alone.\n"
                            : "No findings: the database and its migration history are in order.\n");
            staleText(r, out);
            return out.toString();
        }
        int n = 1;
        java.util.Set<String> mapped = new java.util.HashSet<>();
        for (Finding f : r.current()) {
            out.append('\n')
                    .append(FindingTitle.of(n++, f.kind().name(), f.severity().id()))
                    .append(")\n   ")
                    .append(f.summary())
                    .append('\n');
            for (String line : f.evidence()) {
                out.append("   - ").append(line).append('\n');
            }
            if (f.migration() != null
                    && !f.migration().statements().isEmpty()
                    && !mapped.add(f.migration().id())) {
                out.append("   Migration ").append(f.migration().id()).append(": statement map above\n");
            } else if (f.migration() != null && !f.migration().statements().isEmpty()) {
                FailedMigration m = f.migration();
                out.append("   Migration ")
                        .append(m.tool() == null ? "" : m.tool() + " ")
                        .append(m.id())
                        .append(m.file() == null ? "" : " (" + m.file() + ")")
                        .append(", found from the ")
                        .append(m.foundBy().replace('-', ' '))
                        .append(":\n");
                for (StatementVerdict v : m.statements()) {
                    out.append(String.format(
                            "     %2d  %-12s %s%n", v.n(), v.state().id(), oneLine(v.sql())));
                    if (v.prediction() != null) {
                        out.append("                       ")
                                .append(v.prediction())
                                .append('\n');
                    }
                }
            }
            if (!f.playbooks().isEmpty()) {
                out.append("   Fix with  migrescue repair ")
                        .append(f.playbooks().get(0));
                if (f.playbooks().size() > 1) {
                    out.append("   (or: ")
                            .append(String.join(
                                    ", ", f.playbooks().subList(1, f.playbooks().size())))
                            .append(')');
                }
                out.append('\n');
            }
        }
        staleText(r, out);
        return out.toString();
    }

    /** The error text's findings the database no longer bears out: history, not findings. */
    private static void staleText(DiagnosisReport r, StringBuilder out) {
        if (r.stale().isEmpty()) {
            return;
        }
        out.append("\nStale     the log is older than the database (kept as history, not a finding):\n");
        for (Finding f : r.stale()) {
            out.append("   ")
                    .append(f.kind().name())
                    .append(": ")
                    .append(f.summary())
                    .append('\n');
            for (String line : f.evidence()) {
                out.append("   - ").append(line).append('\n');
            }
        }
    }

    static String errorHeadline(ParsedError e) {
        StringBuilder s = new StringBuilder();
        if (e.engine() != null) {
            s.append(e.engine().displayName()).append(' ');
        }
        if (e.vendorCode() != null && e.vendorCode() != 0) {
            s.append(e.vendorCode()).append(' ');
        }
        if (e.sqlState() != null) {
            s.append('(').append(e.sqlState()).append(") ");
        }
        if (e.wrapper() != null && !e.wrapper().equals("plain")) {
            s.append("via ").append(e.wrapper()).append(": ");
        }
        return s.append(e.message() == null ? "" : e.message()).toString();
    }

    static String oneLine(String sql) {
        String flat = sql == null ? "" : sql.replaceAll("\\s+", " ").strip();
        return flat.length() <= SQL_WIDTH ? flat : flat.substring(0, SQL_WIDTH - 1) + "…";
    }
}
