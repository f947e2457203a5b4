package io.migrescue.report;

import io.migrescue.app.StatusReport;
import io.migrescue.model.DatabaseInfo;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.HistoryLock;
import io.migrescue.model.MigrationHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders {@code status} as text, JSON (cli.md) or Markdown. */
public final class StatusRenderer {
    private StatusRenderer() {}

    public static String render(StatusReport report, OutputFormat format) {
        return format.write(() -> Json.report(document(report)) + "\n", () -> markdown(report), () -> text(report));
    }

    static Map<String, Object> document(StatusReport report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("database", database(report.database()));
        List<Map<String, Object>> schemas = new ArrayList<>();
        report.tablesPerSchema().forEach((name, count) -> schemas.add(ordered("name", name, "tables", count)));
        doc.put("schemas", schemas);
        doc.put("tables", report.tableCount());
        doc.put(
                "history",
                report.history().stream().map(StatusRenderer::history).toList());
        doc.put("invalidIndexes", report.invalidIndexes());
        doc.put("healthy", report.healthy());
        doc.put("attention", report.attention());
        return doc;
    }

    static Map<String, Object> database(DatabaseInfo info) {
        Map<String, Object> db = new LinkedHashMap<>();
        db.put("engine", info.engine().id());
        db.put("version", info.version());
        db.put("url", info.url());
        db.put("user", info.user());
        return db;
    }

    private static Map<String, Object> history(MigrationHistory h) {
        Map<String, Object> m = HistoryJson.table(h);
        m.put("applied", h.appliedCount());
        m.put("latest", h.latestApplied().map(HistoryJson::entry).orElse(null));
        m.put("failed", h.failed().stream().map(HistoryEntry::id).toList());
        m.put("failedEntries", h.failed().stream().map(HistoryJson::entry).toList());
        m.put("dirty", h.dirty());
        m.put("dirtyVersions", h.dirtyEntries().stream().map(HistoryEntry::id).toList());
        m.put("locked", h.locked());
        m.put("lock", h.lock() == null ? null : lock(h.lock()));
        return m;
    }

    private static Map<String, Object> lock(HistoryLock lock) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table", lock.table());
        m.put("locked", lock.locked());
        m.put("holder", lock.holder());
        m.put("since", lock.since() == null ? null : lock.since().toString());
        return m;
    }

    private static String text(StatusReport r) {
        StringBuilder out = new StringBuilder();
        DatabaseInfo db = r.database();
        out.append("Database  ")
                .append(db.engineAndVersion())
                .append("  ")
                .append(db.url())
                .append(db.user() == null ? "" : "  as " + db.user())
                .append('\n');
        out.append("Schemas   ");
        List<String> parts = new ArrayList<>();
        r.tablesPerSchema()
                .forEach((name, count) -> parts.add(name + " (" + count + (count == 1 ? " table)" : " tables)")));
        out.append(String.join(", ", parts)).append('\n');
        if (r.history().isEmpty()) {
            out.append("History   no migration history table found in scope (db push? or another --schema?)\n");
        }
        for (MigrationHistory h : r.history()) {
            out.append("History   ")
                    .append(h.tool())
                    .append("  ")
                    .append(h.qualifiedTable())
                    .append("  ")
                    .append(h.appliedCount())
                    .append(" applied");
            h.latestApplied()
                    .ifPresent(e -> out.append(", latest ").append(label(e)).append(at(e.appliedAt())));
            out.append('\n');
            for (HistoryEntry e : h.failed()) {
                out.append("          FAILED  ")
                        .append(label(e))
                        .append(at(e.appliedAt()))
                        .append('\n');
            }
            for (HistoryEntry e : h.dirtyEntries()) {
                out.append("          DIRTY   version ").append(e.id()).append('\n');
            }
            if (h.locked()) {
                out.append("          LOCKED  ")
                        .append(h.lock().table())
                        .append(
                                h.lock().holder() == null
                                        ? ""
                                        : " by " + h.lock().holder())
                        .append(at(h.lock().since()))
                        .append('\n');
            }
        }
        for (String index : r.invalidIndexes()) {
            out.append("Index     INVALID ").append(index).append('\n');
        }
        if (r.healthy()) {
            out.append("Status    healthy\n");
        } else {
            out.append("Status    needs attention:\n");
            r.attention().forEach(a -> out.append("          - ").append(a).append('\n'));
            out.append("Next      migrescue diagnose (same connection options) explains what it left behind\n");
        }
        return out.toString();
    }

    private static String markdown(StatusReport r) {
        StringBuilder out = new StringBuilder();
        DatabaseInfo db = r.database();
        out.append("## Database status\n\n");
        out.append("- **Engine:** ").append(db.engineAndVersion()).append('\n');
        out.append("- **URL:** `")
                .append(db.url())
                .append("`")
                .append(db.user() == null ? "" : " as `" + db.user() + "`")
                .append('\n');
        r.tablesPerSchema()
                .forEach((name, count) -> out.append("- **Schema** `")
                        .append(name)
                        .append("`: ")
                        .append(count)
                        .append(" tables\n"));
        out.append("- **Status:** ")
                .append(r.healthy() ? "healthy" : "needs attention")
                .append("\n\n");
        if (!r.history().isEmpty()) {
            out.append(
                    "| tool | table | applied | latest | failed | dirty | locked |\n|---|---|---|---|---|---|---|\n");
            for (MigrationHistory h : r.history()) {
                out.append("| ")
                        .append(h.tool())
                        .append(" | `")
                        .append(h.qualifiedTable())
                        .append("` | ")
                        .append(h.appliedCount())
                        .append(" | ")
                        .append(h.latestApplied().map(StatusRenderer::label).orElse(""))
                        .append(" | ")
                        .append(String.join(
                                ", ", h.failed().stream().map(HistoryEntry::id).toList()))
                        .append(" | ")
                        .append(h.dirty() ? "yes" : "no")
                        .append(" | ")
                        .append(h.locked() ? "yes" : "no")
                        .append(" |\n");
            }
            out.append('\n');
        }
        if (!r.healthy()) {
            out.append("### Needs attention\n\n");
            r.attention().forEach(a -> out.append("- ").append(a).append('\n'));
        }
        return out.toString();
    }

    private static String label(HistoryEntry e) {
        return e.description() == null || e.description().equals(e.id())
                ? e.id()
                : e.id() + " \"" + e.description() + "\"";
    }

    private static String at(Instant instant) {
        return instant == null ? "" : " at " + instant;
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }
}
