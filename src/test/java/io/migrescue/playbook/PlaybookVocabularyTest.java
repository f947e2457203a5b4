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

/** Check names, record kinds and recommendation situations are one vocabulary each: what loads, plans. */
class PlaybookVocabularyTest {
    private static String playbook(String extra, String verify) {
        return """
                id: vocabulary
                title: t
                fixes: [FAILED_MIGRATION]
                %s
                engines: [postgresql]
                steps:
                  - backup: {tables: [users], data: true}
                  - record: applied
                  - verify: [%s]
                """.formatted(extra, verify);
    }

    @Test
    void everyDeclaredCheckLoadsAndPlansOnASmallCatalog() {
        Playbook p = PlaybookLoader.parse(playbook("", String.join(", ", CheckName.ids())), "test");
        Catalog catalog = CatalogBuilder.of(Engine.POSTGRESQL, "public")
                .table("users")
                .column("id", "bigint", false)
                .primaryKey("users_pkey", "id")
                .add()
                .build();
        FailedMigration m = new FailedMigration(
                "flyway",
                "2",
                "V2.sql",
                "flyway_schema_history",
                List.of(new StatementVerdict(
                        1, 1, "ALTER TABLE users ADD COLUMN x int", List.of(), StatementState.APPLIED, "", null)));
        MigrationHistory h = new MigrationHistory(
                "flyway",
                "public",
                "flyway_schema_history",
                List.of(new HistoryEntry("2", "x", EntryState.FAILED, Instant.EPOCH, "2", null)),
                null);
        Finding f = new Finding(
                FindingKind.FAILED_MIGRATION,
                Severity.ERROR,
                "…",
                Map.of("migration", "2"),
                List.of(),
                m,
                List.of(),
                false);
        RecordPlanner records = (what, history, params) -> List.of(BoundStatement.of("-- record " + what));
        Plan plan = Planner.plan(p, f, Map.of(), new Planner.Context(catalog, "public", List.of(h), m, records, false));
        assertThat(plan.checks())
                .extracting(Check::describe)
                .contains("every statement of migration 2 is in effect", "no statement of migration 2 is in effect");
    }

    @Test
    void aCheckTheVocabularyDoesNotDeclareIsRefusedOnLoad() {
        // 'constraint-present' used to pass the loader though the planner had no such check
        assertThatThrownBy(() -> PlaybookLoader.parse(playbook("", "constraint-present"), "test"))
                .isInstanceOf(PlaybookException.class)
                .hasMessageContaining("unknown check 'constraint-present'");
        assertThatThrownBy(() -> PlaybookLoader.parse(
                        playbook("", "history-clean").replace("record: applied", "record: applies"), "test"))
                .isInstanceOf(PlaybookException.class)
                .hasMessageContaining("record must be one of");
    }

    @Test
    void recommendRulesNameAKindTheyFixAndKnownSituationsOnly() {
        assertThat(PlaybookLoader.parse(
                                playbook(
                                        "recommend: [{for: FAILED_MIGRATION, when: [fully-applied], rank: 1}]",
                                        "history-clean"),
                                "test")
                        .recommend())
                .hasSize(1);
        assertThatThrownBy(() -> PlaybookLoader.parse(
                        playbook("recommend: [{for: DUPLICATE_ROWS, rank: 1}]", "history-clean"), "test"))
                .hasMessageContaining("not in fixes");
        assertThatThrownBy(() -> PlaybookLoader.parse(
                        playbook("recommend: [{for: any, when: [sunny], rank: 1}]", "history-clean"), "test"))
                .hasMessageContaining("unknown situation 'sunny'");
        assertThatThrownBy(() ->
                        PlaybookLoader.parse(playbook("recommend: [{for: any, rank: 0}]", "history-clean"), "test"))
                .hasMessageContaining("rank");
    }
}
