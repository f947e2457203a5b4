package io.migrescue.report;

import io.migrescue.backup.RestoreResult;
import io.migrescue.backup.RestoreResult.RestoredTable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Renders what {@code restore} did: per table how (reloaded, recreated, merged) and how many rows; whether keys hold. */
public final class RestoreRenderer {
    private RestoreRenderer() {}

    public static String render(RestoreResult result, Path dir, OutputFormat format) {
        return format.write(
                () -> Json.report(document(result, dir)) + "\n", () -> markdown(result, dir), () -> text(result, dir));
    }

    static Map<String, Object> document(RestoreResult r, Path dir) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("backup", dir.toString());
        doc.put("backupCreatedAt", r.backupCreatedAt());
        Map<String, Object> db = new LinkedHashMap<>();
        db.put("engine", r.engine());
        db.put("url", r.url());
        doc.put("database", db);
        doc.put("status", r.holds() ? "restored" : "verification-failed");
        doc.put("tables", r.tables().stream().map(RestoreRenderer::table).toList());
        doc.put("rows", r.totalRows());
        doc.put("violations", r.violations());
        doc.put("notes", r.notes());
        return doc;
    }

    private static Map<String, Object> table(RestoredTable t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", t.schema());
        m.put("table", t.table());
        m.put("mode", t.mode().id());
        m.put("rows", t.rows());
        m.put("sequences", t.sequences());
        return m;
    }

    private static String text(RestoreResult r, Path dir) {
        StringBuilder out = new StringBuilder();
        out.append("Restored  ")
                .append(r.url())
                .append("  from ")
                .append(dir)
                .append(" (taken ")
                .append(r.backupCreatedAt())
                .append(")\n");
        int width = r.tables().stream()
                .mapToInt(t -> t.qualifiedName().length())
                .max()
                .orElse(0);
        for (RestoredTable t : r.tables()) {
            out.append(String.format(
                    Locale.ROOT,
                    "          %-" + width + "s  %-9s  %,d %s",
                    t.qualifiedName(),
                    t.mode().id(),
                    t.rows(),
                    t.rows() == 1 ? "row" : "rows"));
            t.sequences()
                    .forEach((column, next) -> out.append(", ")
                            .append(column)
                            .append(" continues after ")
                            .append(next));
            out.append('\n');
        }
        if (r.holds()) {
            out.append("Keys      every foreign key touching these tables holds\n");
        } else {
            out.append("Keys      DO NOT HOLD:\n");
            r.violations().forEach(v -> out.append("          - ").append(v).append('\n'));
        }
        r.notes().forEach(n -> out.append("Note      ").append(n).append('\n'));
        return out.toString();
    }

    private static String markdown(RestoreResult r, Path dir) {
        StringBuilder out = new StringBuilder("## Restore\n\n");
        out.append("- **Database:** `").append(r.url()).append("`\n");
        out.append("- **Backup:** `")
                .append(dir)
                .append("`, taken ")
                .append(r.backupCreatedAt())
                .append('\n');
        out.append("- **Status:** ")
                .append(r.holds() ? "restored, every foreign key holds" : "restored, foreign keys DO NOT HOLD")
                .append("\n\n");
        out.append("| table | how | rows |\n|---|---|---|\n");
        r.tables()
                .forEach(t -> out.append("| `")
                        .append(t.qualifiedName())
                        .append("` | ")
                        .append(t.mode().id())
                        .append(" | ")
                        .append(t.rows())
                        .append(" |\n"));
        if (!r.holds()) {
            out.append("\n### Foreign keys that do not hold\n\n");
            r.violations().forEach(v -> out.append("- ").append(v).append('\n'));
        }
        if (!r.notes().isEmpty()) {
            out.append('\n');
            r.notes().forEach(n -> out.append("- **Note:** ").append(n).append('\n'));
        }
        return out.toString();
    }
}
