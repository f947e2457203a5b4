package io.migrescue.playbook;

import io.migrescue.sql.BoundStatement;
import java.util.List;

/**
 * One step of a plan with the exact SQL it runs.
 *
 * @param kind          the playbook step kind ({@code backup}, {@code sql}, {@code record}, …)
 * @param guards        read-only queries that must each return 0 before the step runs (e.g. no orphan rows before
 *                      a foreign key is added on the in-place path); a non-zero count stops the repair
 * @param transactional run all statements in one transaction (PostgreSQL DDL); false for CONCURRENTLY, VALIDATE and
 *                      on MySQL/MariaDB, where DDL commits by itself
 * @param done          how to tell, on resume, that this step already took effect; null when it cannot be told
 * @param changes       the existing tables whose definition or rows this step changes: what the backup must hold
 * @param rows          for a step that changes rows: which, per table (counted before anyone is asked); else empty
 */
public record PlanStep(
        int n,
        String kind,
        String description,
        List<BoundStatement> sql,
        List<BoundStatement> guards,
        boolean transactional,
        Check done,
        List<String> changes,
        List<RowsTouched> rows) {
    public PlanStep {
        sql = List.copyOf(sql);
        guards = List.copyOf(guards);
        changes = List.copyOf(changes);
        rows = rows == null ? List.of() : List.copyOf(rows); // null: a plan.json written before rows were counted
    }

    /**
     * A step of a data fix: it changes the rows {@code touched} describes, in {@code changes}, in one transaction,
     * and nothing on resume tells that it took effect (its check at the end does); numbered when the plan is built.
     */
    static PlanStep rowFix(
            String kind,
            String description,
            List<BoundStatement> sql,
            List<String> changes,
            List<RowsTouched> touched) {
        return new PlanStep(0, kind, description, sql, List.of(), true, null, changes, touched);
    }

    PlanStep numbered(int number) {
        return new PlanStep(number, kind, description, sql, guards, transactional, done, changes, rows);
    }

    /** The same step with its rows counted. */
    public PlanStep withRows(List<RowsTouched> counted) {
        return new PlanStep(n, kind, description, sql, guards, transactional, done, changes, counted);
    }

    /** How many rows the step changes, as counted before it runs; -1 when it changes none or they are not counted. */
    public long rowsToChange() {
        if (rows.isEmpty() || rows.stream().anyMatch(r -> r.changesRows() && !r.counted())) {
            return -1;
        }
        return rows.stream()
                .filter(RowsTouched::changesRows)
                .mapToLong(RowsTouched::rows)
                .sum();
    }

    public boolean changesDatabase() {
        return !sql.isEmpty();
    }
}
