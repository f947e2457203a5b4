package io.migrescue.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.playbook.Playbooks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ranking never recommends a playbook whose plan its own statement map says will fail (issue 10). */
class PlaybookRankingTest {
    private static final PlaybookRanking RANKING = Playbooks.load(null).ranking();

    private static StatementVerdict verdict(int n, StatementState state, String prediction) {
        return new StatementVerdict(n, n, "statement " + n, List.of(), state, "", prediction);
    }

    private static FailedMigration migration(StatementVerdict... verdicts) {
        return new FailedMigration("flyway", "2", "V2.sql", "history", List.of(verdicts));
    }

    @Test
    void aHalfAppliedMigrationThatCanRunOnIsCompletedFirst() {
        FailedMigration m = migration(
                verdict(1, StatementState.APPLIED, null),
                verdict(2, StatementState.FAILED, null),
                verdict(3, StatementState.NOT_APPLIED, null));
        assertThat(RANKING.rank(FindingKind.PARTIALLY_APPLIED, m, false, false))
                .containsExactly("complete-partial-migration", "revert-partial-migration");
        assertThat(RANKING.rank(FindingKind.FAILED_MIGRATION, m, false, false))
                .containsExactly("complete-partial-migration", "revert-partial-migration");
    }

    @Test
    void aStatementPredictedToFailTakesCompletionOffTheList() {
        FailedMigration failedWouldFail = migration(
                verdict(1, StatementState.APPLIED, null),
                verdict(2, StatementState.FAILED, "would fail: constraint name fk is held by table t_old"));
        FailedMigration laterWouldFail = migration(
                verdict(1, StatementState.APPLIED, null),
                verdict(2, StatementState.FAILED, null),
                verdict(3, StatementState.NOT_APPLIED, "would fail: index name i is taken by t"));
        for (FailedMigration m : List.of(failedWouldFail, laterWouldFail)) {
            assertThat(RANKING.rank(FindingKind.PARTIALLY_APPLIED, m, false, false))
                    .containsExactly("revert-partial-migration");
            assertThat(RANKING.rank(FindingKind.FAILED_MIGRATION, m, false, false))
                    .containsExactly("revert-partial-migration");
        }
        // with the cause known, the playbook that removes it leads, then revert
        assertThat(PlaybookRanking.causeFirst(
                        RANKING.rank(FindingKind.PARTIALLY_APPLIED, failedWouldFail, false, false),
                        List.of("rename-conflicting-constraint", "revert-partial-migration")))
                .containsExactly("rename-conflicting-constraint", "revert-partial-migration");
    }

    @Test
    void adoptingIsOffTheListWhenAStatementAfterTheAdoptedOneWouldFail() {
        FailedMigration adoptable = migration(
                verdict(1, StatementState.FAILED, "would fail: table posts already exists"),
                verdict(2, StatementState.NOT_APPLIED, null));
        assertThat(RANKING.rank(FindingKind.TABLE_ALREADY_EXISTS, adoptable, false, true))
                .startsWith("adopt-existing-object");
        FailedMigration blocked = migration(
                verdict(1, StatementState.FAILED, "would fail: table posts already exists"),
                verdict(2, StatementState.NOT_APPLIED, "would fail: table tags already exists"));
        assertThat(RANKING.rank(FindingKind.TABLE_ALREADY_EXISTS, blocked, false, true))
                .doesNotContain("adopt-existing-object");
    }

    @Test
    void aTableOfAnotherShapeIsMovedAsideOnlyAsARecommendation() {
        // ranked first, but the playbook's newName is a decision: --yes alone never runs it (PlaybooksTest,
        // RepairDecisionsIT)
        assertThat(RANKING.rank(FindingKind.TABLE_ALREADY_EXISTS, null, false, false))
                .containsExactly("move-aside-existing-table", "adopt-existing-object");
        assertThat(RANKING.rank(FindingKind.TABLE_ALREADY_EXISTS, null, false, true))
                .containsExactly("adopt-existing-object", "move-aside-existing-table");
    }
}
