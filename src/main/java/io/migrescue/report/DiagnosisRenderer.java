package io.migrescue.report;

import io.migrescue.app.DiagnosisReport;
import io.migrescue.diagnosis.ErrorObjects;
import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.diagnosis.Finding;
import io.migrescue.diagnosis.ParsedError;
import io.migrescue.diagnosis.StatementVerdict;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders {@code diagnose} and {@code explain}: the truth on one screen, JSON for scripts, Markdown for the write-up. */
public final class DiagnosisRenderer {
    private static final int SQL_WIDTH = 72;

    private DiagnosisRenderer() {}

    public static String render(DiagnosisReport report, OutputFormat format) {
        return switch (format) {
            case json -> Json.report(document(report)) + "\n";
            case markdown -> markdown(report);
            case text -> text(report);
        };
    }

    static Map<String, Object> document(DiagnosisReport r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        if (r.database() != null) {
            doc.put("database", StatusRenderer.database(r.database()));
            doc.put("schemas", r.schemas());
        }
        doc.put("history", r.history().stream().map(DiagnosisRenderer::history).toList());
        doc.put(
                "error",
                r.error() == null
                        ? null
                        : error(
                                r.error(),
                                r.errorKind() == null ? null : r.errorKind().name()));
        doc.put("findings", r.current().stream().map(DiagnosisRenderer::finding).toList());
        doc.put("stale", r.stale().stream().map(DiagnosisRenderer::finding).toList());
        doc.put("notes", r.notes());
        return doc;
    }

    private static Map<String, Object> history(MigrationHistory h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", h.tool());
        m.put("schema", h.schema());
        m.put("table", h.table());
        m.put("failed", h.failed().stream().map(HistoryEntry::id).toList());
        m.put("dirty", h.dirty());
        m.put("locked", h.locked());
        return m;
    }

    private static Map<String, Object> error(ParsedError e, String kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("engine", e.engine() == null ? null : e.engine().id());
        m.put("wrapper", e.wrapper());
        m.put("sqlState", e.sqlState());
        m.put("vendorCode", e.vendorCode());
        m.put("errno", e.errno());
        m.put("message", e.message());
        m.put("detail", e.detail());
        m.put("hint", e.hint());
        m.put("statement", e.statement());
        m.put("migration", e.migration());
        m.put("version", e.version());
        m.put("line", e.line());
        m.put("objects", (e.objects() == null ? ErrorObjects.NONE : e.objects()).asMap());
        return m;
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", f.kind().name());
        m.put("severity", f.severity().id());
        m.put("summary", f.summary());
        m.put("objects", f.objects());
        m.put("migration", f.migration() == null ? null : migration(f.migration()));
        m.put("evidence", f.evidence());
        m.put("playbooks", f.playbooks());
        m.put("stale", f.stale());
        return m;
    }

    private static Map<String, Object> migration(FailedMigration fm) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", fm.tool());
        m.put("id", fm.id());
        m.put("file", fm.file());
        m.put("foundBy", fm.foundBy());
        m.put(
                "statements",
                fm.statements().stream()
                        .map(v -> {
                            Map<String, Object> s = new LinkedHashMap<>();
                            s.put("n", v.n());
                            s.put("line", v.line());
                            s.put("state", v.state().id());
                            s.put("reason", v.reason());
                            s.put("prediction", v.prediction());
                            s.put("sql", v.sql());
                            return s;
                        })
                        .toList());
        return m;
    }

    private static String text(DiagnosisReport r) {
        StringBuilder out = new StringBuilder();
        if (r.database() != null) {
            out.append("Database  ")
                    .append(r.database().engine().displayName())
                    .append(' ')
                    .append(r.database().version())
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
                            : "No findings: nothing stops the next deploy.\n");
            staleText(r, out);
            return out.toString();
        }
        int n = 1;
        java.util.Set<String> mapped = new java.util.HashSet<>();
        for (Finding f : r.current()) {
            out.append('\n')
                    .append(n++)
                    .append(". ")
                    .append(f.kind().name())
                    .append(" (")
                    .append(f.severity().id())
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

    private static String markdown(DiagnosisReport r) {
        StringBuilder out = new StringBuilder("## Diagnosis\n\n");
        if (r.database() != null) {
            out.append("- **Database:** ")
                    .append(r.database().engine().displayName())
                    .append(' ')
                    .append(r.database().version())
                    .append(", `")
                    .append(r.database().url())
                    .append("`\n");
        }
        if (r.error() != null) {
            out.append("- **Error:** `")
                    .append(errorHeadline(r.error()).replace("`", "'"))
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
                    .append(n++)
                    .append(". ")
                    .append(f.kind().name())
                    .append(" (")
                    .append(f.severity().id())
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
                            .append(oneLine(v.sql()).replace("|", "\\|").replace("`", "'"))
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

    private static String errorHeadline(ParsedError e) {
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
