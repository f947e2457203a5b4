package io.migrescue.report;

import io.migrescue.backup.BackedUpTable;
import io.migrescue.backup.BackupManifest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders what {@code backup} wrote: where, from which database, which tables with how many rows, verified. */
public final class BackupRenderer {
    private BackupRenderer() {}

    public static String render(BackupManifest manifest, Path dir, OutputFormat format) {
        return format.write(
                () -> Json.report(document(manifest, dir)) + "\n",
                () -> markdown(manifest, dir),
                () -> text(manifest, dir));
    }

    static Map<String, Object> document(BackupManifest m, Path dir) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("backup", dir.toString());
        doc.put("manifest", dir.resolve(BackupManifest.FILE).toString());
        doc.put("database", database(m));
        doc.put("createdAt", m.createdAt());
        doc.put("data", m.data());
        doc.put("verified", true); // a backup that does not verify is an error, never printed as a result
        doc.put("tables", m.tables().stream().map(BackupRenderer::table).toList());
        doc.put("rows", m.data() ? m.totalRows() : null);
        doc.put("bytes", bytes(m));
        return doc;
    }

    static Map<String, Object> database(BackupManifest m) {
        Map<String, Object> db = new LinkedHashMap<>();
        db.put("engine", m.engine());
        db.put("version", m.serverVersion());
        db.put("url", m.url());
        return db;
    }

    private static Map<String, Object> table(BackedUpTable t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", t.schema());
        m.put("table", t.table());
        m.put("where", t.where());
        m.put("rows", t.rows());
        m.put("definition", t.definition().file());
        m.put("data", t.data() == null ? null : t.data().file());
        m.put("bytes", t.definition().bytes() + (t.data() == null ? 0 : t.data().bytes()));
        return m;
    }

    private static String text(BackupManifest m, Path dir) {
        StringBuilder out = new StringBuilder();
        out.append("Backup    ")
                .append(dir)
                .append("  (verified: ")
                .append(m.tables().size())
                .append(m.tables().size() == 1 ? " table" : " tables")
                .append(
                        m.data()
                                ? ", " + m.totalRows() + (m.totalRows() == 1 ? " row" : " rows")
                                : ", definitions only")
                .append(", ")
                .append(size(bytes(m)))
                .append(")\n");
        out.append("Database  ")
                .append(m.engineOf().displayName())
                .append(' ')
                .append(m.serverVersion())
                .append("  ")
                .append(m.url())
                .append('\n');
        int width = m.tables().stream()
                .mapToInt(t -> t.qualifiedName().length())
                .max()
                .orElse(0);
        for (BackedUpTable t : m.tables()) {
            out.append(String.format(Locale.ROOT, "          %-" + width + "s  ", t.qualifiedName()));
            out.append(
                    t.rows() == null
                            ? "definition only"
                            : String.format(Locale.ROOT, "%,d %s", t.rows(), t.rows() == 1 ? "row" : "rows"));
            if (t.where() != null) {
                out.append("  where ").append(t.where());
            }
            out.append('\n');
        }
        if (m.data()) {
            out.append("Restore   migrescue restore --from ").append(dir).append(" --yes (same connection options)\n");
        }
        return out.toString();
    }

    private static String markdown(BackupManifest m, Path dir) {
        StringBuilder out = new StringBuilder("## Backup\n\n");
        out.append("- **Where:** `")
                .append(dir)
                .append("` (verified, ")
                .append(size(bytes(m)))
                .append(")\n");
        out.append("- **Database:** ")
                .append(m.engineOf().displayName())
                .append(' ')
                .append(m.serverVersion())
                .append(", `")
                .append(m.url())
                .append("`\n");
        out.append("- **Taken:** ").append(m.createdAt()).append("\n\n");
        out.append("| table | rows | files |\n|---|---|---|\n");
        for (BackedUpTable t : m.tables()) {
            out.append("| `")
                    .append(t.qualifiedName())
                    .append("` | ")
                    .append(t.rows() == null ? "definition only" : t.rows())
                    .append(" | `")
                    .append(t.definition().file())
                    .append('`')
                    .append(t.data() == null ? "" : ", `" + t.data().file() + "`")
                    .append(" |\n");
        }
        return out.toString();
    }

    private static long bytes(BackupManifest m) {
        return m.tables().stream()
                .mapToLong(t -> t.definition().bytes()
                        + (t.data() == null ? 0 : t.data().bytes()))
                .sum();
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        List<String> units = List.of("KB", "MB", "GB", "TB");
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.size() - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units.get(unit));
    }
}
