package io.migrescue.playbook;

import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.StatementState;
import io.migrescue.diagnosis.StatementVerdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every id diagnosis can recommend, for every finding kind and situation, is a playbook that says it fixes that kind. */
class RecommendedPlaybooksTest {
    private static final Playbooks PLAYBOOKS = Playbooks.load(null);

    private static StatementVerdict verdict(int n, StatementState state, String prediction) {
        return new StatementVerdict(n, n, "statement " + n, List.of(), state, "", prediction);
    }

    private static List<FailedMigration> situations() {
        List<FailedMigration> all = new ArrayList<>();
        all.add(null);
        for (String prediction : Arrays.asList(null, "would fail: table t already exists")) {
            all.add(new FailedMigration("flyway", "2", "V2.sql", "history", List.of(verdict(1, StatementState.APPLIED, null),
                    verdict(2, StatementState.APPLIED, prediction))));
            all.add(new FailedMigration("flyway", "2", "V2.sql", "history", List.of(verdict(1, StatementState.APPLIED, null),
                    verdict(2, StatementState.FAILED, prediction), verdict(3, StatementState.NOT_APPLIED, prediction))));
            all.add(new FailedMigration("flyway", "2", "V2.sql", "history", List.of(verdict(1, StatementState.FAILED, prediction),
                    verdict(2, StatementState.NOT_APPLIED, null))));
        }
        return all;
    }

    @Test
    void everyRecommendedPlaybookExistsAndDeclaresWhatItFixes() {
        int recommendations = 0;
        for (FindingKind kind : FindingKind.values()) {
            for (FailedMigration m : situations()) {
                for (boolean sameTable : new boolean[]{false, true}) {
                    for (boolean existingMatches : new boolean[]{false, true}) {
                        for (String id : PLAYBOOKS.ranking().rank(kind, m, sameTable, existingMatches)) {
                            recommendations++;
                            assertThat(PLAYBOOKS.get(id)).as("%s recommends %s", kind, id).isPresent();
                            boolean fallback = id.equals("revert-partial-migration") && m != null && m.partiallyApplied(); // its "for: any" rule
                            assertThat(fallback || PLAYBOOKS.get(id).orElseThrow().fixes().contains(kind))
                                    .as("%s declares in its fixes: %s", id, kind).isTrue();
                        }
                    }
                }
            }
        }
        assertThat(recommendations).isGreaterThan(FindingKind.values().length);
    }

    @Test
    void kindsWithoutAPlaybookRecommendNothing() {
        for (FindingKind kind : List.of(FindingKind.INVALID_INDEX, FindingKind.FK_INCOMPATIBLE)) {
            assertThat(PLAYBOOKS.ranking().rank(kind, null, false, false)).as(kind.name()).isEmpty();
        }
        assertThat(PLAYBOOKS.ranking().rank(FindingKind.CHECKSUM_MISMATCH, null, false, false)).containsExactly("realign-checksum");
        assertThat(PLAYBOOKS.ranking().rank(FindingKind.LOCK_TIMEOUT, null, false, false)).containsExactly("unblock-lock-wait");
    }
}
