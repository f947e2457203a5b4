package io.migrescue.playbook;

import io.migrescue.diagnosis.CatalogLookup;
import io.migrescue.diagnosis.DataQuestion;
import io.migrescue.diagnosis.DataQuestions;
import io.migrescue.diagnosis.Finding;
import io.migrescue.model.Column;
import io.migrescue.model.Table;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Effect;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The {@code fix-check-rows} step: the rows a new CHECK refuses (its expression false; NULL passes, as on the server)
 * deleted, or kept with one column set to the operator's value (bound). The rows are the ones diagnosis counted: the
 * same question ({@link DataQuestions#checkViolations}) chooses them, for the backup, the step and the check.
 */
final class CheckRowFixes {
    private final CatalogLookup lookup;
    private final DdlWriter ddl;
    private final RowQueries rows;

    CheckRowFixes(CatalogLookup lookup, DdlWriter ddl) {
        this.lookup = lookup;
        this.ddl = ddl;
        this.rows = new RowQueries(ddl);
    }

    List<PlanStep> fix(
            String policy,
            NeededDecision column,
            NeededDecision value,
            NeededDecision referencing,
            List<Effect> failing,
            Finding finding,
            Map<String, String> backupWhere,
            List<Check> checks) {
        DataQuestion.CheckViolations q = DataQuestions.checkViolations(finding, failing, lookup)
                .orElseThrow(() -> new PlanningException(
                        "the CHECK the migration adds is not known (its statement names no expression):"
                                + " give --migrations DIR, or the error text with its statement"));
        Table table = lookup.table(q.schema(), q.table())
                .orElseThrow(() -> new PlanningException("table " + q.table() + " does not exist now: diagnose again"));
        String predicate = q.violatingRows();
        String tableSql = ddl.table(table.schema(), table.name());
        String check = "CHECK (" + q.expression() + ")";
        backupWhere.put(table.name(), predicate);
        checks.add(new Check.NoCheckViolations(table.schema(), table.name(), q.name(), q.expression()));
        return switch (policy) {
            case "delete" ->
                new RowDeletes(lookup, ddl)
                        .delete(
                                "fix-check-rows",
                                table,
                                predicate,
                                new ChildRows.Deleted(
                                        "a row failing " + check,
                                        "the rows that fail " + check,
                                        "referencing",
                                        "--param policy=set-column"),
                                referencing,
                                backupWhere);
            case "set-column" -> {
                String name = column.require("keeps the rows that fail " + check + " with one column set: which one?");
                Column col = table.column(name)
                        .orElseThrow(() -> new PlanningException(
                                "--param column=" + name + ": " + table.name() + " has no such column"));
                String given = value.require("sets " + table.name() + "." + col.name() + " in the rows that fail "
                        + check + ": to what value?");
                yield List.of(setColumn(table, tableSql, col, given, predicate, check));
            }
            default -> throw new PlanningException("--param policy must be delete or set-column");
        };
    }

    /**
     * The guard counts the rows that would still fail with the value in place (the expression over the other columns,
     * or a value that fails it too), evaluated over a copy of those rows with the column replaced: a non-zero count
     * stops the repair before any row changes.
     */
    private PlanStep setColumn(Table table, String tableSql, Column col, String value, String predicate, String check) {
        String quoted = ddl.dialect().quote(col.name());
        String placeholder = ddl.boundValue(col.type());
        StringJoiner copy = new StringJoiner(", ");
        for (Column c : table.columns()) {
            copy.add(
                    c.name().equals(col.name())
                            ? placeholder + " AS " + quoted
                            : ddl.dialect().quote(c.name()));
        }
        BoundStatement guard = BoundStatement.of(
                "SELECT COUNT(*) FROM (SELECT " + copy + " FROM " + tableSql + " WHERE " + predicate + ") "
                        + ddl.dialect().quote(table.name()) + " WHERE " + predicate,
                value);
        RowsTouched changed = rows.where(
                table,
                "update",
                "the rows that fail " + check + ": " + col.name() + " set",
                predicate,
                List.of(),
                null);
        return new PlanStep(
                0,
                "fix-check-rows",
                "set " + table.name() + "." + col.name() + " in the rows that fail " + check
                        + " (checked first: with the value, none of them fails it)",
                List.of(BoundStatement.of(
                        "UPDATE " + tableSql + " SET " + quoted + " = " + placeholder + " WHERE " + predicate, value)),
                List.of(guard),
                true,
                null,
                List.of(table.name()),
                List.of(changed));
    }
}
