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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** fix-unfit-rows plans: the rows diagnosis counts, what each policy does to them, what guards a value. */
class UnfitRowFixesTest {
    private static final Playbooks PLAYBOOKS = Playbooks.load(null);
    private static final RecordPlanner RECORDS = (what, h, m) -> List.of(BoundStatement.of("-- record"));

    private static Catalog catalog(Engine engine, String type, boolean nullable) {
        return CatalogBuilder.of(engine, engine == Engine.POSTGRESQL ? "public" : "shop")
                .table("Stock Items")
                .column("id", "bigint", false)
                .column("Qty", type, nullable)
                .primaryKey("stock_pkey", "id")
                .add()
                .build();
    }

    private static Plan plan(Catalog catalog, String statement, String newType, Map<String, String> params) {
        return plan(catalog, statement, newType, params, Map.of());
    }

    private static Plan plan(
            Catalog catalog, String statement, String newType, Map<String, String> params, Map<String, String> more) {
        Effect change = new Effect.ModifyColumn(null, "Stock Items", "Qty", null, newType, null);
        FailedMigration m = new FailedMigration(
                "flyway",
                "2",
                "V2.sql",
                "error-text",
                List.of(new StatementVerdict(1, 1, statement, List.of(change), StatementState.FAILED, "", null)));
        Map<String, String> objects = new HashMap<>(Map.of(
                "table",
                "Stock Items",
                "column",
                "Qty",
                "currentType",
                catalog.tables().get(0).column("Qty").orElseThrow().type(),
                "newType",
                newType));
        objects.putAll(more);
        Finding f = new Finding(
                FindingKind.TYPE_CONVERSION,
                Severity.ERROR,
                "…",
                objects,
                List.of(),
                m,
                List.of("fix-unconvertible-values"),
                false);
        return Planner.plan(
                PLAYBOOKS.get("fix-unconvertible-values").orElseThrow(),
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
                .filter(s -> s.kind().equals("fix-unfit-rows"))
                .findFirst()
                .orElseThrow();
    }

    private static final String PG_USING =
            "ALTER TABLE \"Stock Items\" ALTER COLUMN \"Qty\" TYPE INTEGER USING NULLIF(\"Qty\", '')::integer";

    @Test
    void setValueIsBoundAndGuardedByTheNewTypeAndTheMigrationsUsing() {
        Plan plan = plan(
                catalog(Engine.POSTGRESQL, "character varying(20)", true),
                PG_USING,
                "INTEGER",
                Map.of("policy", "set-value", "value", "0"));
        PlanStep fix = fix(plan);
        String unfit = "\"Qty\" IS NOT NULL AND (NOT (CAST(\"Qty\" AS text) ~ '^\\s*[-+]?[0-9]+\\s*$') OR CASE WHEN"
                + " CAST(\"Qty\" AS text) ~ '^\\s*[-+]?[0-9]+\\s*$' THEN ROUND(CAST(CAST(\"Qty\" AS text) AS numeric), 0)"
                + " < -2147483648 OR ROUND(CAST(CAST(\"Qty\" AS text) AS numeric), 0) > 2147483647 ELSE FALSE END)";
        assertThat(fix.sql())
                .containsExactly(BoundStatement.of(
                        "UPDATE \"public\".\"Stock Items\" SET \"Qty\" = CAST(? AS character varying(20)) WHERE "
                                + unfit,
                        "0"));
        String alone = "SELECT COUNT(*) FROM (SELECT CAST(? AS character varying(20)) AS \"Qty\") \"Stock Items\"";
        assertThat(fix.guards())
                .containsExactly(
                        BoundStatement.of(alone + " WHERE " + unfit, "0"),
                        BoundStatement.of(
                                alone + " WHERE CAST((NULLIF(\"Qty\", '')::integer) AS INTEGER) IS NULL", "0"));
        assertThat(plan.backup().tables())
                .singleElement()
                .satisfies(t -> assertThat(t.where()).isEqualTo(unfit));
        assertThat(plan.checks()).anyMatch(c -> c instanceof Check.NoUnfitValues);
        assertThat(plan.steps()).extracting(PlanStep::kind).containsSubsequence("backup", "fix-unfit-rows", "sql");
    }

    @Test
    void truncateCutsToTheNewLengthOnlyForALengthLimit() {
        PlanStep fix = fix(plan(
                catalog(Engine.MARIADB, "varchar(40)", false),
                "ALTER TABLE `Stock Items` MODIFY `Qty` VARCHAR(5) NOT NULL",
                "VARCHAR(5)",
                Map.of("policy", "truncate")));
        assertThat(fix.sql())
                .containsExactly(BoundStatement.of("UPDATE `shop`.`Stock Items` SET `Qty` = SUBSTRING(`Qty`, 1, 5)"
                        + " WHERE `Qty` IS NOT NULL AND (CHAR_LENGTH(`Qty`) > 5)"));
        assertThatThrownBy(() -> plan(
                        catalog(Engine.MARIADB, "varchar(20)", true),
                        "ALTER TABLE `Stock Items` MODIFY `Qty` INT",
                        "INT",
                        Map.of("policy", "truncate")))
                .isInstanceOf(PlanningException.class)
                .hasMessageContaining("choose set-null, set-value or delete");
    }

    @Test
    void setNullOnlyWhereTheColumnAllowsNull() {
        assertThatThrownBy(() -> plan(
                        catalog(Engine.MARIADB, "varchar(40)", false),
                        "ALTER TABLE `Stock Items` MODIFY `Qty` VARCHAR(5) NOT NULL",
                        "VARCHAR(5)",
                        Map.of("policy", "set-null")))
                .isInstanceOf(PlanningException.class)
                .hasMessageContaining("Stock Items.Qty is NOT NULL");
        PlanStep fix = fix(plan(
                catalog(Engine.MARIADB, "varchar(20)", true),
                "ALTER TABLE `Stock Items` MODIFY `Qty` INT",
                "INT",
                Map.of("policy", "set-null")));
        assertThat(fix.sql().get(0).sql())
                .startsWith("UPDATE `shop`.`Stock Items` SET `Qty` = NULL WHERE `Qty` IS NOT NULL");
    }

    @Test
    void noRowIsChangedOnARankingAloneNorWhenTheStatementNeedsUsing() {
        Catalog pg = catalog(Engine.POSTGRESQL, "text", true);
        assertThatThrownBy(() -> plan(pg, PG_USING, "INTEGER", Map.of()))
                .isInstanceOf(PlanningException.DecisionNeeded.class)
                .hasMessageContaining("policy");
        assertThatThrownBy(() -> plan(pg, PG_USING, "INTEGER", Map.of("policy", "set-value")))
                .isInstanceOf(PlanningException.DecisionNeeded.class)
                .hasMessageContaining("value");
        assertThatThrownBy(() -> plan(
                        pg,
                        "ALTER TABLE \"Stock Items\" ALTER COLUMN \"Qty\" TYPE INTEGER",
                        "INTEGER",
                        Map.of("policy", "set-null"),
                        Map.of("needsUsing", "true")))
                .isInstanceOf(PlanningException.class)
                .hasMessageContaining("needs USING \"Qty\"::INTEGER");
    }

    @Test
    void theUsingOfTheColumnIsReadFromItsOwnClause() {
        assertThat(UsingClause.of(PG_USING + ";", "Qty")).isEqualTo("NULLIF(\"Qty\", '')::integer");
        assertThat(UsingClause.of(
                        "ALTER TABLE t ALTER COLUMN a TYPE int USING a::int, ALTER COLUMN b SET DATA TYPE"
                                + " numeric(4,1) USING round(b::numeric, 1)",
                        "b"))
                .isEqualTo("round(b::numeric, 1)");
        assertThat(UsingClause.of("ALTER TABLE t ALTER COLUMN a TYPE int", "a")).isNull();
        assertThat(UsingClause.of("ALTER TABLE t ALTER COLUMN \"A\" TYPE int USING \"A\"::int", "a"))
                .isNull();
    }
}
