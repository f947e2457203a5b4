package io.migrescue.playbook;

import io.migrescue.diagnosis.CatalogLookup;
import io.migrescue.diagnosis.DataQuestion;
import io.migrescue.diagnosis.DataQuestions;
import io.migrescue.diagnosis.Finding;
import io.migrescue.diagnosis.TypeFit;
import io.migrescue.model.Column;
import io.migrescue.model.Engine;
import io.migrescue.model.Table;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Effect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code fix-unfit-rows} step: the values a column's new type cannot hold set to NULL, set to the operator's value
 * (bound, and checked first to fit the new type), cut to the new length, or their rows deleted. The rows are the ones
 * diagnosis counted: one question ({@link DataQuestions#unfit}) chooses them for the backup, the step and the check.
 */
final class UnfitRowFixes {
    private final CatalogLookup lookup;
    private final DdlWriter ddl;
    private final RowQueries rows;

    UnfitRowFixes(CatalogLookup lookup, DdlWriter ddl) {
        this.lookup = lookup;
        this.ddl = ddl;
        this.rows = new RowQueries(ddl);
    }

    List<PlanStep> fix(
            String policy,
            NeededDecision value,
            NeededDecision referencing,
            List<Effect> failing,
            String failingSql,
            Finding finding,
            Map<String, String> backupWhere,
            List<Check> checks) {
        DataQuestion.UnfitValues q = DataQuestions.unfit(finding, lookup)
                .orElseThrow(() -> new PlanningException(
                        "which values do not fit is not known (the column, its type now or the new type): give"
                                + " --migrations DIR, or the error text with its statement"));
        Table table = lookup.table(q.schema(), q.table())
                .orElseThrow(() -> new PlanningException("table " + q.table() + " does not exist now: diagnose again"));
        Column col = table.column(q.column())
                .orElseThrow(() -> new PlanningException(table.name() + " has no column " + q.column() + " now"));
        boolean postgres = lookup.engine() == Engine.POSTGRESQL;
        String using = postgres ? UsingClause.of(failingSql, col.name()) : null;
        if (postgres
                && using == null
                && ("true".equals(finding.objects().get("needsUsing"))
                        || failingSql != null && TypeFit.needsUsingOnPostgres(col.type(), q.newType()))) {
            throw new PlanningException("PostgreSQL has no automatic cast from " + col.type() + " to " + q.newType()
                    + ": the migration's statement needs USING " + ddl.dialect().quote(col.name()) + "::"
                    + q.newType() + "; edit the migration file (no repair changes rows for this)");
        }
        String predicate = q.unfitRows(ddl.dialect());
        String quoted = ddl.dialect().quote(col.name());
        String what = "the rows with a value of " + col.name() + " that " + q.newType() + " cannot hold";
        String where = " where " + q.newType() + " cannot hold its value";
        backupWhere.put(table.name(), predicate);
        checks.add(new Check.NoUnfitValues(q));
        return switch (policy) {
            case "set-null" -> {
                boolean notNull = !col.nullable()
                        || failing.stream()
                                .anyMatch(e -> e instanceof Effect.ModifyColumn m
                                        && col.name().equalsIgnoreCase(m.column())
                                        && Boolean.FALSE.equals(m.nullable()));
                if (notNull) {
                    throw new PlanningException("--param policy=set-null: " + table.name() + "." + col.name()
                            + " is NOT NULL (or the migration makes it so); choose set-value, delete"
                            + (truncates(q) ? " or truncate" : ""));
                }
                yield List.of(update(
                        table,
                        "SET " + quoted + " = NULL",
                        List.of(),
                        predicate,
                        what,
                        "set " + col.name() + " to NULL" + where));
            }
            case "set-value" -> {
                String given =
                        value.require("sets " + table.name() + "." + col.name() + " in " + what + ": to what value?");
                yield List.of(setValue(q, table, col, given, using, predicate, what, where));
            }
            case "truncate" -> {
                if (!truncates(q)) {
                    throw new PlanningException("--param policy=truncate cuts text to a shorter length, and "
                            + table.name() + "." + col.name() + " changes to " + q.newType()
                            + ": choose set-null, set-value or delete");
                }
                yield List.of(update(
                        table,
                        "SET " + quoted + " = SUBSTRING(" + quoted + ", 1, " + q.maxLength() + ")",
                        List.of(),
                        predicate,
                        what,
                        "cut " + col.name() + " to " + q.maxLength() + " characters" + where));
            }
            case "delete" ->
                new RowDeletes(lookup, ddl)
                        .delete(
                                "fix-unfit-rows",
                                table,
                                predicate,
                                new ChildRows.Deleted(
                                        "a row with a value of " + col.name() + " that " + q.newType() + " cannot hold",
                                        what,
                                        "referencing",
                                        "--param policy=set-value"),
                                referencing,
                                backupWhere);
            default -> throw new PlanningException("--param policy must be set-null, set-value, truncate or delete");
        };
    }

    /** Only a length limit is cut: a value that is not a number, or out of range, has no shorter form that fits. */
    private static boolean truncates(DataQuestion.UnfitValues q) {
        return q.maxLength() != null && q.text() == null && q.min() == null;
    }

    /**
     * Guarded first, before any row changes: the value, as the column holds it now, must not be one the new type
     * cannot hold; on PostgreSQL the migration's USING must also convert it (an error there stops the repair too).
     */
    private PlanStep setValue(
            DataQuestion.UnfitValues q,
            Table table,
            Column col,
            String value,
            String using,
            String predicate,
            String what,
            String where) {
        String quoted = ddl.dialect().quote(col.name());
        String placeholder = ddl.boundValue(col.type());
        String alone = "(SELECT " + placeholder + " AS " + quoted + ") "
                + ddl.dialect().quote(table.name());
        List<BoundStatement> guards = new ArrayList<>();
        guards.add(BoundStatement.of("SELECT COUNT(*) FROM " + alone + " WHERE " + predicate, value));
        if (using != null) {
            guards.add(BoundStatement.of(
                    "SELECT COUNT(*) FROM " + alone + " WHERE CAST((" + using + ") AS " + q.newType() + ") IS NULL",
                    value));
        }
        PlanStep step = update(
                table,
                "SET " + quoted + " = " + placeholder,
                List.of(value),
                predicate,
                what,
                "set " + col.name() + " to the value given" + where);
        return new PlanStep(
                0,
                step.kind(),
                step.description() + " (checked first: the value fits " + q.newType() + ")",
                step.sql(),
                guards,
                true,
                null,
                step.changes(),
                step.rows());
    }

    private PlanStep update(Table table, String set, List<String> values, String predicate, String what, String how) {
        String sql = "UPDATE " + ddl.table(table.schema(), table.name()) + " " + set + " WHERE " + predicate;
        return PlanStep.rowFix(
                "fix-unfit-rows",
                "in " + table.name() + ", " + how,
                List.of(values.isEmpty() ? BoundStatement.of(sql) : BoundStatement.of(sql, values.get(0))),
                List.of(table.name()),
                List.of(rows.where(table, "update", what, predicate, List.of(), null)));
    }
}
