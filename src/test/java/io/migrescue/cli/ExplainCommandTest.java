package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrescue.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code explain} recognises the error of every field report, from a file, from --error and from a pipe. */
class ExplainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CORPUS = Path.of("src/test/resources/errors");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "psql/fr01-qualified-table-missing.txt, MISSING_TABLE, missing-table",
        "golang-migrate/fr01-table-in-other-schema.txt, MISSING_TABLE, missing-table",
        "prisma/fr02-p3018-fk-already-exists.txt, DUPLICATE_CONSTRAINT_NAME, replace-constraint",
        "prisma/fr02-p3018-missing-column.txt, MISSING_COLUMN, ",
        "supabase/fr03-missing-column.txt, MISSING_COLUMN, ",
        "supabase/fr03-table-created-by-hand.txt, TABLE_ALREADY_EXISTS, move-aside-existing-table",
        "drizzle/fr04-push-then-migrate.txt, TABLE_ALREADY_EXISTS, move-aside-existing-table",
        "laravel/fr05-mariadb-errno121-as-reported.txt, DUPLICATE_CONSTRAINT_NAME, rename-conflicting-constraint",
        "laravel/fr05-artisan-migrate-force.txt, DUPLICATE_CONSTRAINT_NAME, rename-conflicting-constraint",
        "laravel/fr05-symfony-console-wrapped.txt, DUPLICATE_CONSTRAINT_NAME, rename-conflicting-constraint",
        "flyway/mysql8-3780.txt, FK_INCOMPATIBLE, align-fk-column-types",
        "mysql-cli/mariadb-errno150.txt, FK_INCOMPATIBLE, align-fk-column-types",
        "plain/pg-check-violated-no-sqlstate.txt, CHECK_VIOLATION, fix-check-violations",
        "mysql-cli/mariadb-4025-check.txt, CHECK_VIOLATION, fix-check-violations",
        "laravel/laravel11-mariadb-4025-check.txt, CHECK_VIOLATION, fix-check-violations",
        "mysql-cli/mysql8-3819-check.txt, CHECK_VIOLATION, fix-check-violations",
        "flyway/pg-type-invalid-integer.txt, TYPE_CONVERSION, fix-unconvertible-values",
        "flyway/mariadb-type-truncated-integer.txt, TYPE_CONVERSION, fix-unconvertible-values"
    })
    void recognisesEachFieldReport(String file, String kind, String playbook) throws Exception {
        CliRun run = CliRun.run("explain", "--error-file", CORPUS.resolve(file).toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.all()).isZero();
        JsonNode finding = JSON.readTree(run.out()).at("/findings/0");
        assertThat(finding.at("/kind").asText()).isEqualTo(kind);
        assertThat(finding.at("/evidence/0").asText()).isNotBlank();
        if (playbook != null) {
            assertThat(finding.at("/playbooks").toString())
                    .contains(playbook.replace("missing-table", "create-missing-table"));
        }
    }

    /** A 42804 is the statement's fault (no USING): no playbook is offered, the file must be edited. */
    @Test
    void aTypeChangeWithoutUsingOffersNoPlaybook() throws Exception {
        CliRun run = CliRun.run(
                "explain",
                "--error-file",
                CORPUS.resolve("flyway/pg-type-no-using.txt").toString(),
                "--format",
                "json");
        assertThat(run.exitCode()).as(run.all()).isZero();
        JsonNode finding = JSON.readTree(run.out()).at("/findings/0");
        assertThat(finding.at("/kind").asText()).isEqualTo("TYPE_CONVERSION");
        assertThat(finding.at("/playbooks").size()).as(finding.toString()).isZero();
    }

    @Test
    void textReportForFieldReport05() throws Exception {
        String text = Files.readString(CORPUS.resolve("laravel/fr05-mariadb-errno121-as-reported.txt"));
        CliRun run = CliRun.run("explain", "--error", text);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Error     MariaDB 1005 (HY000) via laravel")
                .contains("DUPLICATE_CONSTRAINT_NAME")
                .contains("unique per schema")
                .contains("Fix with  migrescue repair rename-conflicting-constraint");
    }

    /** A violated CHECK, as a wrapper prints PostgreSQL's (no SQLSTATE) and as MariaDB sends it (its own 4025). */
    @Test
    void aViolatedCheckIsNamedWithItsTable() {
        CliRun pg = CliRun.run(
                "explain",
                "--error",
                "ERROR:  check constraint \"o_total_chk\" of relation \"o\" is violated by some row");
        assertThat(pg.exitCode()).as(pg.all()).isZero();
        assertThat(pg.out())
                .contains("CHECK_VIOLATION")
                .contains("PostgreSQL")
                .contains("Fix with  migrescue repair fix-check-violations");
        CliRun maria = CliRun.run(
                "explain", "--error", "ERROR 4025 (23000) at line 1: CONSTRAINT `o_total_chk` failed for `chk1`.`o`");
        assertThat(maria.exitCode()).as(maria.all()).isZero();
        assertThat(maria.out())
                .contains("MariaDB 4025")
                .contains("CHECK_VIOLATION")
                .contains("Fix with  migrescue repair fix-check-violations");
    }

    @Test
    void readsAPipeWhenNoOptionIsGiven() {
        CliRun run = CliRun.withStdin(
                "noise\nERROR 1050 (42S01) at line 3: Table 'invoices' already exists\nmore noise\n",
                Map.of(),
                List.of("explain"));
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("TABLE_ALREADY_EXISTS");
    }

    @Test
    void unrecognisedTextExitsOneAndEmptyInputIsAUsageError() {
        CliRun unknown = CliRun.run("explain", "--error", "the coffee machine is broken");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.out()).contains("Not recognised");
        assertThat(CliRun.run("explain").exitCode()).isEqualTo(2);
        assertThat(CliRun.run("explain", "--error-file", "/no/such/file").err()).contains("no such file");
    }
}
