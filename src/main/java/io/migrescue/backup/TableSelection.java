package io.migrescue.backup;

import java.util.Objects;

/**
 * One table to back up.
 *
 * @param where a SQL predicate over this table's columns, or null for every row. It is pasted into the query as is,
 *              so it must come from migrescue itself (e.g. the orphan-row condition of a playbook), never from input.
 *              A backup with a predicate holds only some rows: restoring it puts those rows back by primary key and
 *              leaves the rest of the table alone.
 */
public record TableSelection(String schema, String table, String where) {
    public TableSelection {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        if (where != null && where.isBlank()) {
            where = null;
        }
    }

    public static TableSelection whole(String schema, String table) {
        return new TableSelection(schema, table, null);
    }

    public String qualifiedName() {
        return schema + "." + table;
    }
}
