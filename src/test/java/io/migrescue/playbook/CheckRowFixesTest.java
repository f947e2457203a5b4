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

/** fix-check-rows plans: which rows (the failed statement's own expression), what it does to them, what guards it. */
class CheckRowFixesTest {
    private static final Playbooks PLAYBOOKS = Playbooks.load(null);
    private static final RecordPlanner RECORDS = (what, h, m) -> List.of(BoundStatement.of("-- record"));

    private static final Effect CHECK = new Effect.AddConstraint(
            null,
            "orders",
            new Effect.ConstraintDef(
                    "orders_total_chk", "CHECK", List.of(), null, null, List.of(), null, null, "total >= 0"));

    private static Catalog catalog(Engine engine, boolean referenced) {
        String schema = engine == Engine.POSTGRESQL ? "public" : "shop";
        CatalogBuilder b = CatalogBuilder.of(engine, schema)
                .table("orders")
                .column("id", "bigint", false)
                .column("total", engine == Engine.POSTGRESQL ? "integer" : "int", true)
                .column("qty", "int", false)
                .primaryKey("orders_pkey", "id")
                .add();
        if (referenced) {
            b = b.table("order_lines")
                    .column("id", "bigint", false)
                    .column("order_id", "bigint", true)
                    .primaryKey("order_lines_pkey", "id")
                    .foreignKey("order_lines_order_fk", "order_id", "orders", "id")
                    .add();
        }
        return b.build();
    }

    private static Plan plan(Catalog catalog, Map<String, String> params) {
        FailedMigration m = new FailedMigration(
                "flyway",
                "2",
                "V2.sql",
                "error-text",
                List.of(new StatementVerdict(1, 1, "…", List.of(CHECK), StatementState.FAILED, "", null)));
        Finding f = new Finding(
                FindingKind.CHECK_VIOLATION,
                Severity.ERROR,
                "…",
                Map.of("table", "orders", "constraint", "orders_total_chk"),
                List.of(),
                m,
                List.of("fix-check-violations"),
                false);
        return Planner.plan(
                PLAYBOOKS.get("fix-check-violations").orElseThrow(),
                f,
                params,
                new Planner.Context(
                        catalog,
                        catalog.engine() == Engine.POSTGRESQL ? "public" : "shop",
                        List.of(),
                        m,
                        RECORDS,
                        false));
    }

    private static PlanStep fix(Plan plan) {
        return plan.steps().stream()
                .filter(s -> s.kind().equals("fix-check-rows"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void deleteTakesTheRowsForWhichTheExpressionIsFalseAndBacksUpOnlyThose() {
        Plan plan = plan(catalog(Engine.POSTGRESQL, false), Map.of("policy", "delete"));
        PlanStep fix = fix(plan);
        assertThat(fix.sql())
                .extracting(BoundStatement::sql)
                .containsExactly("DELETE FROM \"public\".\"orders\" WHERE NOT (total >= 0)");
        assertThat(fix.rows().get(0).count().sql())
                .isEqualTo("SELECT COUNT(*) FROM \"public\".\"orders\" WHERE NOT (total >= 0)");
        assertThat(plan.backup().tables())
                .singleElement()
                .satisfies(t -> assertThat(t.where()).isEqualTo("NOT (total >= 0)"));
        assertThat(plan.checks())
                .contains(new Check.NoCheckViolations("public", "orders", "orders_total_chk", "total >= 0"));
        assertThat(plan.steps()).extracting(PlanStep::kind).containsSubsequence("backup", "fix-check-rows", "sql");
    }

    @Test
    void setColumnBindsTheValueAndIsGuardedByTheExpressionOverTheRowsWithIt() {
        PlanStep fix = fix(
                plan(catalog(Engine.MARIADB, false), Map.of("policy", "set-column", "column", "total", "value", "0")));
        assertThat(fix.sql())
                .singleElement()
                .isEqualTo(BoundStatement.of("UPDATE `shop`.`orders` SET `total` = ? WHERE NOT (total >= 0)", "0"));
        assertThat(fix.guards())
                .singleElement()
                .isEqualTo(BoundStatement.of(
                        "SELECT COUNT(*) FROM (SELECT `id`, ? AS `total`, `qty` FROM `shop`.`orders` WHERE NOT (total >= 0))"
                                + " `orders` WHERE NOT (total >= 0)",
                        "0"));
    }

    @Test
    void noRowIsChangedOnARankingAlone() {
        assertThatThrownBy(() -> plan(catalog(Engine.POSTGRESQL, false), Map.of()))
                .isInstanceOf(PlanningException.DecisionNeeded.class)
                .hasMessageContaining("policy");
        assertThatThrownBy(() -> plan(catalog(Engine.POSTGRESQL, false), Map.of("policy", "set-column")))
                .isInstanceOf(PlanningException.DecisionNeeded.class)
                .hasMessageContaining("column");
        assertThatThrownBy(() ->
                        plan(catalog(Engine.POSTGRESQL, false), Map.of("policy", "set-column", "column", "total")))
                .isInstanceOf(PlanningException.DecisionNeeded.class)
                .hasMessageContaining("value");
        assertThatThrownBy(() -> plan(
                        catalog(Engine.POSTGRESQL, false),
                        Map.of("policy", "set-column", "column", "nope", "value", "0")))
                .hasMessageContaining("orders has no such column");
    }

    /** Rows of other tables that reference deleted rows are dealt with first, as decided, never lost to a cascade. */
    @Test
    void rowsReferencingDeletedRowsAreDecidedFirst() {
        assertThatThrownBy(() -> plan(catalog(Engine.POSTGRESQL, true), Map.of("policy", "delete")))
                .isInstanceOf(PlanningException.DecisionNeeded.class)
                .hasMessageContaining("referencing")
                .hasMessageContaining("order_lines");
        Plan plan = plan(catalog(Engine.POSTGRESQL, true), Map.of("policy", "delete", "referencing", "set-null"));
        PlanStep first = plan.steps().get(1);
        assertThat(first.kind()).isEqualTo("fix-grandchildren");
        assertThat(first.description())
                .isEqualTo("set to NULL the references of the rows of order_lines that reference the rows that fail"
                        + " CHECK (total >= 0) of orders");
        assertThat(first.sql().get(0).sql())
                .isEqualTo(
                        "UPDATE \"public\".\"order_lines\" SET \"order_id\" = NULL WHERE"
                                + " \"public\".\"order_lines\".\"order_id\" IN (SELECT o.mr_ref FROM (SELECT"
                                + " \"public\".\"orders\".\"id\" AS mr_ref FROM \"public\".\"orders\" WHERE NOT (total >= 0)) o)");
        assertThat(plan.steps().get(2).kind()).isEqualTo("fix-check-rows");
        assertThat(plan.backup().tables())
                .extracting(BackupPlan.TableToSave::table)
                .contains("orders", "order_lines");
    }
}
