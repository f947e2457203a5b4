package io.migrescue.diagnosis.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.ParsedError;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The errors of a type change over existing rows, as the servers here sent them (MariaDB 10.11, PostgreSQL 15; MySQL
 * 8's spelling of 1366 from its messages file), in the wrappers that carry them; and the statement deciding between a
 * type change and an INSERT of a bad value, and, for 1265, between a type change and NULLs.
 */
class TypeChangesTest {
    private static ParsedError parse(String text) {
        return ErrorTextParser.parse(text).orElseThrow();
    }

    private static Optional<FindingKind> kind(String text) {
        return ErrorCatalog.classify(parse(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ERROR 1292 (22007) at line 1: Truncated incorrect INTEGER value: 'abc'                                          | | abc
            ERROR 1292 (22007) at line 1: Truncated incorrect DECIMAL value: '2.7x'                                         | | 2.7x
            ERROR 1292 (22007) at line 1: Incorrect datetime value: 'nope' for column `castx`.`t`.`dt` at row 2             | dt | nope
            ERROR 1366 (22007) at line 1: Incorrect integer value: 'abc' for column `castx`.`w`.`i` at row 1                | i | abc
            ERROR 1366 (HY000) at line 3: Incorrect integer value: 'abc' for column 'qty' at row 1                         | qty | abc
            ERROR 1264 (22003) at line 1: Out of range value for column 'e' at row 1                                        | e |
            ERROR 1406 (22001) at line 1: Data too long for column 'd' at row 1                                             | d |
            psql:V2.sql:1: ERROR:  column "c" cannot be cast automatically to type integer                                 | c |
            psql:V2.sql:1: ERROR:  invalid input syntax for type integer: "abc"                                             | | abc
            psql:V2.sql:1: ERROR:  invalid input syntax for type date: "nope"                                               | | nope
            psql:V2.sql:1: ERROR:  value "99999999999" is out of range for type integer                                    | | 99999999999
            psql:V2.sql:1: ERROR:  integer out of range                                                                     | |
            psql:V2.sql:1: ERROR:  value too long for type character varying(5)                                            | |
            psql:V2.sql:1: ERROR:  value too long for type character(3)                                                     | |
            """)
    void serverTextsWithoutTheStatementAreTypeConversions(String text, String column, String value) {
        ParsedError e = parse(text.strip());
        assertThat(ErrorCatalog.classify(e)).as(text).contains(FindingKind.TYPE_CONVERSION);
        assertThat(e.objects().column()).isEqualTo(column);
        assertThat(e.objects().value()).isEqualTo(value);
    }

    @Test
    void mariaDbNamesTheTableOfAColumnItQualifies() {
        ParsedError e = parse(
                "ERROR 1366 (22007) at line 1: Incorrect integer value: 'abc' for column `shop`.`Stock Items`.`Qty` at row 1");
        assertThat(e.objects().schema()).isEqualTo("shop");
        assertThat(e.objects().table()).isEqualTo("Stock Items");
        assertThat(e.objects().column()).isEqualTo("Qty");
    }

    @Test
    void theSameCodesFromAnInsertAreNoTypeChange() {
        assertThat(
                        kind(
                                "SQLSTATE[22007]: Invalid datetime format: 1366 Incorrect integer value: 'abc' for column"
                                        + " `shop`.`items`.`qty` at row 1 (Connection: mysql, SQL: insert into `items` (`qty`) values (abc))"))
                .isEmpty();
        assertThat(kind("SQLSTATE[22P02]: Invalid text representation: 7 ERROR:  invalid input syntax for type integer:"
                        + " \"abc\" (Connection: pgsql, SQL: insert into \"items\" (\"qty\") values (abc))"))
                .isEmpty();
        assertThat(
                        kind(
                                "SQLSTATE[22007]: Invalid datetime format: 1366 Incorrect integer value: 'abc' for column"
                                        + " `shop`.`items`.`qty` at row 1 (Connection: mysql, SQL: alter table `items` modify `qty` int)"))
                .contains(FindingKind.TYPE_CONVERSION);
    }

    @Test
    void error1265IsATypeChangeUnlessTheStatementMakesTheColumnNotNull() {
        String truncated =
                "SQLSTATE[01000]: Warning: 1265 Data truncated for column 'code' at row 2 (Connection: mysql, SQL: ";
        assertThat(kind(truncated + "alter table `customers` modify `code` varchar(5))"))
                .contains(FindingKind.TYPE_CONVERSION);
        assertThat(kind(truncated + "alter table `customers` modify `code` varchar(40) not null)"))
                .as("NULLs in a column made NOT NULL: what it always meant")
                .contains(FindingKind.NULL_VALUES);
        assertThat(kind("ERROR 1265 (01000) at line 1: Data truncated for column 'n' at row 1"))
                .as("no statement: as before")
                .contains(FindingKind.NULL_VALUES);
    }

    @Test
    void a42804AboutAForeignKeyStaysOne() {
        assertThat(kind("psql:V2.sql:1: ERROR:  foreign key constraint \"fk\" cannot be implemented"))
                .contains(FindingKind.FK_INCOMPATIBLE);
    }

    @Test
    void theExplanationSaysWhatToDo() {
        assertThat(ErrorCatalog.explain(FindingKind.TYPE_CONVERSION))
                .contains("USING")
                .contains("first");
    }
}
