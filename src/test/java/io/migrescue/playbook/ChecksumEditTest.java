package io.migrescue.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.diagnosis.Finding;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.Severity;
import io.migrescue.diagnosis.StatementState;
import io.migrescue.diagnosis.StatementVerdict;
import io.migrescue.model.Catalog;
import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.BoundStatement;
import io.migrescue.testing.CatalogBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An applied migration edited afterwards: cosmetic (every statement of the file now in effect) or semantic. */
class ChecksumEditTest {
    private static final Playbooks PLAYBOOKS = Playbooks.load(null);
    private static final Catalog CATALOG =
            CatalogBuilder.of(Engine.POSTGRESQL, "public").build();
    private static final MigrationHistory FLYWAY = new MigrationHistory(
            "flyway",
            "public",
            "flyway_schema_history",
            List.of(
                    new HistoryEntry("1", "init", EntryState.APPLIED, Instant.EPOCH, "11", null),
                    new HistoryEntry("2", "add email", EntryState.APPLIED, Instant.EPOCH, "22", null)),
            null);
    private static final RecordPlanner RECORDS = new RecordPlanner() {
        @Override
        public List<BoundStatement> plan(String what, MigrationHistory h, FailedMigration m) {
            return List.of(
                    BoundStatement.of("UPDATE flyway_schema_history SET checksum = ? WHERE version = ?", 33, m.id()));
        }

        @Override
        public String fileChecksum(MigrationHistory history, FailedMigration migration) {
            return "33";
        }
    };

    private static StatementVerdict verdict(int n, String sql, StatementState state) {
        return new StatementVerdict(n, n * 2, sql, List.of(), state, "", null);
    }

    private static FailedMigration edited(StatementVerdict... verdicts) {
        return new FailedMigration("flyway", "2", "V2__add_email.sql", "checksum", List.of(verdicts));
    }

    private static Plan plan(FailedMigration m) {
        return plan(m, Map.of());
    }

    private static Plan plan(FailedMigration m, Map<String, String> params) {
        Finding f = new Finding(
                FindingKind.CHECKSUM_MISMATCH,
                Severity.ERROR,
                "…",
                Map.of("migration", "2"),
                List.of(),
                m,
                List.of("realign-checksum"),
                false);
        return Planner.plan(
                PLAYBOOKS.get("realign-checksum").orElseThrow(),
                f,
                params,
                new Planner.Context(CATALOG, "public", List.of(FLYWAY), m, RECORDS, false));
    }

    @Test
    void everyStatementInEffectIsCosmetic() {
        FailedMigration m =
                edited(verdict(1, "ALTER TABLE users ADD COLUMN email VARCHAR(200)", StatementState.APPLIED));
        assertThat(ChecksumEdit.cosmetic(m)).isTrue();
        assertThat(ChecksumEdit.notInEffect(m)).isEmpty();
    }

    @Test
    void aStatementNotInEffectMakesTheEditSemanticAndIsNamed() {
        FailedMigration m = edited(
                verdict(1, "ALTER TABLE users ADD COLUMN email VARCHAR(200)", StatementState.APPLIED),
                verdict(2, "ALTER TABLE users\n   ADD COLUMN nickname VARCHAR(50)", StatementState.NOT_APPLIED));
        assertThat(ChecksumEdit.cosmetic(m)).isFalse();
        assertThat(ChecksumEdit.notInEffect(m))
                .singleElement()
                .asString()
                .contains("statement 2 (line 4")
                .contains("ALTER TABLE users ADD COLUMN nickname VARCHAR(50)");
    }

    @Test
    void aStatementWhoseEffectCannotBeSeenIsNotCosmetic() {
        // DML or anything the catalog cannot show: nobody can tell it is in effect, so the checksum is not realigned
        // blindly
        FailedMigration m = edited(verdict(1, "UPDATE users SET email = lower(email)", StatementState.UNKNOWN));
        assertThat(ChecksumEdit.cosmetic(m)).isFalse();
        assertThat(ChecksumEdit.cosmetic(edited())).isFalse();
    }

    @Test
    void cosmeticEditPlansBackupRealignAndVerifiesTheRecordedChecksum() {
        Plan plan = plan(edited(verdict(1, "ALTER TABLE users ADD COLUMN email VARCHAR(200)", StatementState.APPLIED)));
        assertThat(plan.steps()).extracting(PlanStep::kind).containsExactly("backup", "record");
        assertThat(plan.steps().get(1).sql())
                .singleElement()
                .extracting(BoundStatement::params)
                .isEqualTo(List.of(33, "2"));
        assertThat(plan.checks())
                .extracting(Check::describe)
                .contains(
                        "flyway history records checksum 33 for migration 2, its file's",
                        "every statement of migration 2 is in effect");
    }

    @Test
    void semanticEditIsRefusedNamingWhatIsMissing() {
        FailedMigration m = edited(
                verdict(1, "ALTER TABLE users ADD COLUMN email VARCHAR(200)", StatementState.APPLIED),
                verdict(2, "ALTER TABLE users ADD COLUMN nickname VARCHAR(50)", StatementState.NOT_APPLIED));
        assertThatThrownBy(() -> plan(m, Map.of()))
                .isInstanceOf(PlanningException.DecisionNeeded.class)
                .hasMessageContaining("nickname")
                .hasMessageContaining("--param apply=");
        assertThatThrownBy(() -> plan(m, Map.of("apply", "no")))
                .isInstanceOf(PlanningException.class)
                .isNotInstanceOf(PlanningException.DecisionNeeded.class)
                .hasMessageContaining("1 of its statements are not in effect")
                .hasMessageContaining("nickname")
                .hasMessageNotContaining("\n");
    }

    @Test
    void onTheDecisionTheMissingStatementRunsBeforeTheChecksumIsRecorded() {
        FailedMigration m = edited(
                verdict(1, "ALTER TABLE users ADD COLUMN email VARCHAR(200)", StatementState.APPLIED),
                verdict(2, "ALTER TABLE users ADD COLUMN nickname VARCHAR(50)", StatementState.NOT_APPLIED));
        Plan plan = plan(m, Map.of("apply", "yes"));
        assertThat(plan.steps()).extracting(PlanStep::kind).last().isEqualTo("record");
        assertThat(plan.steps())
                .flatExtracting(PlanStep::sql)
                .extracting(BoundStatement::sql)
                .anyMatch(sql -> sql.contains("nickname"))
                .noneMatch(sql -> sql.contains("email VARCHAR"));
    }

    @Test
    void aStatementNobodyCanTellIsInEffectIsNeverRunOnADecision() {
        FailedMigration m = edited(verdict(1, "UPDATE users SET email = lower(email)", StatementState.UNKNOWN));
        assertThatThrownBy(() -> plan(m, Map.of("apply", "yes")))
                .isInstanceOf(PlanningException.class)
                .isNotInstanceOf(PlanningException.DecisionNeeded.class)
                .hasMessageContaining("restore the file");
    }
}
