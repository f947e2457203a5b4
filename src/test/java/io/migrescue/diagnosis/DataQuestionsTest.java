package io.migrescue.diagnosis;

import io.migrescue.model.Catalog;
import io.migrescue.model.Engine;
import io.migrescue.sql.Effect;
import io.migrescue.testing.CatalogBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** NULL_VALUES is confirmed from the failing statement: the column it adds need not exist to count its NULLs. */
class DataQuestionsTest {
    private static final Catalog USERS = CatalogBuilder.of(Engine.POSTGRESQL, "public").table("users")
            .column("id", "integer", false).column("email", "varchar(100)", false).add().build();
    private static final Finding NULLS = new Finding(FindingKind.NULL_VALUES, Severity.ERROR, "contains null values",
            Map.of("table", "users", "column", "plan"), List.of(), null, List.of(), false);

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
        Catalog withPlan = CatalogBuilder.of(Engine.POSTGRESQL, "public").table("users")
                .column("id", "integer", false).column("plan", "varchar(20)", true).add().build();
        assertThat(DataQuestions.forFinding(NULLS, List.of(addPlan(false, null)), new CatalogLookup(withPlan, "public")))
                .get().isInstanceOf(DataQuestion.NullValues.class);
    }
}
