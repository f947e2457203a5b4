package io.migrescue.diagnosis;

import java.util.List;

/** A question about the data that confirms a finding; an adapter answers it with bounded queries. */
public sealed interface DataQuestion {
    /** Child rows whose key has no parent row: what a new foreign key refuses. */
    record OrphanRows(String schema, String table, List<String> columns, String refSchema, String refTable,
                      List<String> refColumns) implements DataQuestion {
    }

    /** Key values held by more than one row: what a new unique index refuses. */
    record DuplicateKeys(String schema, String table, List<String> columns) implements DataQuestion {
    }

    /** Rows with NULL in a column about to become NOT NULL. */
    record NullValues(String schema, String table, String column) implements DataQuestion {
    }

    /**
     * Rows a NOT NULL column without a default, not there yet, would leave NULL: every row of the table. Counted from
     * the statement itself, since the column cannot be queried before it exists.
     */
    record RowsForNewColumn(String schema, String table, String column) implements DataQuestion {
    }

    /** Sessions holding or waiting for locks on a table (or any long transaction when the table is unknown). */
    record LockHolders(String schema, String table) implements DataQuestion {
    }
}
