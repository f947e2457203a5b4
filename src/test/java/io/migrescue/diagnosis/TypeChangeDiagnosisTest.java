package io.migrescue.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Catalog;
import io.migrescue.model.Engine;
import io.migrescue.playbook.Playbooks;
import io.migrescue.sql.Effect;
import io.migrescue.testing.CatalogBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A failed type change, diagnosed without a database: the statement names the table the message does not, the catalog
 * says the type the column has now and decides what a MariaDB 1265 is, and the data question asks for the values the
 * new type cannot hold.
 */
class TypeChangeDiagnosisTest {
    private static final PlaybookRanking RANKING = Playbooks.load(null).ranking();

    private static Catalog customers(boolean nullable) {
        return CatalogBuilder.of(Engine.MARIADB, "shop")
                .table("customers")
                .column("id", "bigint(20)", false)
                .column("code", "varchar(40)", nullable)
                .primaryKey("PRIMARY", "id")
                .add()
                .build();
    }

    private static List<Finding> diagnose(
            Catalog catalog, Integer code, String message, String column, Boolean notNull) {
        ParsedError e = new ParsedError(
                Engine.MARIADB,
                "flyway",
                "01000",
                code,
                null,
                message,
                null,
                null,
                null,
                null,
                null,
                null,
                new ErrorObjects(null, null, null, column, null, null, null),
                message);
        Effect.ModifyColumn modify = new Effect.ModifyColumn(null, "customers", "code", null, "VARCHAR(5)", notNull);
        return Diagnoser.diagnose(new DiagnosisInput(
                catalog,
                "shop",
                List.of(),
                e,
                code == 1265 ? FindingKind.NULL_VALUES : FindingKind.TYPE_CONVERSION, // 1265 without its statement
                List.of(modify),
                null,
                List.of(),
                RANKING));
    }

    @Test
    void aShorterVarcharNamesTableColumnTypesAndAsksForTheLongValues() {
        List<Finding> findings =
                diagnose(customers(true), 1265, "Data truncated for column 'code' at row 2", "code", null);
        Finding f = findings.get(0);
        assertThat(f.kind()).isEqualTo(FindingKind.TYPE_CONVERSION);
        assertThat(f.objects())
                .containsEntry("table", "customers")
                .containsEntry("column", "code")
                .containsEntry("currentType", "varchar(40)")
                .containsEntry("newType", "VARCHAR(5)");
        Optional<DataQuestion> q = DataQuestions.forFinding(f, List.of(), new CatalogLookup(customers(true), "shop"));
        assertThat(q)
                .contains(new DataQuestion.UnfitValues(
                        "shop", "customers", "code", "id", 5, null, null, null, "VARCHAR(5)"));
    }

    @Test
    void aColumnThatHasTheNewTypeNowMakesTheErrorHistory() {
        Catalog done = CatalogBuilder.of(Engine.MARIADB, "shop")
                .table("customers")
                .column("id", "bigint(20)", false)
                .column("code", "varchar(5)", true)
                .add()
                .build();
        Finding f = diagnose(done, 1406, "Data too long for column 'code' at row 2", "code", null)
                .get(0);
        assertThat(f.kind()).isEqualTo(FindingKind.TYPE_CONVERSION);
        assertThat(f.stale()).isTrue();
    }

    @Test
    void error1265OnAColumnThatIsNotNullAlreadyIsTheNewType() {
        List<Finding> findings =
                diagnose(customers(false), 1265, "Data truncated for column 'code' at row 2", "code", false);
        assertThat(findings).extracting(Finding::kind).containsExactly(FindingKind.TYPE_CONVERSION);
    }

    @Test
    void error1265ThatMayBeEitherGivesBothAndTheRowsDecide() {
        List<Finding> findings =
                diagnose(customers(true), 1265, "Data truncated for column 'code' at row 2", "code", false);
        assertThat(findings)
                .extracting(Finding::kind)
                .containsExactly(FindingKind.NULL_VALUES, FindingKind.TYPE_CONVERSION);
        assertThat(findings.get(0).evidence().toString()).contains("also narrower");
    }

    @Test
    void outOfRangeAsksForTheRange() {
        Catalog counters = CatalogBuilder.of(Engine.MARIADB, "shop")
                .table("counters")
                .column("id", "bigint(20)", false)
                .column("hits", "bigint(20)", false)
                .primaryKey("PRIMARY", "id")
                .add()
                .build();
        ParsedError e = new ParsedError(
                Engine.MARIADB,
                "flyway",
                "22003",
                1264,
                null,
                "Out of range value for column 'hits' at row 2",
                null,
                null,
                null,
                null,
                null,
                null,
                new ErrorObjects(null, null, null, "hits", null, null, null),
                "");
        List<Finding> findings = Diagnoser.diagnose(new DiagnosisInput(
                counters,
                "shop",
                List.of(),
                e,
                FindingKind.TYPE_CONVERSION,
                List.of(new Effect.ModifyColumn(null, "counters", "hits", null, "INT", false)),
                null,
                List.of(),
                RANKING));
        Optional<DataQuestion> q =
                DataQuestions.forFinding(findings.get(0), List.of(), new CatalogLookup(counters, "shop"));
        assertThat(q)
                .contains(new DataQuestion.UnfitValues(
                        "shop",
                        "counters",
                        "hits",
                        "id",
                        null,
                        BigDecimal.valueOf(-2147483648L),
                        BigDecimal.valueOf(2147483647L),
                        null,
                        "INT"));
    }
}
