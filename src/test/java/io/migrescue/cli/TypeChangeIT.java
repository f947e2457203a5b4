package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.Fingerprint;
import io.migrescue.testing.FlywayRun;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A migration changes a column's type over rows that do not survive it, with real Flyway on both engines: preflight
 * predicts the failure with the server's code and counts the rows; Flyway then fails there with that code; diagnose,
 * given Flyway's output, names TYPE_CONVERSION, the table, the column and the number of rows that do not convert.
 * Names are mixed case and quoted where the engine keeps case, so nothing works by an accident of folding.
 */
class TypeChangeIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param predicted what preflight's cause must say (the code it predicts)
     * @param failure   what Flyway's failure must say (the same code, from the server)
     * @param rows      the evidence of the non-converting rows, in both preflight and diagnose
     */
    record Case(
            String name,
            Engine engine,
            String v1,
            String v2,
            String table,
            String column,
            String predicted,
            List<String> failure,
            String rows) {
        @Override
        public String toString() {
            return name + " on " + engine.id();
        }
    }

    static Stream<Case> cases() {
        String items = "INSERT INTO %s VALUES (1, '3'), (2, 'three'), (3, NULL), (4, ' -12 '), (5, '4 pcs'),"
                + " (6, '99999999999');\n";
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(
                "text to integer without USING",
                Engine.POSTGRESQL,
                "CREATE TABLE \"Stock Items\" (id BIGINT PRIMARY KEY, \"Qty\" TEXT);\n"
                        + items.formatted("\"Stock Items\""),
                "ALTER TABLE \"Stock Items\" ALTER COLUMN \"Qty\" TYPE INTEGER;\n",
                "Stock Items",
                "Qty",
                "42804",
                List.of("SQL State  : 42804", "cannot be cast automatically to type integer", "USING \"Qty\"::INTEGER"),
                "3 row(s) of Stock Items hold a value of Qty that INTEGER cannot hold"));
        cases.add(new Case(
                "text to integer with USING",
                Engine.POSTGRESQL,
                "CREATE TABLE \"Stock Items\" (id BIGINT PRIMARY KEY, \"Qty\" VARCHAR(20));\n"
                        + items.formatted("\"Stock Items\""),
                "ALTER TABLE \"Stock Items\" ALTER COLUMN \"Qty\" TYPE INTEGER USING \"Qty\"::integer;\n",
                "Stock Items",
                "Qty",
                "22P02",
                List.of("SQL State  : 22P02", "invalid input syntax for type integer: \"three\""),
                "3 row(s) of Stock Items hold a value of Qty that INTEGER cannot hold"));
        String prices = "INSERT INTO prices VALUES (1, '3.5'), (2, 'n/a'), (3, NULL), (4, ' 999.94 '), (5, '12345.6'),"
                + " (6, '-1e2'), (7, '999.96');\n";
        cases.add(new Case(
                "text to decimal with USING",
                Engine.POSTGRESQL,
                "CREATE TABLE prices (id BIGINT PRIMARY KEY, amount TEXT);\n" + prices,
                "ALTER TABLE prices ALTER COLUMN amount TYPE NUMERIC(4,1) USING amount::numeric(4,1);\n",
                "prices",
                "amount",
                "22P02",
                List.of("SQL State  : 22P02", "invalid input syntax for type numeric: \"n/a\""),
                "3 row(s) of prices hold a value of amount that NUMERIC(4,1) cannot hold (not a number, or outside"));
        cases.add(new Case(
                "text to decimal",
                Engine.MARIADB,
                "CREATE TABLE prices (id BIGINT PRIMARY KEY, amount VARCHAR(20));\n" + prices,
                "ALTER TABLE prices MODIFY amount DECIMAL(4,1);\n",
                "prices",
                "amount",
                "1292",
                List.of("Error Code : 1292", "Truncated incorrect DECIMAL value: 'n/a'"),
                "3 row(s) of prices hold a value of amount that DECIMAL(4,1) cannot hold (not a number, or outside"));
        cases.add(new Case(
                "shorter varchar",
                Engine.POSTGRESQL,
                "CREATE TABLE customers (id BIGINT PRIMARY KEY, code VARCHAR(40));\n"
                        + "INSERT INTO customers VALUES (1, 'ab-1'), (2, 'abcdefghij-2'), (3, NULL), (4, 'abcdefghijk-4');\n",
                "ALTER TABLE customers ALTER COLUMN code TYPE VARCHAR(5);\n",
                "customers",
                "code",
                "22001",
                List.of("SQL State  : 22001", "value too long for type character varying(5)"),
                "2 row(s) of customers hold a value of code that VARCHAR(5) cannot hold"));
        cases.add(new Case(
                "text to integer",
                Engine.MARIADB,
                "CREATE TABLE `Stock Items` (id BIGINT PRIMARY KEY, `Qty` VARCHAR(20));\n"
                        + items.formatted("`Stock Items`"),
                "ALTER TABLE `Stock Items` MODIFY `Qty` INT;\n",
                "Stock Items",
                "Qty",
                "1292",
                List.of("Error Code : 1292", "Truncated incorrect INTEGER value: 'three'"),
                "3 row(s) of Stock Items hold a value of Qty that INT cannot hold"));
        cases.add(new Case(
                "shorter varchar (1265, not NULLs)",
                Engine.MARIADB,
                "CREATE TABLE customers (id BIGINT PRIMARY KEY, code VARCHAR(40));\n"
                        + "INSERT INTO customers VALUES (1, 'ab-1'), (2, 'abcdefghij-2'), (3, NULL), (4, 'abcdefghijk-4');\n",
                "ALTER TABLE customers MODIFY code VARCHAR(5);\n",
                "customers",
                "code",
                "1265",
                List.of("Error Code : 1265", "Data truncated for column 'code' at row 2"),
                "2 row(s) of customers hold a value of code that VARCHAR(5) cannot hold"));
        cases.add(new Case(
                "shorter varchar, NOT NULL already (1265: the catalog decides)",
                Engine.MARIADB,
                "CREATE TABLE customers (id BIGINT PRIMARY KEY, code VARCHAR(40) NOT NULL);\n"
                        + "INSERT INTO customers VALUES (1, 'ab-1'), (2, 'abcdefghij-2'), (4, 'abcdefghijk-4');\n",
                "ALTER TABLE customers MODIFY code VARCHAR(5) NOT NULL;\n",
                "customers",
                "code",
                "1265",
                List.of("Error Code : 1265", "Data truncated for column 'code'"),
                "2 row(s) of customers hold a value of code that VARCHAR(5) cannot hold"));
        cases.add(new Case(
                "shorter varchar made NOT NULL, no NULLs (1265: the rows decide)",
                Engine.MARIADB,
                "CREATE TABLE customers (id BIGINT PRIMARY KEY, code VARCHAR(40) NULL);\n"
                        + "INSERT INTO customers VALUES (1, 'ab-1'), (2, 'abcdefghij-2'), (4, 'abcdefghijk-4');\n",
                "ALTER TABLE customers MODIFY code VARCHAR(5) NOT NULL;\n",
                "customers",
                "code",
                "1265",
                List.of("Error Code : 1265", "Data truncated for column 'code'"),
                "2 row(s) of customers hold a value of code that VARCHAR(5) cannot hold"));
        cases.add(new Case(
                "bigint to int out of range",
                Engine.MARIADB,
                "CREATE TABLE counters (id BIGINT PRIMARY KEY, hits BIGINT NOT NULL);\n"
                        + "INSERT INTO counters VALUES (1, 10), (2, 3000000000), (3, -2147483648), (4, -2147483649);\n",
                "ALTER TABLE counters MODIFY hits INT NOT NULL;\n",
                "counters",
                "hits",
                "1264",
                List.of("Error Code : 1264", "Out of range value for column 'hits' at row 2"),
                "2 row(s) of counters hold a value of hits that INT cannot hold"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void preflightPredictsItFlywayFailsSoAndDiagnoseCountsTheRows(Case c, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(c.engine(), "type change " + c.name())) {
            Path migrations = dir.resolve("migrations");
            assertThat(FlywayRun.flyway(db, migrations, Map.of("V1__base.sql", c.v1()))
                            .migrate()
                            .success)
                    .isTrue();
            Files.writeString(migrations.resolve("V2__change_type.sql"), c.v2());

            Fingerprint before = Fingerprint.of(db);
            CliRun preflight = CliRun.on(db, "preflight", "--migrations", migrations.toString(), "--format", "json");
            assertThat(preflight.exitCode()).as(preflight.all()).isEqualTo(1);
            assertThat(Fingerprint.of(db)).isEqualTo(before);
            JsonNode predicted = JSON.readTree(preflight.out()).at("/findings");
            assertThat(predicted.size()).as(preflight.out()).isEqualTo(1);
            assertThat(predicted.at("/0/kind").asText()).isEqualTo("TYPE_CONVERSION");
            assertThat(predicted.at("/0/migration/file").asText()).isEqualTo("V2__change_type.sql");
            assertThat(predicted.at("/0/cause").asText())
                    .contains(c.predicted())
                    .contains(c.column());
            assertThat(predicted.at("/0/evidence").toString()).contains(c.rows());

            String failure = FlywayRun.migrateExpectingFailure(FlywayRun.flyway(db, migrations, Map.of()));
            assertThat(failure).as("Flyway was expected to fail").isNotNull();
            assertThat(failure).contains("V2__change_type.sql");
            c.failure().stream()
                    .filter(s -> !s.startsWith("USING"))
                    .forEach(s -> assertThat(failure).contains(s));

            Path errorFile = dir.resolve("flyway.log");
            Files.writeString(errorFile, failure);
            CliRun explain = CliRun.run("explain", "--error-file", errorFile.toString());
            // without the statement (Flyway hides it) 1265 may as well be NULLs: only diagnose, with the catalog, can
            // tell
            assertThat(explain.out())
                    .as(explain.all())
                    .contains(c.predicted().equals("1265") ? "NULL_VALUES" : "TYPE_CONVERSION");

            CliRun diagnose = CliRun.on(
                    db,
                    "diagnose",
                    "--error-file",
                    errorFile.toString(),
                    "--migrations",
                    migrations.toString(),
                    "--format",
                    "json");
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            JsonNode finding = finding(JSON.readTree(diagnose.out()), "TYPE_CONVERSION");
            assertThat(finding.at("/stale").asBoolean()).as(finding.toString()).isFalse();
            assertThat(finding.at("/objects/table").asText()).isEqualTo(c.table());
            assertThat(finding.at("/objects/column").asText()).isEqualTo(c.column());
            assertThat(finding.at("/evidence").toString()).contains(c.rows());
            // a 42804 is the statement's fault (no USING): no repair of the rows is offered for it
            if (c.predicted().equals("42804")) {
                assertThat(finding.at("/playbooks").size())
                        .as(finding.toString())
                        .isZero();
            } else {
                assertThat(finding.at("/playbooks/0").asText())
                        .as(finding.toString())
                        .isEqualTo("fix-unconvertible-values");
            }
            for (JsonNode other : JSON.readTree(diagnose.out()).get("findings")) {
                if (other.get("kind").asText().equals("NULL_VALUES")) {
                    assertThat(other.at("/stale").asBoolean())
                            .as("no NULLs here: " + other)
                            .isTrue();
                }
            }
            c.failure().stream()
                    .filter(s -> s.startsWith("USING"))
                    .forEach(s -> assertThat(finding.at("/evidence").toString()).contains(s.replace("\"", "\\\"")));
        }
    }

    private static JsonNode finding(JsonNode doc, String kind) {
        for (JsonNode f : doc.get("findings")) {
            if (f.get("kind").asText().equals(kind)) {
                return f;
            }
        }
        throw new AssertionError("no " + kind + " finding in " + doc.toPrettyString());
    }
}
