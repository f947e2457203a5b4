package io.migrescue.diagnosis;

import io.migrescue.model.Engine;
import io.migrescue.sql.Effect;
import java.util.ArrayList;
import java.util.List;

/**
 * Statement by statement: applied, failed, not applied, or unknown, from the live catalog. On MySQL/MariaDB every
 * DDL statement commits, so the statements before the failing one stay in effect; on PostgreSQL a migration run in
 * a transaction leaves nothing. No migration tool tells the operator this; it decides which repair fits.
 */
public final class PartialApplicationMap {
    private PartialApplicationMap() {}

    /**
     * @param failedHint the 1-based number of the statement the error names, or null when the error does not say
     */
    public static List<StatementVerdict> build(
            List<StatementWithEffects> statements, CatalogLookup lookup, Integer failedHint) {
        EffectPresence presence = new EffectPresence(lookup);
        FailurePredictor predictor = new FailurePredictor(lookup);
        List<Presence> found =
                statements.stream().map(s -> combine(s.effects(), presence)).toList();

        int failed = failedHint != null ? failedHint : firstAbsent(found, lookup.engine());
        List<StatementVerdict> verdicts = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            StatementWithEffects s = statements.get(i);
            int n = i + 1;
            Presence p = found.get(i);
            StatementState state;
            String reason = p.reason();
            if (failed == 0 || n < failed) {
                state = switch (p.state()) {
                    case PRESENT -> StatementState.APPLIED;
                    case ABSENT -> StatementState.NOT_APPLIED;
                    case UNKNOWN -> StatementState.UNKNOWN;
                };
                if (p.state() == Presence.State.ABSENT && failed > 0 && lookup.engine() == Engine.POSTGRESQL) {
                    reason += " (rolled back with the failed transaction)";
                }
            } else if (n == failed) {
                state = StatementState.FAILED;
                if (p.state() == Presence.State.PRESENT) {
                    reason += ", although this is the statement that failed: it may have existed before the run";
                }
            } else {
                // Tools stop at the first failure: what comes after it never ran.
                state = p.state() == Presence.State.PRESENT ? StatementState.UNKNOWN : StatementState.NOT_APPLIED;
                if (p.state() == Presence.State.UNKNOWN) {
                    reason = "comes after the failing statement, so it never ran";
                } else if (p.state() == Presence.State.PRESENT) {
                    reason += ", although it comes after the failure: it existed before, or another run made it";
                }
            }
            String prediction = state == StatementState.FAILED || state == StatementState.NOT_APPLIED
                    ? predictor.predict(s.effects()).orElse(null)
                    : null;
            verdicts.add(new StatementVerdict(
                    n, s.statement().line(), s.statement().sql(), s.effects(), state, reason, prediction));
        }
        return verdicts;
    }

    /**
     * Without a hint, the first statement whose effect is absent is taken as the one that failed, unless nothing at all
     * is in effect on PostgreSQL: then a transaction may have undone everything and, with several statements, the
     * failing one cannot be told (0). A single statement is the failing one either way.
     */
    private static int firstAbsent(List<Presence> found, Engine engine) {
        boolean anyPresent = found.stream().anyMatch(p -> p.state() == Presence.State.PRESENT);
        if (engine == Engine.POSTGRESQL && !anyPresent) {
            return found.size() == 1 && found.get(0).state() == Presence.State.ABSENT ? 1 : 0;
        }
        for (int i = 0; i < found.size(); i++) {
            if (found.get(i).state() == Presence.State.ABSENT) {
                return i + 1;
            }
        }
        return 0;
    }

    /** All effects of one statement: present only if all are; absent if any is (MySQL 8 / MariaDB DDL is atomic per statement). */
    private static Presence combine(List<Effect> effects, EffectPresence presence) {
        if (effects.isEmpty()) {
            return Presence.unknown("nothing to check");
        }
        List<Presence> each = effects.stream().map(presence::check).toList();
        List<String> reasons = each.stream().map(Presence::reason).toList();
        String reason = String.join("; ", reasons);
        if (each.stream().allMatch(p -> p.state() == Presence.State.PRESENT)) {
            return Presence.present(reason);
        }
        if (each.stream().anyMatch(p -> p.state() == Presence.State.ABSENT)) {
            boolean partly = each.stream().anyMatch(p -> p.state() == Presence.State.PRESENT);
            return partly ? Presence.unknown("partly in effect: " + reason) : Presence.absent(reason);
        }
        return Presence.unknown(reason);
    }
}
