package io.migrescue.backup;

import java.util.List;
import java.util.Map;

/**
 * What a restore did.
 *
 * @param violations one line per foreign key that does not hold after the restore (MySQL/MariaDB, which reload with
 *                   checks off; PostgreSQL rolls back instead), empty when all hold
 * @param notes      things the operator should know, e.g. what a recreated table does not carry over
 */
public record RestoreResult(
        String engine,
        String url,
        String backupCreatedAt,
        List<RestoredTable> tables,
        List<String> violations,
        List<String> notes) {
    public boolean holds() {
        return violations.isEmpty();
    }

    public long totalRows() {
        return tables.stream().mapToLong(RestoredTable::rows).sum();
    }

    /** How a table was restored. */
    public enum Mode {
        /** Its definition was unchanged: the rows were replaced in place (grants, owner, comments stay). */
        RELOADED,
        /** Its definition had changed, or it was gone: dropped and recreated from the backup, then reloaded. */
        RECREATED,
        /** The backup held only some rows (a WHERE): those rows were put back by primary key, the rest left alone. */
        MERGED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param sequences by column, where its sequence (or AUTO_INCREMENT counter) stands after the restore: the last value
     *                  counted as handed out; the next row gets a larger one
     */
    public record RestoredTable(String schema, String table, Mode mode, long rows, Map<String, Long> sequences) {
        public RestoredTable {
            sequences = Map.copyOf(sequences);
        }

        public String qualifiedName() {
            return schema + "." + table;
        }
    }
}
