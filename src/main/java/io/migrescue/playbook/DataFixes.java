package io.migrescue.playbook;

import io.migrescue.diagnosis.CatalogLookup;
import io.migrescue.diagnosis.Finding;
import io.migrescue.model.Column;
import io.migrescue.model.Constraint;
import io.migrescue.model.ConstraintType;
import io.migrescue.model.Table;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Effect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Steps that change rows so a constraint can be added: orphans, duplicates, NULLs. Each records the predicate of
 * the rows it changes, so that exactly those rows are in the backup, and the check that proves the fix.
 */
final class DataFixes {
    private final CatalogLookup lookup;
    private final DdlWriter ddl;
    private final RowQueries rows;
    private final ChildRows children;

    DataFixes(CatalogLookup lookup, DdlWriter ddl) {
        this.lookup = lookup;
        this.ddl = ddl;
        this.rows = new RowQueries(ddl);
        this.children = new ChildRows(lookup, ddl);
    }

    List<PlanStep> fixOrphans(
            String policy,
            NeededDecision grandchildren,
            List<Effect> failing,
            Map<String, String> backupWhere,
            List<Check> checks) {
        Effect.AddConstraint fk = failing.stream()
                .filter(Effect.AddConstraint.class::isInstance)
                .map(Effect.AddConstraint.class::cast)
                .filter(a -> "FOREIGN_KEY".equals(a.constraint().kind()))
                .findFirst()
                .orElseThrow(() ->
                        new PlanningException("the failing statement adds no foreign key: give --migrations DIR"));
        Table child = table(fk.schema(), fk.table());
        Effect.ConstraintDef c = fk.constraint();
        Table parent = table(c.referencedSchema() != null ? c.referencedSchema() : fk.schema(), c.referencedTable());
        List<String> refColumns = c.referencedColumns().isEmpty() ? primaryKey(parent) : c.referencedColumns();
        String predicate = orphanPredicate(ddl, lookup, child.schema(), child.name(), c);
        String childName = ddl.table(child.schema(), child.name());
        BoundStatement sql = switch (policy) {
            case "delete" -> BoundStatement.of("DELETE FROM " + childName + " WHERE " + predicate);
            case "set-null" -> {
                StringJoiner set = new StringJoiner(", ");
                for (String col : c.columns()) {
                    Column column = child.column(col)
                            .orElseThrow(() -> new PlanningException("no column " + col + " on " + child.name()));
                    if (!column.nullable()) {
                        throw new PlanningException("policy set-null: " + child.name() + "." + col
                                + " is NOT NULL; choose --param policy=delete or insert-parents");
                    }
                    set.add(ddl.dialect().quote(column.name()) + " = NULL");
                }
                yield BoundStatement.of("UPDATE " + childName + " SET " + set + " WHERE " + predicate);
            }
            case "insert-parents" -> {
                for (Column col : parent.columns()) {
                    boolean key = refColumns.stream().anyMatch(r -> r.equalsIgnoreCase(col.name()));
                    if (!key
                            && !col.nullable()
                            && col.defaultValue() == null
                            && col.extra().isEmpty()) {
                        throw new PlanningException(
                                "policy insert-parents: " + parent.name() + "." + col.name()
                                        + " is NOT NULL without a default, so placeholder parents cannot be made; choose delete or set-null");
                    }
                }
                yield BoundStatement.of("INSERT INTO " + ddl.table(parent.schema(), parent.name()) + " ("
                        + ddl.columns(refColumns) + ") SELECT DISTINCT " + ddl.columns(c.columns()) + " FROM "
                        + childName + " WHERE " + predicate);
            }
            default -> throw new PlanningException("policy must be delete, set-null or insert-parents");
        };
        backupWhere.put(child.name(), predicate);
        checks.add(new Check.NoOrphans(
                child.schema(), child.name(), c.columns(), parent.schema(), parent.name(), refColumns));
        String what = switch (policy) {
            case "delete" -> "delete the orphan rows of " + child.name();
            case "set-null" ->
                "set (" + String.join(", ", c.columns()) + ") to NULL in the orphan rows of " + child.name();
            default -> "insert the missing parents into " + parent.name();
        };
        List<String> changed = policy.equals("insert-parents") ? List.of(parent.name()) : List.of(child.name());
        String fkValues = "their " + String.join(", ", c.columns());
        List<RowsTouched> touched = switch (policy) {
            case "delete" -> List.of(rows.where(child, "delete", "the orphan rows", predicate, c.columns(), fkValues));
            case "set-null" ->
                List.of(rows.where(
                        child,
                        "update",
                        "the orphan rows: (" + String.join(", ", c.columns()) + ") set to NULL",
                        predicate,
                        c.columns(),
                        fkValues));
            default ->
                List.of(
                        rows.distinct(
                                parent, "placeholders for the missing keys", child, c.columns(), refColumns, predicate),
                        rows.where(
                                child,
                                "keep",
                                "the orphan rows, which then point at the placeholders",
                                predicate,
                                c.columns(),
                                fkValues));
        };
        PlanStep fix = PlanStep.rowFix("fix-orphans", what, List.of(sql), changed, touched);
        List<ChildRows.Reference> refs = policy.equals("delete") ? children.referencing(child) : List.of();
        if (refs.isEmpty()) {
            return List.of(fix);
        }
        String choice = grandchildren.require("deletes orphan rows of " + child.name() + " that rows of "
                + tableNames(refs) + " may reference (delete those too, or set their reference to NULL?)");
        return List.of(
                children.grandchildren(child, predicate, ChildRows.Deleted.ORPHANS, choice, refs, backupWhere), fix);
    }

    List<PlanStep> removeDuplicates(
            String keep,
            NeededDecision childDecision,
            List<Effect> failing,
            Finding finding,
            Map<String, String> backupWhere,
            List<Check> checks) {
        String schema = null;
        String tableName = finding.objects().get("table");
        List<String> columns = null;
        for (Effect e : failing) {
            if (e instanceof Effect.CreateIndex i && i.unique()) {
                schema = i.schema();
                tableName = i.table();
                columns = i.columns();
            } else if (e instanceof Effect.AddConstraint a
                    && ("UNIQUE".equals(a.constraint().kind())
                            || "PRIMARY_KEY".equals(a.constraint().kind()))) {
                schema = a.schema();
                tableName = a.table();
                columns = a.constraint().columns();
            }
        }
        if (tableName == null || columns == null) {
            throw new PlanningException("the failing statement builds no unique index: give --migrations DIR");
        }
        Table table = table(schema, tableName);
        List<String> pk = primaryKey(table);
        if (pk.size() != 1) {
            throw new PlanningException(
                    "table " + table.name() + " needs a one-column primary key to tell duplicate rows apart");
        }
        String id = ddl.dialect().quote(pk.get(0));
        StringJoiner notNull = new StringJoiner(" AND ");
        columns.forEach(col -> notNull.add(ddl.dialect().quote(col) + " IS NOT NULL"));
        String tableSql = ddl.table(table.schema(), table.name());
        // The derived table is materialised first, which MySQL needs to delete from the table it reads.
        String predicate = id + " IN (SELECT d.mr_id FROM (SELECT " + id + " AS mr_id, ROW_NUMBER() OVER (PARTITION BY "
                + ddl.columns(columns) + " ORDER BY " + id + (keep.equals("last") ? " DESC" : "") + ") AS mr_rank FROM "
                + tableSql
                + " WHERE " + notNull + ") d WHERE d.mr_rank > 1)";
        backupWhere.put(table.name(), predicate);
        checks.add(new Check.NoDuplicates(table.schema(), table.name(), columns));
        String which = (keep.equals("last") ? "the highest " : "the lowest ") + pk.get(0);
        String perKey = "one per duplicate (" + String.join(", ", columns) + "): " + which;
        RowsTouched deleted =
                rows.where(table, "delete", "every duplicate but " + which + " of its key", predicate, List.of(), null);
        RowsTouched kept = rows.derived(
                table,
                "keep",
                perKey,
                "SELECT " + id + ", ROW_NUMBER() OVER (PARTITION BY " + ddl.columns(columns)
                        + " ORDER BY " + id + (keep.equals("last") ? " DESC" : "")
                        + ") AS mr_rank, COUNT(*) OVER (PARTITION BY " + ddl.columns(columns)
                        + ") AS mr_n FROM " + tableSql + " WHERE " + notNull,
                "d.mr_rank = 1 AND d.mr_n > 1");
        List<ChildRows.Reference> refs = children.referencing(table);
        PlanStep repoint = null;
        if (!refs.isEmpty()) {
            String choice = childDecision.require("deletes duplicate rows of " + table.name() + " that rows of "
                    + tableNames(refs) + " may reference (re-point those to the row kept for each key?)");
            if (!choice.equals("repoint")) {
                throw new PlanningException(
                        "--param children=" + choice + ": the rows of " + tableNames(refs) + " that reference the"
                                + " duplicates would stop the delete (or be lost with it); nothing was changed");
            }
            repoint = children.repoint(
                    table,
                    columns,
                    notNull.toString(),
                    id + (keep.equals("last") ? " DESC" : ""),
                    refs,
                    backupWhere,
                    which);
        }
        PlanStep delete = PlanStep.rowFix(
                "remove-duplicates",
                "keep the " + keep + " row (" + which + ") of each duplicate (" + String.join(", ", columns) + ") in "
                        + table.name(),
                List.of(BoundStatement.of("DELETE FROM " + tableSql + " WHERE " + predicate)),
                List.of(table.name()),
                List.of(deleted, kept));
        return repoint == null ? List.of(delete) : List.of(repoint, delete);
    }

    private static String tableNames(List<ChildRows.Reference> refs) {
        return String.join(
                ", ", refs.stream().map(r -> r.table().name()).distinct().toList());
    }

    /** Rows of {@code table} whose key is set but has no parent row: the rows a new foreign key refuses. */
    static String orphanPredicate(
            DdlWriter ddl, CatalogLookup lookup, String schema, String table, Effect.ConstraintDef c) {
        String refSchema = c.referencedSchema() != null ? c.referencedSchema() : schema;
        Table parent = lookup.table(refSchema, c.referencedTable())
                .orElseThrow(
                        () -> new PlanningException("the referenced table " + c.referencedTable() + " does not exist"));
        List<String> refColumns = c.referencedColumns().isEmpty() ? primaryKey(parent) : c.referencedColumns();
        String child = ddl.table(lookup.schemaOf(schema), table);
        StringJoiner notNull = new StringJoiner(" AND ");
        StringJoiner join = new StringJoiner(" AND ");
        for (int i = 0; i < c.columns().size(); i++) {
            notNull.add(child + "." + ddl.dialect().quote(c.columns().get(i)) + " IS NOT NULL");
            join.add("p." + ddl.dialect().quote(refColumns.get(i)) + " = " + child + "."
                    + ddl.dialect().quote(c.columns().get(i)));
        }
        return notNull + " AND NOT EXISTS (SELECT 1 FROM " + ddl.table(parent.schema(), parent.name()) + " p WHERE "
                + join + ")";
    }

    private Table table(String schema, String name) {
        return lookup.table(schema, name)
                .orElseThrow(() -> new PlanningException("table " + name + " does not exist now: diagnose again"));
    }

    private static List<String> primaryKey(Table table) {
        return table.constraints().stream()
                .filter(c -> c.type() == ConstraintType.PRIMARY_KEY)
                .findFirst()
                .map(Constraint::columns)
                .orElse(new ArrayList<>());
    }
}
