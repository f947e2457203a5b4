package io.migrescue.app;

import io.migrescue.db.DatabaseSession;
import io.migrescue.playbook.Plan;
import io.migrescue.playbook.PlanStep;
import io.migrescue.playbook.RowsTouched;
import io.migrescue.sql.BoundStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Counts the rows each data step of a plan touches, and reads the keys of the first ten, with the read-only queries
 * the planner attached: the plan then carries the figures, so the dry run, the question before the step, the report
 * and the journal all say how many rows change and which.
 */
final class RowCounts {
    private RowCounts() {}

    static Plan count(DatabaseSession session, Plan plan) {
        if (plan.steps().stream().allMatch(s -> s.rows().isEmpty())) {
            return plan;
        }
        try {
            List<PlanStep> steps = new ArrayList<>();
            for (PlanStep step : plan.steps()) {
                List<RowsTouched> counted = new ArrayList<>();
                for (RowsTouched rows : step.rows()) {
                    counted.add(rows.counted(
                            scalar(session, rows.count()),
                            rows.keys() == null ? List.of() : keys(session, rows.keys())));
                }
                steps.add(step.rows().isEmpty() ? step : step.withRows(counted));
            }
            return new Plan(
                    plan.playbook(),
                    plan.title(),
                    plan.engine(),
                    plan.finding(),
                    plan.params(),
                    plan.backup(),
                    steps,
                    plan.checks(),
                    plan.explanations());
        } catch (SQLException e) {
            throw DatabaseFailures.reading("repair: counting the rows the plan changes", e);
        }
    }

    private static long scalar(DatabaseSession session, BoundStatement query) throws SQLException {
        try (PreparedStatement ps = prepare(session, query);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> keys(DatabaseSession session, BoundStatement query) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement ps = prepare(session, query);
                ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next() && keys.size() < RowsTouched.SHOWN) {
                StringJoiner key = new StringJoiner(", ", columns == 1 ? "" : "(", columns == 1 ? "" : ")");
                for (int i = 1; i <= columns; i++) {
                    String v = rs.getString(i);
                    key.add(v == null ? "NULL" : v);
                }
                keys.add(key.toString());
            }
        }
        return keys;
    }

    private static PreparedStatement prepare(DatabaseSession session, BoundStatement query) throws SQLException {
        PreparedStatement ps = session.connection().prepareStatement(query.sql());
        for (int i = 0; i < query.params().size(); i++) {
            ps.setObject(i + 1, query.params().get(i));
        }
        return ps;
    }
}
