package io.migrescue.playbook;

import io.migrescue.diagnosis.CatalogLookup;
import io.migrescue.model.Column;
import io.migrescue.model.Constraint;
import io.migrescue.model.ConstraintType;
import io.migrescue.model.Table;
import io.migrescue.sql.BoundStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows of other tables that point at rows a data fix deletes (every foreign key referencing the table), dealt
 * with before the delete: otherwise the delete fails on the foreign key, or, worse, cascades and loses them silently.
 * Children of deleted duplicates are re-pointed to the row kept for their key; rows referencing deleted orphans are
 * deleted or set to NULL, as the operator decides.
 */
final class ChildRows {
    /** A foreign key of {@code table} over {@code column}, pointing at {@code referenced} of the parent. */
    record Reference(Table table, Constraint fk, String column, String referenced) {}

    /**
     * The rows a data fix deletes, as the messages about the rows referencing them name them.
     *
     * @param one     one of them ("an orphan row")
     * @param all     all of them ("the orphan rows")
     * @param param   the decision that says what happens to the rows referencing them ("grandchildren")
     * @param instead the decision that keeps them instead of deleting them ("--param policy=set-null")
     */
    record Deleted(String one, String all, String param, String instead) {
        static final Deleted ORPHANS =
                new Deleted("an orphan row", "the orphan rows", "grandchildren", "--param policy=set-null");
    }

    private final CatalogLookup lookup;
    private final DdlWriter ddl;
    private final RowQueries rows;

    ChildRows(CatalogLookup lookup, DdlWriter ddl) {
        this.lookup = lookup;
        this.ddl = ddl;
        this.rows = new RowQueries(ddl);
    }

    /** Every foreign key of any table in the catalog that references {@code parent}. */
    List<Reference> referencing(Table parent) {
        List<Reference> out = new ArrayList<>();
        for (Table t : lookup.catalog().tables()) {
            for (Constraint c : t.constraints()) {
                if (c.type() != ConstraintType.FOREIGN_KEY || c.foreignKey() == null) {
                    continue;
                }
                String refSchema = c.foreignKey().referencedSchema() == null
                        ? t.schema()
                        : c.foreignKey().referencedSchema();
                if (!c.foreignKey().referencedTable().equalsIgnoreCase(parent.name())
                        || !refSchema.equalsIgnoreCase(parent.schema())) {
                    continue;
                }
                if (c.columns().size() != 1) {
                    throw new PlanningException(
                            "foreign key " + c.name() + " of " + t.name() + " references " + parent.name()
                                    + " by more than one column: its rows cannot be re-pointed here; deal with them by hand, then repair again");
                }
                List<String> refs = c.foreignKey().referencedColumns();
                String referenced = refs.isEmpty() ? primaryKey(parent) : refs.get(0);
                out.add(new Reference(t, c, c.columns().get(0), referenced));
            }
        }
        return out;
    }

    /**
     * Points every child row of a duplicate that is deleted at the row kept for its key, one UPDATE per foreign key,
     * in one step before the delete.
     *
     * @param order the ORDER BY that ranks the duplicates of a key, the kept one first
     */
    PlanStep repoint(
            Table parent,
            List<String> key,
            String notNull,
            String order,
            List<Reference> refs,
            Map<String, String> backupWhere,
            String keptWhich) {
        List<BoundStatement> sql = new ArrayList<>();
        List<RowsTouched> touched = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        String parentSql = ddl.table(parent.schema(), parent.name());
        for (Reference r : refs) {
            String ref = ddl.dialect().quote(r.referenced());
            // the derived tables are materialised (window functions), which MySQL needs for a self-reference
            String ranked = "SELECT " + ref + " AS mr_ref, ROW_NUMBER() OVER (PARTITION BY " + ddl.columns(key)
                    + " ORDER BY " + order
                    + ") AS mr_rank, FIRST_VALUE(" + ref + ") OVER (PARTITION BY " + ddl.columns(key) + " ORDER BY "
                    + order
                    + ") AS mr_keep FROM " + parentSql + " WHERE " + notNull;
            String childSql = ddl.table(r.table().schema(), r.table().name());
            String column = childSql + "." + ddl.dialect().quote(r.column());
            String predicate = column + " IN (SELECT d.mr_ref FROM (" + ranked + ") d WHERE d.mr_rank > 1)";
            sql.add(BoundStatement.of(
                    "UPDATE " + childSql + " SET " + ddl.dialect().quote(r.column()) + " = (SELECT m.mr_keep FROM ("
                            + ranked + ") m WHERE m.mr_ref = " + column + ") WHERE " + predicate));
            touched.add(rows.where(
                    r.table(),
                    "update",
                    "the rows whose " + r.column() + " points at a duplicate that is deleted,"
                            + " re-pointed to the kept row (" + keptWhich + ")",
                    predicate,
                    List.of(r.column()),
                    "their " + r.column()));
            backupWhere.merge(r.table().name(), predicate, (a, b) -> "(" + a + ") OR (" + b + ")");
            if (!changed.contains(r.table().name())) {
                changed.add(r.table().name());
            }
        }
        return PlanStep.rowFix(
                "repoint-children",
                "point the rows of " + String.join(", ", changed) + " that reference a duplicate of " + parent.name()
                        + " at the row kept for its key",
                sql,
                changed,
                touched);
    }

    /**
     * The rows that reference rows about to be deleted (orphans, rows failing a CHECK): deleted with them, or kept with
     * the reference set to NULL.
     *
     * @param orphans the predicate of the rows of {@code child} that are deleted
     */
    PlanStep grandchildren(
            Table child,
            String orphans,
            Deleted deleted,
            String choice,
            List<Reference> refs,
            Map<String, String> backupWhere) {
        List<BoundStatement> sql = new ArrayList<>();
        List<RowsTouched> touched = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        String childSql = ddl.table(child.schema(), child.name());
        for (Reference r : refs) {
            if (r.table().name().equalsIgnoreCase(child.name())) {
                throw new PlanningException(
                        child.name() + " references itself (" + r.fk().name() + "): " + deleted.all()
                                + " referenced by one another are not sorted out here; use " + deleted.instead()
                                + " or deal with them by hand");
            }
            String gSql = ddl.table(r.table().schema(), r.table().name());
            String column = gSql + "." + ddl.dialect().quote(r.column());
            String predicate = column + " IN (SELECT o.mr_ref FROM (SELECT " + childSql + "."
                    + ddl.dialect().quote(r.referenced()) + " AS mr_ref FROM " + childSql + " WHERE " + orphans
                    + ") o)";
            switch (choice) {
                case "delete" -> {
                    if (!referencing(r.table()).isEmpty()) {
                        throw new PlanningException("--param " + deleted.param()
                                + "=delete: rows of other tables reference "
                                + r.table().name() + " too; choose --param "
                                + deleted.param() + "=set-null, or deal with them by hand");
                    }
                    sql.add(BoundStatement.of("DELETE FROM " + gSql + " WHERE " + predicate));
                    touched.add(rows.where(
                            r.table(),
                            "delete",
                            "the rows whose " + r.column() + " points at " + deleted.one() + " that is deleted",
                            predicate,
                            List.of(r.column()),
                            "their " + r.column()));
                }
                case "set-null" -> {
                    Column col = r.table()
                            .column(r.column())
                            .orElseThrow(() -> new PlanningException("no column " + r.column()));
                    if (!col.nullable()) {
                        throw new PlanningException("--param " + deleted.param() + "=set-null: "
                                + r.table().name() + "." + r.column()
                                + " is NOT NULL; choose --param " + deleted.param() + "=delete, or "
                                + deleted.instead());
                    }
                    sql.add(BoundStatement.of("UPDATE " + gSql + " SET "
                            + ddl.dialect().quote(r.column()) + " = NULL WHERE " + predicate));
                    touched.add(rows.where(
                            r.table(),
                            "update",
                            "the rows whose " + r.column() + " points at " + deleted.one() + " that is deleted: "
                                    + r.column() + " set to NULL",
                            predicate,
                            List.of(r.column()),
                            "their " + r.column()));
                }
                default -> throw new PlanningException("--param " + deleted.param() + " must be delete or set-null");
            }
            backupWhere.merge(r.table().name(), predicate, (a, b) -> "(" + a + ") OR (" + b + ")");
            if (!changed.contains(r.table().name())) {
                changed.add(r.table().name());
            }
        }
        String what = choice.equals("delete") ? "delete" : "set to NULL the references of";
        return PlanStep.rowFix(
                "fix-grandchildren",
                what + " the rows of " + String.join(", ", changed) + " that reference " + deleted.all() + " of "
                        + child.name(),
                sql,
                changed,
                touched);
    }

    private static String primaryKey(Table table) {
        List<String> pk = table.constraints().stream()
                .filter(c -> c.type() == ConstraintType.PRIMARY_KEY)
                .findFirst()
                .map(Constraint::columns)
                .orElse(List.of());
        if (pk.size() != 1) {
            throw new PlanningException(
                    "table " + table.name() + " is referenced without a one-column primary key: re-point by hand");
        }
        return pk.get(0);
    }
}
