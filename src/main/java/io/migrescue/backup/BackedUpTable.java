package io.migrescue.backup;

import java.util.List;

/**
 * One table of a backup, as the manifest records it.
 *
 * @param where      the predicate that chose the rows, or null when every row was taken (see {@link TableSelection})
 * @param columns    the columns the data file holds, in order (generated columns are left out: the server computes them)
 * @param definition the file with the statements that recreate the table
 * @param data       the file with the rows, or null for a definitions-only backup
 * @param dataFormat {@value PostgresBackup#DATA_FORMAT} or {@value RowFormat#NAME}, or null without data
 * @param rows       how many rows the data file holds, or null without data
 * @param sequences  PostgreSQL sequences owned by columns of this table (serial, identity) and how far they had got
 */
public record BackedUpTable(
        String schema,
        String table,
        String where,
        List<String> columns,
        BackupFile definition,
        BackupFile data,
        String dataFormat,
        Long rows,
        List<SequenceState> sequences) {
    public BackedUpTable {
        columns = List.copyOf(columns);
        sequences = sequences == null ? List.of() : List.copyOf(sequences);
    }

    public String qualifiedName() {
        return schema + "." + table;
    }

    /** True when the backup holds only the rows a predicate chose, not the whole table. */
    public boolean partial() {
        return where != null;
    }

    /**
     * A sequence owned by a column.
     *
     * @param lastValue the last value it handed out before the backup, or null if it never did
     */
    public record SequenceState(String column, String sequence, Long lastValue) {}
}
