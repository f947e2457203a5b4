package io.migrescue.report;

import io.migrescue.app.HistoryUseCase;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code history}: one table per tool, newest last, failed/dirty/rolled-back entries marked. */
public final class HistoryRenderer {
    private HistoryRenderer() {}

    public static String render(HistoryUseCase.Report report, OutputFormat format) {
        return format.write(() -> Json.report(document(report)) + "\n", () -> markdown(report), () -> text(report));
    }

    private static Map<String, Object> document(HistoryUseCase.Report r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("database", StatusRenderer.database(r.database()));
        doc.put("schemas", r.schemas());
        doc.put(
                "history",
                r.histories().stream()
                        .map(h -> {
                            Map<String, Object> m = HistoryJson.trouble(h);
                            m.put(
                                    "lock",
                                    h.lock() == null
                                            ? null
                                            : Map.of(
                                                    "table",
                                                    h.lock().table(),
                                                    "locked",
                                                    h.lock().locked(),
                                                    "holder",
                                                    String.valueOf(h.lock().holder()),
                                                    "since",
                                                    String.valueOf(h.lock().since())));
                            m.put(
                                    "entries",
                                    h.entries().stream().map(HistoryJson::entry).toList());
                            return m;
                        })
                        .toList());
        return doc;
    }

    private static String text(HistoryUseCase.Report r) {
        StringBuilder out = new StringBuilder();
        if (r.histories().isEmpty()) {
            return "No migration history table in " + String.join(", ", r.schemas())
                    + " (db push? another --schema?)\n";
        }
        for (MigrationHistory h : r.histories()) {
            out.append(h.tool())
                    .append("  ")
                    .append(h.qualifiedTable())
                    .append("  ")
                    .append(h.entries().size())
                    .append(" entries")
                    .append(h.locked() ? "  LOCKED by " + h.lock().holder() : "")
                    .append('\n');
            for (HistoryEntry e : rows(h)) {
                out.append(String.format(
                        "  %-12s %-28s %-24s %s%n",
                        HistoryJson.state(e),
                        cut(e.id(), 28),
                        e.appliedAt() == null ? "" : e.appliedAt().toString(),
                        e.description() == null || e.description().equals(e.id()) ? "" : cut(e.description(), 60)));
            }
            if (rows(h).size() < h.entries().size()) {
                out.append("  … ")
                        .append(h.entries().size() - rows(h).size())
                        .append(" older entries (--format json lists all)\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String markdown(HistoryUseCase.Report r) {
        StringBuilder out = new StringBuilder("## Migration history\n\n");
        for (MigrationHistory h : r.histories()) {
            out.append("### ")
                    .append(h.tool())
                    .append(" (`")
                    .append(h.qualifiedTable())
                    .append("`)\n\n")
                    .append("| state | id | at | description |\n|---|---|---|---|\n");
            for (HistoryEntry e : rows(h)) {
                out.append("| ")
                        .append(e.state().name().toLowerCase(Locale.ROOT))
                        .append(" | `")
                        .append(e.id())
                        .append("` | ")
                        .append(e.appliedAt() == null ? "" : e.appliedAt())
                        .append(" | ")
                        .append(e.description() == null ? "" : e.description())
                        .append(" |\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The newest 20 entries: enough to see what the last deploys did. */
    private static List<HistoryEntry> rows(MigrationHistory h) {
        List<HistoryEntry> all = h.entries();
        return all.size() <= 20 ? all : all.subList(all.size() - 20, all.size());
    }

    private static String cut(String s, int width) {
        return s == null ? "" : s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
