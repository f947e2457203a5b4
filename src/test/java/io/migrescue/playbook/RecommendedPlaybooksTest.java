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
import io.migrescue.sql.Effect;
import io.migrescue.testing.CatalogBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
            all.add(new FailedMigration(
                    "flyway",
                    "2",
                    "V2.sql",
                    "history",
                    List.of(verdict(1, StatementState.APPLIED, null), verdict(2, StatementState.APPLIED, prediction))));
            all.add(new FailedMigration(
                    "flyway",
                    "2",
                    "V2.sql",
                    "history",
                    List.of(
                            verdict(1, StatementState.APPLIED, null),
                            verdict(2, StatementState.FAILED, prediction),
                            verdict(3, StatementState.NOT_APPLIED, prediction))));
            all.add(new FailedMigration(
                    "flyway",
                    "2",
                    "V2.sql",
                    "history",
                    List.of(
                            verdict(1, StatementState.FAILED, prediction),
                            verdict(2, StatementState.NOT_APPLIED, null))));
        }
        return all;
    }

    @Test
    void everyRecommendedPlaybookExistsAndDeclaresWhatItFixes() {
        int recommendations = 0;
        for (FindingKind kind : FindingKind.values()) {
            for (FailedMigration m : situations()) {
                for (boolean sameTable : new boolean[] {false, true}) {
                    for (boolean existingMatches : new boolean[] {false, true}) {
                        for (String id : PLAYBOOKS.ranking().rank(kind, m, sameTable, existingMatches)) {
                            recommendations++;
                            assertThat(PLAYBOOKS.get(id))
                                    .as("%s recommends %s", kind, id)
                                    .isPresent();
                            boolean fallback = id.equals("revert-partial-migration")
                                    && m != null
                                    && m.partiallyApplied(); // its "for: any" rule
                            assertThat(fallback
                                            || PLAYBOOKS
                                                    .get(id)
                                                    .orElseThrow()
                                                    .fixes()
                                                    .contains(kind))
                                    .as("%s declares in its fixes: %s", id, kind)
                                    .isTrue();
                        }
                    }
                }
            }
        }
        assertThat(recommendations).isGreaterThan(FindingKind.values().length);
    }

    @Test
    void theEngineCausedFailuresRecommendTheirOwnPlaybooks() {
        assertThat(PLAYBOOKS.ranking().rank(FindingKind.INVALID_INDEX, null, false, false))
                .containsExactly("rebuild-invalid-index");
        assertThat(PLAYBOOKS.ranking().rank(FindingKind.FK_INCOMPATIBLE, null, false, false))
                .containsExactly("align-fk-column-types");
        // half applied (MariaDB errno 150 after the script's CREATE TABLE committed): aligning comes before reverting
        assertThat(PLAYBOOKS
                        .ranking()
                        .rank(FindingKind.FK_INCOMPATIBLE, situations().get(2), false, false))
                .startsWith("align-fk-column-types")
                .contains("revert-partial-migration");
        assertThat(PLAYBOOKS.ranking().rank(FindingKind.CHECKSUM_MISMATCH, null, false, false))
                .containsExactly("realign-checksum");
        assertThat(PLAYBOOKS.ranking().rank(FindingKind.LOCK_TIMEOUT, null, false, false))
                .containsExactly("unblock-lock-wait");
    }

    private static final RecordPlanner RECORDS =
            (what, h, m) -> List.of(io.migrescue.sql.BoundStatement.of("-- record " + what));
    private static final MigrationHistory FLYWAY = new MigrationHistory(
            "flyway",
            "app",
            "flyway_schema_history",
            List.of(new HistoryEntry("2", "x", EntryState.FAILED, Instant.EPOCH, "2", null)),
            null);

    /** What each engine-caused finding recommends can be planned on the state it describes, and plans what it says. */
    @Test
    void theEngineCausedFailuresRecommendationsCanBePlanned() {
        Effect.CreateIndex index =
                new Effect.CreateIndex(null, "users", "users_email_uq", List.of("email"), true, true, null);
        FailedMigration indexMigration = new FailedMigration(
                "flyway",
                "2",
                "V2.sql",
                "history",
                List.of(new StatementVerdict(
                        1,
                        1,
                        "CREATE UNIQUE INDEX CONCURRENTLY users_email_uq ON users (email)",
                        List.of(index),
                        StatementState.FAILED,
                        "",
                        null)));
        Catalog pg = CatalogBuilder.of(Engine.POSTGRESQL, "public")
                .table("users")
                .column("id", "bigint", false)
                .column("email", "text", true)
                .primaryKey("users_pkey", "id")
                .index("users_email_uq", true, false, "email")
                .add()
                .build();
        Finding invalid = new Finding(
                FindingKind.INVALID_INDEX,
                Severity.WARNING,
                "…",
                Map.of("table", "public.users", "index", "users_email_uq", "duplicates", "0"),
                List.of(),
                indexMigration,
                PLAYBOOKS.ranking().rank(FindingKind.INVALID_INDEX, null, false, false),
                false);
        Plan rebuild = plan(invalid, pg, "public", indexMigration, Map.of());
        assertThat(rebuild.steps())
                .extracting(PlanStep::kind)
                .containsExactly("backup", "drop-index", "create-index", "record");
        assertThat(rebuild.steps().get(1).sql().get(0).sql())
                .isEqualTo("DROP INDEX CONCURRENTLY IF EXISTS \"public\".\"users_email_uq\"");
        assertThat(rebuild.steps().get(1).guards())
                .singleElement()
                .satisfies(g -> assertThat(g.sql()).contains("HAVING COUNT(*) > 1"));
        assertThat(rebuild.steps().get(2).sql().get(0).sql())
                .isEqualTo("CREATE UNIQUE INDEX CONCURRENTLY users_email_uq ON users (email)");
        assertThat(rebuild.steps().get(2).transactional()).isFalse();
        assertThat(rebuild.checks()).extracting(Check::describe).contains("index users_email_uq on users is valid");
        Finding withDuplicates = invalid.withObjects(Map.of("duplicates", "3"));
        assertThatThrownBy(() -> plan(withDuplicates, pg, "public", indexMigration, Map.of()))
                .hasMessageContaining("fix-duplicate-rows --param keep=");

        Effect.AddConstraint fk = new Effect.AddConstraint(
                null,
                "tasks",
                new Effect.ConstraintDef(
                        "fk_tasks_user",
                        "FOREIGN_KEY",
                        List.of("user_id"),
                        null,
                        "users",
                        List.of("id"),
                        null,
                        null,
                        null));
        Effect.CreateTable tasks = new Effect.CreateTable(
                null, "tasks", List.of(new Effect.ColumnDef("user_id", "int", false, null)), List.of(), false);
        // MariaDB spells display widths, MySQL 8 (error 3780) does not: both align the same way
        for (Engine engine : List.of(Engine.MARIADB, Engine.MYSQL)) {
            String intType = engine == Engine.MARIADB ? "int(11)" : "int";
            String bigType = engine == Engine.MARIADB ? "bigint(20) unsigned" : "bigint unsigned";
            Catalog catalog = CatalogBuilder.of(engine, "app")
                    .table("users")
                    .column("id", bigType, false)
                    .primaryKey("PRIMARY", "id")
                    .add()
                    .table("tasks")
                    .column("id", intType, false)
                    .column("user_id", intType, false)
                    .primaryKey("PRIMARY", "id")
                    .add()
                    .build();
            alignsOn(catalog, fk, tasks, intType, bigType);
        }
    }

    private static void alignsOn(
            Catalog maria, Effect.AddConstraint fk, Effect.CreateTable tasks, String intType, String bigType) {
        for (boolean createdHere : new boolean[] {true, false}) {
            List<StatementVerdict> statements = new ArrayList<>();
            if (createdHere) {
                statements.add(new StatementVerdict(
                        1, 1, "CREATE TABLE tasks (…)", List.of(tasks), StatementState.APPLIED, "", null));
            }
            statements.add(new StatementVerdict(
                    2,
                    2,
                    "ALTER TABLE tasks ADD CONSTRAINT fk_tasks_user …",
                    List.of(fk),
                    StatementState.FAILED,
                    "",
                    null));
            FailedMigration m = new FailedMigration("flyway", "2", "V2.sql", "history", statements);
            Finding incompatible = new Finding(
                    FindingKind.FK_INCOMPATIBLE,
                    Severity.ERROR,
                    "…",
                    Map.of(),
                    List.of(),
                    m,
                    PLAYBOOKS.ranking().rank(FindingKind.FK_INCOMPATIBLE, m, false, false),
                    false);
            if (!createdHere) { // a live table earlier migrations made: its rows are rewritten only on a decision
                assertThatThrownBy(() -> plan(incompatible, maria, "app", m, Map.of()))
                        .isInstanceOf(PlanningException.DecisionNeeded.class)
                        .hasMessageContaining(intType + " to " + bigType);
            }
            Plan align = plan(incompatible, maria, "app", m, createdHere ? Map.of() : Map.of("widen", "yes"));
            assertThat(align.steps())
                    .extracting(PlanStep::kind)
                    .containsExactly("backup", "alter-column", "sql", "record");
            assertThat(align.steps().get(1).sql().get(0).sql())
                    .isEqualTo("ALTER TABLE `app`.`tasks` MODIFY COLUMN `user_id` " + bigType + " NOT NULL");
            assertThat(align.steps().get(1).guards())
                    .singleElement()
                    .satisfies(g -> assertThat(g.sql()).contains("`user_id` < 0"));
            assertThat(align.explanations())
                    .contains("tasks.user_id is " + intType + ", users.id is " + bigType + ": the engine refuses"
                            + " a foreign key between them");
        }
    }

    private static Plan plan(Finding f, Catalog catalog, String schema, FailedMigration m, Map<String, String> params) {
        String id = f.playbooks().get(0);
        return Planner.plan(
                PLAYBOOKS.get(id).orElseThrow(),
                f,
                params,
                new Planner.Context(catalog, schema, List.of(FLYWAY), m, RECORDS, false));
    }
}
