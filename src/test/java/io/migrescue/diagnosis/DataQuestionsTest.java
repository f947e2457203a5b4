package io.migrescue.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Catalog;
import io.migrescue.model.Engine;
import io.migrescue.sql.Effect;
import io.migrescue.testing.CatalogBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** NULL_VALUES is confirmed from the failing statement: the column it adds need not exist to count its NULLs. */
class DataQuestionsTest {
    private static final Catalog USERS = CatalogBuilder.of(Engine.POSTGRESQL, "public")
            .table("users")
            .column("id", "integer", false)
            .column("email", "varchar(100)", false)
            .add()
            .build();
    private static final Finding NULLS = new Finding(
            FindingKind.NULL_VALUES,
            Severity.ERROR,
            "contains null values",
            Map.of("table", "users", "column", "plan"),
            List.of(),
            null,
            List.of(),
            false);

    private static Effect addPlan(boolean nullable, String defaultValue) {
        return new Effect.AddColumn(null, "users", new Effect.ColumnDef("plan", "varchar(20)", nullable, defaultValue));
    }

    @Test
    void aNotNullColumnWithoutDefaultNotThereYetIsCountedAsEveryRowOfItsTable() {
        var q = DataQuestions.forFinding(NULLS, List.of(addPlan(false, null)), new CatalogLookup(USERS, "public"));
        assertThat(q).contains(new DataQuestion.RowsForNewColumn("public", "users", "plan"));
    }

    @Test
    void aColumnThatExistsOrHasADefaultIsAskedForItsNullsAsBefore() {
        var q = DataQuestions.forFinding(NULLS, List.of(addPlan(false, "'free'")), new CatalogLookup(USERS, "public"));
        assertThat(q).get().isInstanceOf(DataQuestion.NullValues.class);
        Catalog withPlan = CatalogBuilder.of(Engine.POSTGRESQL, "public")
                .table("users")
                .column("id", "integer", false)
                .column("plan", "varchar(20)", true)
                .add()
                .build();
        assertThat(DataQuestions.forFinding(
                        NULLS, List.of(addPlan(false, null)), new CatalogLookup(withPlan, "public")))
                .get()
                .isInstanceOf(DataQuestion.NullValues.class);
    }

    /**
     * MariaDB's 1452 on ALTER names InnoDB's '#sql-…' copy, not the table: when the foreign key exists now (added by hand
     * since), its holder is found by the constraint's name, so the orphan count can say the error is history.
     */
    @Test
    void anOrphanErrorWithoutItsTableIsAskedOfTheConstraintsHolder() {
        Catalog orders = CatalogBuilder.of(Engine.MARIADB, "app")
                .table("customer")
                .column("id", "bigint", false)
                .primaryKey("PRIMARY", "id")
                .add()
                .table("orders")
                .column("id", "bigint", false)
                .column("customer_ref", "bigint", true)
                .foreignKey("orders_customer_ref_fk", "customer_ref", "customer", "id")
                .add()
                .build();
        Finding orphans = new Finding(
                FindingKind.FK_ORPHAN_ROWS,
                Severity.ERROR,
                "a foreign key constraint fails",
                Map.of("constraint", "orders_customer_ref_fk"),
                List.of(),
                null,
                List.of(),
                false);
        assertThat(DataQuestions.forFinding(orphans, List.of(), new CatalogLookup(orders, "app")))
                .contains(new DataQuestion.OrphanRows(
                        "app", "orders", List.of("customer_ref"), "app", "customer", List.of("id")));
        Finding unknown = new Finding(
                FindingKind.FK_ORPHAN_ROWS,
                Severity.ERROR,
                "a foreign key constraint fails",
                Map.of("constraint", "no_such_fk"),
                List.of(),
                null,
                List.of(),
                false);
        assertThat(DataQuestions.forFinding(unknown, List.of(), new CatalogLookup(orders, "app")))
                .isEmpty();
    }
    /**
     * A violated CHECK is asked with the failed statement's own expression; MariaDB names an unnamed one CONSTRAINT_1,
     * which the statement does not write, and it is still that statement's CHECK. Another CHECK of the statement is not.
     */
    @Test
    void aCheckViolationIsAskedWithTheStatementsExpression() {
        Catalog orders = CatalogBuilder.of(Engine.MARIADB, "shop")
                .table("orders")
                .column("id", "bigint", false)
                .column("total", "int", true)
                .primaryKey("PRIMARY", "id")
                .add()
                .build();
        CatalogLookup lookup = new CatalogLookup(orders, "shop");
        Effect unnamed = new Effect.AddConstraint(
                null,
                "orders",
                new Effect.ConstraintDef(null, "CHECK", List.of(), null, null, List.of(), null, null, "total >= 0"));
        Effect other = new Effect.AddConstraint(
                null,
                "orders",
                new Effect.ConstraintDef(
                        "orders_id_chk", "CHECK", List.of(), null, null, List.of(), null, null, "id > 0"));
        Finding violated = new Finding(
                FindingKind.CHECK_VIOLATION,
                Severity.ERROR,
                "CONSTRAINT `CONSTRAINT_1` failed for `shop`.`orders`",
                Map.of("schema", "shop", "table", "orders", "constraint", "CONSTRAINT_1"),
                List.of(),
                null,
                List.of(),
                false);
        DataQuestion.CheckViolations q = DataQuestions.checkViolations(violated, List.of(other, unnamed), lookup)
                .orElseThrow();
        assertThat(q).isEqualTo(new DataQuestion.CheckViolations("shop", "orders", "CONSTRAINT_1", "total >= 0", "id"));
        assertThat(q.violatingRows())
                .as("NULL passes a CHECK: NOT (NULL) selects nothing")
                .isEqualTo("NOT (total >= 0)");
        assertThat(DataQuestions.forFinding(violated, List.of(), lookup))
                .as("no statement, and no such constraint in the catalog: nothing to ask")
                .isEmpty();
    }
}
