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

/** Each data step carries the read-only queries that count its rows and name the first ten by key; the planner stays pure. */
class DataFixRowsTest {
    private static final Playbooks PLAYBOOKS = Playbooks.load(null);
    private static final RecordPlanner RECORDS = (what, h, m) -> List.of(BoundStatement.of("-- record"));

    private static Plan plan(
            Catalog catalog, String playbook, FindingKind kind, Effect failing, Map<String, String> params) {
        FailedMigration m = new FailedMigration(
                "flyway",
                "2",
                "V2.sql",
                "error-text",
                List.of(new StatementVerdict(1, 1, "…", List.of(failing), StatementState.FAILED, "", null)));
        Finding f = new Finding(
                kind, Severity.ERROR, "…", Map.of("table", "orders"), List.of(), m, List.of(playbook), false);
        return Planner.plan(
                PLAYBOOKS.get(playbook).orElseThrow(),
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

    private static PlanStep step(Plan plan, String kind) {
        return plan.steps().stream()
                .filter(s -> s.kind().equals(kind))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void duplicatesCountTheRowsDeletedAndNameTheRowKeptPerKey() {
        Catalog catalog = CatalogBuilder.of(Engine.POSTGRESQL, "public")
                .table("users")
                .column("id", "bigint", false)
                .column("email", "text", true)
                .primaryKey("users_pkey", "id")
                .add()
                .build();
        Effect index = new Effect.CreateIndex(null, "users", "users_email_uq", List.of("email"), true, false, null);
        PlanStep last = step(
                plan(catalog, "fix-duplicate-rows", FindingKind.DUPLICATE_ROWS, index, Map.of("keep", "last")),
                "remove-duplicates");
        assertThat(last.description())
                .isEqualTo("keep the last row (the highest id) of each duplicate (email) in users");
        assertThat(last.rows()).extracting(RowsTouched::action).containsExactly("delete", "keep");
        RowsTouched deleted = last.rows().get(0);
        assertThat(deleted.count().sql())
                .startsWith("SELECT COUNT(*) FROM \"public\".\"users\" WHERE \"id\" IN (SELECT d.mr_id");
        assertThat(deleted.keys().sql()).endsWith(" ORDER BY \"id\" LIMIT 10");
        assertThat(deleted.note()).isEqualTo("every duplicate but the highest id of its key");
        assertThat(last.rows().get(1).keys().sql())
                .contains("ORDER BY \"id\" DESC) AS mr_rank")
                .contains("COUNT(*) OVER (PARTITION BY \"email\")")
                .endsWith("WHERE d.mr_rank = 1 AND d.mr_n > 1 ORDER BY \"id\" LIMIT 10");
        assertThat(deleted.counted()).as("the planner reads nothing").isFalse();
    }

    @Test
    void orphansOfATableWithoutAPrimaryKeyAreNamedByTheirForeignKeyAndSaySo() {
        Catalog catalog = CatalogBuilder.of(Engine.MARIADB, "shop")
                .table("users")
                .column("id", "bigint", false)
                .primaryKey("PRIMARY", "id")
                .add()
                .table("orders")
                .column("user_id", "bigint", true)
                .column("total", "decimal(10,2)", false)
                .add()
                .build();
        Effect fk = new Effect.AddConstraint(
                null,
                "orders",
                new Effect.ConstraintDef(
                        "orders_user_fk",
                        "FOREIGN_KEY",
                        List.of("user_id"),
                        null,
                        "users",
                        List.of("id"),
                        null,
                        null,
                        null));
        RowsTouched rows = step(
                        plan(catalog, "fix-orphan-rows", FindingKind.FK_ORPHAN_ROWS, fk, Map.of("policy", "delete")),
                        "fix-orphans")
                .rows()
                .get(0);
        assertThat(rows.key()).containsExactly("user_id");
        assertThat(rows.keyNote()).isEqualTo("no primary or unique key, named by their user_id, which may repeat");
        assertThat(rows.keys().sql())
                .startsWith(
                        "SELECT `user_id` FROM `shop`.`orders` WHERE `shop`.`orders`.`user_id` IS NOT NULL AND NOT EXISTS")
                .endsWith(" ORDER BY `user_id` LIMIT 10");
    }

    @Test
    void nullFillsCountTheRowsUpdated() {
        Catalog catalog = CatalogBuilder.of(Engine.POSTGRESQL, "public")
                .table("users")
                .column("id", "bigint", false)
                .column("email", "text", true)
                .primaryKey("users_pkey", "id")
                .add()
                .build();
        Effect notNull = new Effect.ModifyColumn(null, "users", "email", null, null, false);
        PlanStep fill = step(
                plan(catalog, "fill-null-values", FindingKind.NULL_VALUES, notNull, Map.of("value", "x@example.com")),
                "fill-nulls");
        assertThat(fill.rows()).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("update");
            assertThat(r.count().sql()).isEqualTo("SELECT COUNT(*) FROM \"public\".\"users\" WHERE \"email\" IS NULL");
            assertThat(r.keys().sql())
                    .isEqualTo(
                            "SELECT \"id\" FROM \"public\".\"users\" WHERE \"email\" IS NULL ORDER BY \"id\" LIMIT 10");
        });
    }

    @Test
    void aMissingDecisionSaysWhatEachChoiceDoes() {
        Catalog catalog = CatalogBuilder.of(Engine.POSTGRESQL, "public")
                .table("users")
                .column("id", "bigint", false)
                .column("email", "text", true)
                .primaryKey("users_pkey", "id")
                .add()
                .build();
        Effect index = new Effect.CreateIndex(null, "users", "users_email_uq", List.of("email"), true, false, null);
        assertThatThrownBy(() -> plan(catalog, "fix-duplicate-rows", FindingKind.DUPLICATE_ROWS, index, Map.of()))
                .isInstanceOf(PlanningException.DecisionNeeded.class)
                .hasMessageContaining("(first = keep the row with the lowest primary key of each duplicate key")
                .hasMessageContaining("; last = keep the row with the highest primary key")
                .hasMessageContaining("Give --param keep=first|last");
    }
}
