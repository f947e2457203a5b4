package io.migrescue.diagnosis;

import io.migrescue.sql.Effect;
import java.util.List;

/**
 * One statement of the failed migration and where it stands.
 *
 * @param reason     what in the catalog says so
 * @param prediction for a statement not in effect: why it would fail if run now (a name held elsewhere…), or null
 */
public record StatementVerdict(
        int n, int line, String sql, List<Effect> effects, StatementState state, String reason, String prediction) {
    public StatementVerdict {
        effects = List.copyOf(effects);
    }

    /** The same statement with another verdict: its state, the reason and the prediction replaced. */
    public StatementVerdict judged(StatementState newState, String newReason, String newPrediction) {
        return new StatementVerdict(n, line, sql, effects, newState, newReason, newPrediction);
    }
}
