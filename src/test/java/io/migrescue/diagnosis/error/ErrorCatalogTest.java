package io.migrescue.diagnosis.error;

import static io.migrescue.diagnosis.FindingKind.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.diagnosis.ErrorObjects;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.ParsedError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** findings.md's table, code by code, and the cases where the message or the statement decides. */
class ErrorCatalogTest {

    private static ParsedError mysql(int code, Integer errno) {
        return new ParsedError(
                null, "plain", null, code, errno, null, null, null, null, null, null, null, ErrorObjects.NONE, "");
    }

    private static ParsedError pg(String state, String message, String statement) {
        return new ParsedError(
                null,
                "plain",
                state,
                null,
                null,
                message,
                null,
                null,
                statement,
                null,
                null,
                null,
                ErrorObjects.NONE,
                "");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1826, DUPLICATE_CONSTRAINT_NAME",
        "1022, DUPLICATE_CONSTRAINT_NAME",
        "1050, TABLE_ALREADY_EXISTS",
        "1146, MISSING_TABLE",
        "1051, MISSING_TABLE",
        "1824, MISSING_TABLE",
        "1060, DUPLICATE_COLUMN",
        "1054, MISSING_COLUMN",
        "1061, DUPLICATE_INDEX_NAME",
        "1091, MISSING_OBJECT_ON_DROP",
        "3940, MISSING_OBJECT_ON_DROP",
        "1215, FK_INCOMPATIBLE",
        "3780, FK_INCOMPATIBLE",
        "1822, FK_INCOMPATIBLE",
        "6125, FK_INCOMPATIBLE",
        "1452, FK_ORPHAN_ROWS",
        "1062, DUPLICATE_ROWS",
        "1138, NULL_VALUES",
        "1265, NULL_VALUES",
        "1048, NULL_VALUES",
        "3819, CHECK_VIOLATION",
        "4025, CHECK_VIOLATION",
        "1553, DEPENDENT_OBJECTS",
        "1828, DEPENDENT_OBJECTS",
        "1829, DEPENDENT_OBJECTS",
        "1832, DEPENDENT_OBJECTS",
        "1833, DEPENDENT_OBJECTS",
        "1071, KEY_TOO_LONG",
        "1205, LOCK_TIMEOUT",
        "1142, PERMISSION_DENIED",
        "1044, PERMISSION_DENIED"
    })
    void everyMySqlCodeOfFindings(int code, FindingKind kind) {
        assertThat(ErrorCatalog.classify(mysql(code, null))).contains(kind);
    }

    @Test
    void error1005IsReadByItsErrno() {
        assertThat(ErrorCatalog.classify(mysql(1005, 121))).contains(DUPLICATE_CONSTRAINT_NAME);
        assertThat(ErrorCatalog.classify(mysql(1005, 150))).contains(FK_INCOMPATIBLE);
        assertThat(ErrorCatalog.classify(mysql(1005, 28)))
                .as("errno 28: disk full, no finding for that")
                .isEmpty();
        assertThat(ErrorCatalog.classify(mysql(1025, 150))).contains(FK_INCOMPATIBLE);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "42710, DUPLICATE_CONSTRAINT_NAME",
        "42P07, TABLE_ALREADY_EXISTS",
        "42P01, MISSING_TABLE",
        "42701, DUPLICATE_COLUMN",
        "42703, MISSING_COLUMN",
        "42704, MISSING_OBJECT_ON_DROP",
        "42804, FK_INCOMPATIBLE",
        "42830, FK_INCOMPATIBLE",
        "23503, FK_ORPHAN_ROWS",
        "23505, DUPLICATE_ROWS",
        "23502, NULL_VALUES",
        "2BP01, DEPENDENT_OBJECTS",
        "55P03, LOCK_TIMEOUT",
        "40P01, LOCK_TIMEOUT",
        "57014, STATEMENT_TIMEOUT",
        "25001, TRANSACTION_CONTEXT",
        "25P02, TRANSACTION_CONTEXT",
        "42501, PERMISSION_DENIED"
    })
    void everyPostgresStateOfFindings(String state, FindingKind kind) {
        assertThat(ErrorCatalog.classify(pg(state, null, null))).contains(kind);
    }

    @Test
    void relationCollisionsAreToldApartByTheStatement() {
        String message = "relation \"orders_status_idx\" already exists";
        assertThat(ErrorCatalog.classify(pg("42P07", message, "CREATE INDEX orders_status_idx ON orders (status)")))
                .contains(DUPLICATE_INDEX_NAME);
        assertThat(ErrorCatalog.classify(pg(
                        "42P07",
                        message,
                        "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"orders_status_idx\" ON orders (status)")))
                .contains(DUPLICATE_INDEX_NAME);
        assertThat(ErrorCatalog.classify(pg(
                        "42P07",
                        "relation \"orders_code_key\" already exists",
                        "ALTER TABLE orders ADD CONSTRAINT orders_code_key UNIQUE (code)")))
                .contains(DUPLICATE_CONSTRAINT_NAME);
        assertThat(ErrorCatalog.classify(pg(
                        "42P07",
                        "relation \"orders_pkey\" already exists",
                        "CREATE TABLE orders (id bigserial PRIMARY KEY)")))
                .as("implicit name of the primary key's index")
                .contains(DUPLICATE_CONSTRAINT_NAME);
        assertThat(ErrorCatalog.classify(pg(
                        "42P07",
                        "relation \"orders\" already exists",
                        "CREATE TABLE orders (id bigserial, CONSTRAINT orders_pkey PRIMARY KEY (id))")))
                .contains(TABLE_ALREADY_EXISTS);
        assertThat(ErrorCatalog.classify(
                        pg("42P07", "relation \"orders_v2\" already exists", "ALTER TABLE orders RENAME TO orders_v2")))
                .contains(TABLE_ALREADY_EXISTS);
    }

    @Test
    void withoutAStatementNamingConventionsDecide() {
        assertThat(ErrorCatalog.classify(pg("42P07", "relation \"index_users_on_email\" already exists", null)))
                .contains(DUPLICATE_INDEX_NAME);
        assertThat(ErrorCatalog.classify(pg("42P07", "relation \"users_email_unique\" already exists", null)))
                .contains(DUPLICATE_CONSTRAINT_NAME);
        assertThat(ErrorCatalog.classify(pg("42P07", "relation \"users\" already exists", null)))
                .contains(TABLE_ALREADY_EXISTS);
    }

    @Test
    void broadStatesNeedAMessageThatAgrees() {
        assertThat(ErrorCatalog.classify(pg("42710", "type \"mood\" already exists", null)))
                .isEmpty();
        assertThat(ErrorCatalog.classify(
                        pg("42804", "column \"n\" is of type integer but expression is of type text", null)))
                .isEmpty();
        assertThat(ErrorCatalog.classify(pg("57014", "canceling statement due to user request", null)))
                .isEmpty();
        assertThat(ErrorCatalog.classify(pg("42601", "syntax error at or near \"TABEL\"", null)))
                .isEmpty();
    }

    @Test
    void messageTemplatesStandInForAMissingCode() {
        assertThat(ErrorCatalog.classify(pg(null, "Duplicate foreign key constraint name 'fk_rails_1'", null)))
                .contains(DUPLICATE_CONSTRAINT_NAME);
        assertThat(ErrorCatalog.classify(pg(
                        null,
                        "Can't create table `d`.`t` (errno: 150 \"Foreign key constraint is incorrectly formed\")",
                        null)))
                .contains(FK_INCOMPATIBLE);
        assertThat(ErrorCatalog.classify(pg(null, "relation \"x_idx\" already exists", "CREATE INDEX x_idx ON x (a)")))
                .contains(DUPLICATE_INDEX_NAME);
        assertThat(ErrorCatalog.classify(pg("42S02", "something a driver reworded", null)))
                .contains(MISSING_TABLE);
        assertThat(ErrorCatalog.classify(
                        pg("70100", "Query execution was interrupted (max_statement_time exceeded)", null)))
                .as("MariaDB's state for 1969 looks like no MySQL state; without the number the message decides")
                .contains(STATEMENT_TIMEOUT);
    }

    @Test
    void toolMessagesHaveKindsOfTheirOwn() {
        assertThat(ErrorCatalog.classify(
                        pg(null, "Dirty database version 20240115093000. Fix and force version.", null)))
                .contains(DIRTY_VERSION);
        assertThat(ErrorCatalog.classify(pg(null, "Detected failed migration to version 2 (add fk).", null)))
                .contains(FAILED_MIGRATION);
        assertThat(ErrorCatalog.classify(
                        pg(null, "The `20240101_init` migration started at 2024-01-01 10:00:00 UTC failed", null)))
                .contains(FAILED_MIGRATION);
        assertThat(ErrorCatalog.classify(pg(
                        null,
                        "Could not acquire change log lock.  Currently locked by h (10.0.0.5) since 1/15/24, 9:30 AM",
                        null)))
                .contains(STUCK_LOCK);
        assertThat(ErrorCatalog.classify(pg(null, "Migration checksum mismatch for migration version 1", null)))
                .contains(CHECKSUM_MISMATCH);
    }

    @ParameterizedTest
    @EnumSource(FindingKind.class)
    void everyKindIsExplainedInOneLine(FindingKind kind) {
        assertThat(ErrorCatalog.explain(kind)).isNotBlank().doesNotContain("\n");
    }

    @Test
    void theDuplicateNameExplanationCarriesTheMySqlFacts() {
        assertThat(ErrorCatalog.explain(DUPLICATE_CONSTRAINT_NAME))
                .contains("unique per schema")
                .contains("RENAME TABLE keeps them");
    }
}
