package io.migrescue.diff;

/**
 * Rows of one table on each side ({@code --counts}); null where the table is missing or the estimate is unknown
 * (PostgreSQL: never analysed).
 *
 * @param table the table as differences name it
 */
public record TableCount(String table, Long source, Long target) {
    public boolean differs() {
        return source == null ? target != null : !source.equals(target);
    }
}
