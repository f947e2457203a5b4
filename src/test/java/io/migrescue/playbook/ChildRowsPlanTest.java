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
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Effect;
import io.migrescue.testing.CatalogBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Plans of the data fixes that respect child rows, and of the lock wait: pure, from a hand-built catalog. A decision
 * is asked only when a foreign key references the table; the re-pointing comes before the delete; a session is ended
 * only when named, by a whole-number id.
 */
class ChildRowsPlanTest {
    private static final Playbooks PLAYBOOKS = Playbooks.load(null);
    private static final RecordPlanner RECORDS = (what, h, m) -> List.of(BoundStatement.of("-- record " + what));

    private static final FailedMigration UNIQUE = new FailedMigration(
            "flyway",
            "2",
            "V2__u.sql",
            "error",
            List.of(new StatementVerdict(
                    1,
                    1,
                    "CREATE UNIQUE INDEX users_email_uq ON users (email)",
                    List.of(new Effect.CreateIndex(
                            null, "users", "users_email_uq", List.of("email"), true, false, null)),
                    StatementState.FAILED,
                    "",
                    null)));

    private static Catalog users(boolean withChildren) {
        CatalogBuilder b = CatalogBuilder.of(Engine.POSTGRESQL, "public")
                .table("users")
                .column("id", "bigint", false)
                .column("email", "varchar(200)", true)
                .primaryKey("users_pkey", "id")
                .add();
        if (withChildren) {
            b = b.table("orders")
                    .column("id", "bigint", false)
                    .column("user_id", "bigint", false)
                    .primaryKey("orders_pkey", "id")
                    .foreignKey("fk_orders_user", "user_id", "users", "id")
                    .add();
        }
        return b.build();
    }

    private static Plan plan(
            String playbook, Catalog catalog, FailedMigration m, FindingKind kind, Map<String, String> params) {
        Finding f = new Finding(
                kind, Severity.ERROR, "…", Map.of("table", "users"), List.of(), m, List.of(playbook), false);
        return Planner.plan(
                PLAYBOOKS.get(playbook).orElseThrow(),
                f,
                params,
                new Planner.Context(catalog, "public", List.of(), m, RECORDS, false));
    }

    @Test
    void duplicatesWithoutChildrenNeedNoChildrenDecision() {
        Plan plan =
                plan("fix-duplicate-rows", users(false), UNIQUE, FindingKind.DUPLICATE_ROWS, Map.of("keep", "first"));
        assertThat(plan.steps())
                .extracting(PlanStep::kind)
                .doesNotContain("repoint-children")
                .contains("remove-duplicates");
    }

    @Test
    void childrenOfDuplicatesAreRepointedBeforeTheDeleteOnlyOnTheDecision() {
        assertThatThrownBy(() -> plan(
                        "fix-duplicate-rows", users(true), UNIQUE, FindingKind.DUPLICATE_ROWS, Map.of("keep", "first")))
                .isInstanceOf(PlanningException.DecisionNeeded.class)
                .hasMessageContaining("--param children=repoint|stop")
                .hasMessageContaining("rows of orders");
        assertThatThrownBy(() -> plan(
                        "fix-duplicate-rows",
                        users(true),
                        UNIQUE,
                        FindingKind.DUPLICATE_ROWS,
                        Map.of("keep", "first", "children", "stop")))
                .hasMessageContaining("nothing was changed");

        Plan plan = plan(
                "fix-duplicate-rows",
                users(true),
                UNIQUE,
                FindingKind.DUPLICATE_ROWS,
                Map.of("keep", "last", "children", "repoint"));
        List<String> kinds = plan.steps().stream().map(PlanStep::kind).toList();
        assertThat(kinds.indexOf("repoint-children")).isPositive().isLessThan(kinds.indexOf("remove-duplicates"));
        PlanStep repoint = plan.steps().get(kinds.indexOf("repoint-children"));
        assertThat(repoint.sql().get(0).sql())
                .startsWith("UPDATE \"public\".\"orders\" SET \"user_id\" = (SELECT m.mr_keep")
                .contains("FIRST_VALUE(\"id\") OVER (PARTITION BY \"email\" ORDER BY \"id\" DESC)");
        assertThat(repoint.rows()).singleElement().satisfies(r -> {
            assertThat(r.table()).isEqualTo("orders");
            assertThat(r.action()).isEqualTo("update");
            assertThat(r.key()).containsExactly("id");
        });
        assertThat(plan.backup().tables())
                .extracting(BackupPlan.TableToSave::table)
                .contains("orders", "users");
        assertThat(plan.backup().tables())
                .allSatisfy(t -> assertThat(t.where())
                        .as(t.table() + ": only the rows changed")
                        .isNotNull());
    }

    @Test
    void aSessionIsEndedOnlyWhenNamedByItsId() {
        FailedMigration add = new FailedMigration(
                "flyway",
                "2",
                "V2__p.sql",
                "error",
                List.of(new StatementVerdict(
                        1,
                        1,
                        "ALTER TABLE users ADD COLUMN p INT",
                        List.of(new Effect.AddColumn(null, "users", new Effect.ColumnDef("p", "int", true, null))),
                        StatementState.FAILED,
                        "",
                        null)));
        Plan waiting = plan("unblock-lock-wait", users(false), add, FindingKind.LOCK_TIMEOUT, Map.of());
        PlanStep wait = waiting.steps().get(1);
        assertThat(wait.kind()).isEqualTo(LockWaits.KIND);
        assertThat(LockWaits.terminates(wait)).isNull();
        assertThat(wait.sql())
                .extracting(BoundStatement::sql)
                .containsExactly("LOCK TABLE \"public\".\"users\" IN ACCESS EXCLUSIVE MODE", "ROLLBACK");
        assertThat(waiting.steps()).extracting(PlanStep::kind).contains("sql");

        PlanStep ending = plan(
                        "unblock-lock-wait", users(false), add, FindingKind.LOCK_TIMEOUT, Map.of("terminate", "4242"))
                .steps()
                .get(1);
        assertThat(LockWaits.terminates(ending)).isEqualTo(4242L);
        assertThatThrownBy(() -> plan(
                        "unblock-lock-wait",
                        users(false),
                        add,
                        FindingKind.LOCK_TIMEOUT,
                        Map.of("terminate", "4242; --")))
                .hasMessageContaining("a whole number");
    }
}
