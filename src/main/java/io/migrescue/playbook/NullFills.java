package io.migrescue.playbook;

import io.migrescue.diagnosis.CatalogLookup;
import io.migrescue.diagnosis.Finding;
import io.migrescue.model.Column;
import io.migrescue.model.Engine;
import io.migrescue.model.Table;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Effect;
import java.util.List;
import java.util.Map;

/**
 * The {@code fill-nulls} step: NULLs of a column the failed statement makes NOT NULL set to the operator's value (bound),
 * or, when the statement adds that column to a table with rows, the column added already filled.
 */
final class NullFills {
    private final CatalogLookup lookup;
    private final DdlWriter ddl;
    private final RowQueries rows;

    NullFills(CatalogLookup lookup, DdlWriter ddl) {
        this.lookup = lookup;
        this.ddl = ddl;
        this.rows = new RowQueries(ddl);
    }

    /** Set when a fix carried out the failing statement itself (a NOT NULL column added already filled). */
    private boolean failingStatementDone;

    boolean failingStatementDone() {
        return failingStatementDone;
    }

    List<PlanStep> fillNulls(
            String value, List<Effect> failing, Finding finding, Map<String, String> backupWhere, List<Check> checks) {
        String schema = null;
        String tableName = finding.objects().get("table");
        String columnName = finding.objects().get("column");
        for (Effect e : failing) {
            if (e instanceof Effect.ModifyColumn m && Boolean.FALSE.equals(m.nullable())) {
                schema = m.schema();
                tableName = m.table();
                columnName = m.column();
            }
        }
        if (tableName == null || columnName == null) {
            throw new PlanningException("which column to fill is not known: give --migrations DIR");
        }
        Table table = table(schema, tableName);
        String col = columnName;
        if (table.column(col).isEmpty()) {
            Effect.AddColumn added = failing.stream()
                    .filter(e -> e instanceof Effect.AddColumn a
                            && a.column().name().equalsIgnoreCase(col)
                            && !a.column().nullable())
                    .map(e -> (Effect.AddColumn) e)
                    .findFirst()
                    .orElseThrow(() -> new PlanningException("no column " + col + " on " + table.name()));
            failingStatementDone = true;
            return addFilled(value, table, added.column(), checks);
        }
        Column column =
                table.column(col).orElseThrow(() -> new PlanningException("no column " + col + " on " + table.name()));
        String quoted = ddl.dialect().quote(column.name());
        String predicate = quoted + " IS NULL";
        String placeholder = ddl.boundValue(column.type());
        backupWhere.put(table.name(), predicate);
        checks.add(new Check.NoNulls(table.schema(), table.name(), column.name()));
        RowsTouched filled =
                rows.where(table, "update", "where " + column.name() + " is NULL", predicate, List.of(), null);
        return List.of(PlanStep.rowFix(
                "fill-nulls",
                "set " + table.name() + "." + column.name() + " where it is NULL",
                List.of(BoundStatement.of(
                        "UPDATE " + ddl.table(table.schema(), table.name()) + " SET " + quoted + " = " + placeholder
                                + " WHERE " + predicate,
                        value)),
                List.of(table.name()),
                List.of(filled)));
    }

    /**
     * The migration adds a NOT NULL column without a default to a table with rows, so every row would be NULL: the
     * column is added nullable, every row gets the value (bound), then it is made NOT NULL, which is what the
     * migration's statement meant; finishing the migration then finds that statement in effect.
     */
    private List<PlanStep> addFilled(String value, Table table, Effect.ColumnDef column, List<Check> checks) {
        String tableSql = ddl.table(table.schema(), table.name());
        String quoted = ddl.dialect().quote(column.name());
        boolean postgres = lookup.engine() == Engine.POSTGRESQL;
        String placeholder = ddl.boundValue(column.type());
        checks.add(new Check.NoNulls(table.schema(), table.name(), column.name()));
        return List.of(PlanStep.rowFix(
                "fill-nulls",
                "add " + table.name() + "." + column.name() + " with every existing row set,"
                        + " then make it NOT NULL",
                List.of(
                        BoundStatement.of("ALTER TABLE " + tableSql + " ADD COLUMN " + quoted + " " + column.type()),
                        BoundStatement.of("UPDATE " + tableSql + " SET " + quoted + " = " + placeholder, value),
                        BoundStatement.of("ALTER TABLE " + tableSql
                                + (postgres
                                        ? " ALTER COLUMN " + quoted + " SET NOT NULL"
                                        : " MODIFY " + quoted + " " + column.type() + " NOT NULL"))),
                List.of(table.name()),
                List.of()));
    }

    private Table table(String schema, String name) {
        return lookup.table(schema, name)
                .orElseThrow(() -> new PlanningException("table " + name + " does not exist now: diagnose again"));
    }
}
