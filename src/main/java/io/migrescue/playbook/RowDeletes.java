package io.migrescue.playbook;

import io.migrescue.diagnosis.CatalogLookup;
import io.migrescue.model.Table;
import io.migrescue.sql.BoundStatement;
import java.util.List;
import java.util.Map;

/**
 * The rows of a data fix chosen by a condition, deleted on the operator's decision. Rows of other tables that reference
 * them are dealt with first (deleted too, or their reference set to NULL, as {@code referencing} says), never lost to
 * a cascade nor left to stop the delete. Shared by the fixes that delete rows by a condition (a CHECK's, a new type's).
 */
final class RowDeletes {
    private final DdlWriter ddl;
    private final RowQueries rows;
    private final ChildRows children;

    RowDeletes(CatalogLookup lookup, DdlWriter ddl) {
        this.ddl = ddl;
        this.rows = new RowQueries(ddl);
        this.children = new ChildRows(lookup, ddl);
    }

    /** @param deleted how the messages name the rows, and which decision keeps them instead */
    List<PlanStep> delete(
            String kind,
            Table table,
            String predicate,
            ChildRows.Deleted deleted,
            NeededDecision referencing,
            Map<String, String> backupWhere) {
        PlanStep delete = PlanStep.rowFix(
                kind,
                "delete from " + table.name() + " " + deleted.all(),
                List.of(BoundStatement.of(
                        "DELETE FROM " + ddl.table(table.schema(), table.name()) + " WHERE " + predicate)),
                List.of(table.name()),
                List.of(rows.where(table, "delete", deleted.all(), predicate, List.of(), null)));
        List<ChildRows.Reference> refs = children.referencing(table);
        if (refs.isEmpty()) {
            return List.of(delete);
        }
        String choice = referencing.require("deletes " + deleted.all() + " of " + table.name()
                + ", which rows of "
                + String.join(
                        ", ",
                        refs.stream().map(r -> r.table().name()).distinct().toList())
                + " may reference (delete those too, or set their reference to NULL?)");
        return List.of(children.grandchildren(table, predicate, deleted, choice, refs, backupWhere), delete);
    }
}
