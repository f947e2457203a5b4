package io.migrescue.repair;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.diagnosis.StatementState;
import io.migrescue.diagnosis.StatementVerdict;
import io.migrescue.playbook.Check;
import io.migrescue.sql.Effect;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A check over the statement map that meets a statement it cannot tell about fails, and says why; it never holds. */
class UnknownNeverHoldsTest {
    private static final List<Check> CHECKS = List.of(
            new Check.MigrationEffectsPresent("2"),
            new Check.MigrationEffectsAbsent("2"),
            new Check.StatementInEffect("2", 2));

    private static StatementVerdict verdict(int n, StatementState state, String reason) {
        return new StatementVerdict(
                n, n, "statement " + n, List.of(new Effect.Other("statement " + n, reason)), state, reason, null);
    }

    @Test
    void anUnknownStatementMakesEveryCheckOverItFail() {
        List<StatementVerdict> map = List.of(
                verdict(1, StatementState.APPLIED, "table a exists"),
                verdict(2, StatementState.UNKNOWN, "could not be read: ParseException at `weird``name`"));
        for (Check check : CHECKS) {
            CheckResult result = Verifier.statements(check, map);
            assertThat(result.holds()).as(check.describe()).isFalse();
            assertThat(result.detail())
                    .as(check.describe())
                    .startsWith("cannot tell")
                    .contains("statement 2 is unknown")
                    .contains("could not be read: ParseException"); // a parser failure is reported as such
        }
    }

    /** Whatever the other statements say, one unknown statement is enough to fail (never averaged away). */
    @ParameterizedTest
    @EnumSource(StatementState.class)
    void oneUnknownAmongAnyOthersStillFails(StatementState other) {
        List<StatementVerdict> map = List.of(
                verdict(1, other, "x"),
                verdict(2, StatementState.UNKNOWN, "not checkable from the catalog"),
                verdict(3, other, "y"));
        for (Check check : CHECKS) {
            assertThat(Verifier.statements(check, map).holds())
                    .as(check.describe() + " with " + other)
                    .isFalse();
        }
    }

    @Test
    void knownStatesStillDecide() {
        List<StatementVerdict> applied =
                List.of(verdict(1, StatementState.APPLIED, "a"), verdict(2, StatementState.APPLIED, "b"));
        assertThat(Verifier.statements(new Check.MigrationEffectsPresent("2"), applied)
                        .holds())
                .isTrue();
        assertThat(Verifier.statements(new Check.StatementInEffect("2", 2), applied)
                        .holds())
                .isTrue();
        assertThat(Verifier.statements(new Check.MigrationEffectsAbsent("2"), applied)
                        .holds())
                .isFalse();
        List<StatementVerdict> absent =
                List.of(verdict(1, StatementState.FAILED, "a"), verdict(2, StatementState.NOT_APPLIED, "b"));
        assertThat(Verifier.statements(new Check.MigrationEffectsAbsent("2"), absent)
                        .holds())
                .isTrue();
        assertThat(Verifier.statements(new Check.MigrationEffectsPresent("2"), List.of())
                        .holds())
                .isFalse();
    }
}
