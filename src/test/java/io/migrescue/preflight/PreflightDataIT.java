package io.migrescue.preflight;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rows that make a pending statement fail, found before the deploy, with real Flyway on both engines: values a type
 * change cannot hold (too long, out of range, not an integer), rows that fail a new CHECK, and child rows for a
 * foreign key to a table an earlier pending migration creates (empty then: every set key is an orphan). Preflight
 * names the migration, the statement, the cause with counts and example keys, and changes nothing; Flyway fails
 * exactly there with the server's error; on a second database in the same state, the SQL preflight proposed, added
 * before the statement, lets Flyway through.
 */
class PreflightDataIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param pending  the pending migrations in order; the last one fails, at statement {@code n}
     * @param evidence what the evidence must say (counts, example keys)
     * @param error    what the server's error says, in Flyway's failure
     * @param value    what replaces {@code :value} in the proposed SQL
     */
    record Case(
            String name,
            Engine engine,
            String v1,
            Map<String, String> pending,
            String kind,
            int n,
            String evidence,
            String error,
            String value) {
        @Override
        public String toString() {
            return name + " on " + engine.id();
        }

        String failing() {
            return new ArrayList<>(pending.keySet()).get(pending.size() - 1);
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Engine e : List.of(Engine.POSTGRESQL, Engine.MARIADB)) {
            boolean pg = e == Engine.POSTGRESQL;
            cases.add(new Case(
                    "too long for the new type",
                    e,
                    """
                    CREATE TABLE customers (id BIGINT PRIMARY KEY, code VARCHAR(40));
                    INSERT INTO customers VALUES (1, 'ab-1'), (2, 'abcdefghij-2'), (3, NULL), (4, 'abcdefghijk-4'), (5, 'abcdefgh');
                    """,
                    one(
                            "V2__short_codes.sql",
                            "ALTER TABLE customers ADD COLUMN note VARCHAR(100);\n"
                                    + (pg
                                            ? "ALTER TABLE customers ALTER COLUMN code TYPE VARCHAR(8);\n"
                                            : "ALTER TABLE customers MODIFY code VARCHAR(8);\n")),
                    "TYPE_CONVERSION",
                    2,
                    "2 row(s) of customers hold a value of code that",
                    pg ? "value too long" : "Data truncated",
                    null));
            cases.add(new Case(
                    "out of range for the new type",
                    e,
                    """
                    CREATE TABLE counters (id BIGINT PRIMARY KEY, hits BIGINT NOT NULL);
                    INSERT INTO counters VALUES (1, 10), (2, 3000000000), (3, -2147483648), (4, 2147483647);
                    """,
                    one(
                            "V2__int_hits.sql",
                            pg
                                    ? "ALTER TABLE counters ALTER COLUMN hits TYPE INTEGER;\n"
                                    : "ALTER TABLE counters MODIFY hits INT NOT NULL;\n"),
                    "TYPE_CONVERSION",
                    1,
                    "1 row(s) of counters hold a value of hits",
                    pg ? "out of range" : "Out of range",
                    "0"));
            cases.add(new Case(
                    "text that is not an integer",
                    e,
                    """
                    CREATE TABLE items (id BIGINT PRIMARY KEY, qty VARCHAR(20));
                    INSERT INTO items VALUES (1, '3'), (2, 'three'), (3, NULL), (4, '-12'), (5, '4 pcs');
                    """,
                    one(
                            "V2__numeric_qty.sql",
                            pg
                                    ? "ALTER TABLE items ALTER COLUMN qty TYPE INTEGER USING qty::integer;\n"
                                    : "ALTER TABLE items MODIFY qty INT;\n"),
                    "TYPE_CONVERSION",
                    1,
                    "(id = '2', qty = 'three'), (id = '5', qty = '4 pcs')",
                    pg ? "invalid input syntax for type integer" : "Truncated incorrect INTEGER value",
                    "'0'"));
            cases.add(new Case(
                    "rows failing a new CHECK",
                    e,
                    """
                    CREATE TABLE orders (id BIGINT PRIMARY KEY, status VARCHAR(20));
                    INSERT INTO orders VALUES (1, 'new'), (2, 'paid'), (3, 'lost'), (4, NULL), (5, 'refunded');
                    """,
                    one(
                            "V2__status_check.sql",
                            "ALTER TABLE orders ADD CONSTRAINT orders_status_chk"
                                    + " CHECK (status IN ('new', 'paid', 'shipped'));\n"),
                    "CHECK_VIOLATION",
                    1,
                    "2 row(s) of orders fail CHECK",
                    pg ? "violated by some row" : "orders_status_chk",
                    "'new'"));
            Map<String, String> parent = new LinkedHashMap<>();
            parent.put("V2__categories.sql", "CREATE TABLE categories (id BIGINT PRIMARY KEY, name VARCHAR(100));\n");
            parent.put(
                    "V3__products_category_fk.sql",
                    "ALTER TABLE products ADD CONSTRAINT products_category_fk"
                            + " FOREIGN KEY (category_id) REFERENCES categories (id);\n");
            cases.add(new Case(
                    "orphans for a parent a pending migration creates",
                    e,
                    """
                    CREATE TABLE products (id BIGINT PRIMARY KEY, category_id BIGINT NULL);
                    INSERT INTO products VALUES (1, 7), (2, NULL), (3, 8), (4, 7);
                    """,
                    parent,
                    "FK_ORPHAN_ROWS",
                    1,
                    "3 row(s) of products have (category_id) set, and categories will have no row",
                    pg ? "violates foreign key constraint" : "foreign key constraint fails",
                    null));
        }
        return cases.stream();
    }

    private static Map<String, String> one(String file, String sql) {
        return Map.of(file, sql);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void preflightCountsTheRowsThenTheToolFailsThereAndTheFixLetsItThrough(Case c, @TempDir Path dir) throws Exception {
        JsonNode finding;
        try (ScratchDatabase db = ScratchDatabase.create(c.engine(), "preflight data " + c.name())) {
            Path migrations = prepare(db, dir.resolve("before"), c);
            Fingerprint before = Fingerprint.of(db);
            CliRun run = CliRun.on(db, "preflight", "--migrations", migrations.toString(), "--format", "json");
            assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
            assertThat(Fingerprint.of(db)).isEqualTo(before);
            JsonNode report = JSON.readTree(run.out());
            assertThat(report.at("/pending").size()).isEqualTo(c.pending().size());
            assertThat(report.at("/findings").size()).as(run.out()).isEqualTo(1);
            finding = report.at("/findings/0");
            assertThat(finding.at("/kind").asText()).isEqualTo(c.kind());
            assertThat(finding.at("/severity").asText()).isEqualTo("error");
            assertThat(finding.at("/migration/file").asText()).isEqualTo(c.failing());
            assertThat(finding.at("/statement/n").asInt()).isEqualTo(c.n());
            assertThat(finding.at("/evidence").toString()).contains(c.evidence());
            int line = finding.at("/statement/line").asInt();

            String failure = FlywayRun.migrateExpectingFailure(FlywayRun.flyway(db, migrations, Map.of()));
            assertThat(failure).as("Flyway was expected to fail").isNotNull();
            assertThat(failure)
                    .contains(c.failing())
                    .contains(c.error())
                    .containsPattern("Line\\s*:\\s*" + line + "\\b");
        }
        try (ScratchDatabase db = ScratchDatabase.create(c.engine(), "preflight data fix " + c.name())) {
            Path migrations = prepare(db, dir.resolve("after"), c);
            Path file = migrations.resolve(c.failing());
            List<String> lines = new ArrayList<>(Files.readAllLines(file));
            JsonNode sql = finding.at("/fix/sqlBefore");
            assertThat(sql.size())
                    .as("preflight proposed SQL to add: " + finding)
                    .isPositive();
            List<String> added = new ArrayList<>();
            sql.forEach(s ->
                    added.add((c.value() == null ? s.asText() : s.asText().replace(":value", c.value())) + ";"));
            lines.addAll(finding.at("/statement/line").asInt() - 1, added);
            Files.write(file, lines);

            CliRun fixed = CliRun.on(db, "preflight", "--migrations", migrations.toString());
            assertThat(fixed.exitCode()).as(fixed.all()).isZero();
            MigrateResult result = FlywayRun.flyway(db, migrations, Map.of()).migrate();
            assertThat(result.success).isTrue();
            assertThat(result.migrationsExecuted).isEqualTo(c.pending().size());
        }
    }

    private static Path prepare(ScratchDatabase db, Path migrations, Case c) throws Exception {
        assertThat(FlywayRun.flyway(db, migrations, Map.of("V1__base.sql", c.v1()))
                        .migrate()
                        .success)
                .isTrue();
        for (Map.Entry<String, String> m : c.pending().entrySet()) {
            Files.writeString(migrations.resolve(m.getKey()), m.getValue());
        }
        return migrations;
    }
}
