package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.Fingerprint;
import io.migrescue.testing.FlywayRun;
import io.migrescue.testing.Plans;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A migration adds a CHECK that existing rows fail, with real Flyway: on PostgreSQL Flyway rolls V2 back and records
 * nothing, on MariaDB the ALTER is not transactional and Flyway records a failed row. Diagnosis names the constraint,
 * the table and how many rows fail it; fix-check-violations deletes those rows or sets a column in them, as the
 * operator decides, after backing them up; Flyway's own next run then applies V3, and the CHECK holds.
 */
class CheckViolationRepairIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** ids 2 and 4 fail total >= 0; id 3's NULL passes, as on the server. */
    private static final String V1 = """
            CREATE TABLE orders (id BIGINT PRIMARY KEY, total INT, qty INT NOT NULL);
            INSERT INTO orders (id, total, qty) VALUES (1, 10, 1), (2, -5, 1), (3, NULL, 2), (4, -1, 3), (5, 0, 1);
            """;

    private static final String V2 = "ALTER TABLE orders ADD CONSTRAINT orders_total_chk CHECK (total >= 0);\n";

    /** Lines of orders 2 (fails the CHECK) and 1 (passes): a deleted order's line is decided, never cascaded. */
    private static final String LINES = """
            CREATE TABLE order_lines (id BIGINT PRIMARY KEY, order_id BIGINT,
              CONSTRAINT order_lines_order_fk FOREIGN KEY (order_id) REFERENCES orders (id));
            INSERT INTO order_lines (id, order_id) VALUES (20, 2), (21, 1);
            """;

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void deletedRowsAreBackedUpAndFlywayGoesOn(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "check delete")) {
            Path migrations = dir.resolve("m");
            Path error = failedV2(db, migrations, dir, V1 + LINES);

            JsonNode f = diagnosed(db, error, migrations);
            assertThat(f.get("evidence").toString())
                    .contains("2 row(s) of orders fail CHECK (total >= 0)")
                    .contains("id = '2'")
                    .contains("id = '4'");

            List<String> args = args(error, migrations, dir.resolve("b0"));
            Fingerprint before = Fingerprint.of(db);
            CliRun undecided = CliRun.on(db, "repair", concat(args, "--yes"));
            assertThat(undecided.exitCode()).as(undecided.all()).isEqualTo(6);
            assertThat(undecided.err())
                    .contains("--param policy=")
                    .contains("delete = delete the rows that fail the CHECK")
                    .contains("set-column = keep the rows that fail the CHECK");
            assertThat(Fingerprint.of(db)).isEqualTo(before);

            List<String> deleteOnly = args(error, migrations, dir.resolve("b1"));
            deleteOnly.addAll(List.of("--param", "policy=delete"));
            CliRun referenced = CliRun.on(db, "repair", concat(deleteOnly, "--yes"));
            assertThat(referenced.exitCode()).as(referenced.all()).isEqualTo(6);
            assertThat(referenced.err()).contains("order_lines").contains("--param referencing=");
            assertThat(Fingerprint.of(db)).isEqualTo(before);

            Path backup = dir.resolve("b");
            List<String> decided = args(error, migrations, backup);
            decided.addAll(List.of("--param", "policy=delete", "--param", "referencing=set-null"));
            CliRun dry = CliRun.on(db, "repair", concat(decided, "--dry-run"));
            assertThat(dry.exitCode()).as(dry.all()).isZero();
            assertThat(dry.out())
                    .contains("fix-check-violations")
                    .contains("deletes 2 rows of orders, the rows that fail CHECK (total >= 0) (id 2, 4)")
                    .contains("DELETE FROM")
                    .contains("Nothing was changed");
            assertThat(Fingerprint.of(db)).as("the dry run changes nothing").isEqualTo(before);
            assertThat(Files.exists(backup)).isFalse();

            JsonNode report = repaired(db, decided);
            assertThat(step(report, "fix-check-rows").at("/rowsChanged").asLong())
                    .isEqualTo(2);
            assertThat(rows(db)).containsExactly(List.of("1", "10", "1"), nullTotal(), List.of("5", "0", "1"));
            assertThat(Plans.rows(db, "SELECT id, order_id FROM order_lines ORDER BY id"))
                    .as("the line of deleted order 2 kept, its reference set to NULL; the other untouched")
                    .containsExactly(java.util.Arrays.asList("20", null), List.of("21", "1"));
            assertThat(backedUp(backup, "orders")).isEqualTo(2);
            assertThat(backedUp(backup, "order_lines")).isEqualTo(1);

            flywayGoesOn(db, migrations);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void aColumnSetInTheFailingRowsAfterAGuard(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "check set column")) {
            Path migrations = dir.resolve("m");
            Path error = failedV2(db, migrations, dir, V1);
            diagnosed(db, error, migrations);

            // a value that fails the CHECK too: the guard stops the step before any row changes
            Fingerprint before = Fingerprint.of(db);
            List<String> wrong = args(error, migrations, dir.resolve("b0"));
            wrong.addAll(List.of("--param", "policy=set-column", "--param", "column=total", "--param", "value=-3"));
            CliRun refused = CliRun.on(db, "repair", concat(wrong, "--yes"));
            assertThat(refused.exitCode()).as(refused.all()).isEqualTo(4);
            assertThat(refused.all()).contains("guard failed: 2 row(s)");
            assertThat(Fingerprint.of(db).rows().get("orders"))
                    .isEqualTo(before.rows().get("orders"));

            Path backup = dir.resolve("b");
            List<String> decided = args(error, migrations, backup);
            decided.addAll(List.of("--param", "policy=set-column", "--param", "column=total", "--param", "value=0"));
            JsonNode report = repaired(db, decided);
            assertThat(step(report, "fix-check-rows").at("/rowsChanged").asLong())
                    .isEqualTo(2);
            assertThat(rows(db))
                    .containsExactly(
                            List.of("1", "10", "1"),
                            List.of("2", "0", "1"),
                            nullTotal(),
                            List.of("4", "0", "3"),
                            List.of("5", "0", "1"));
            assertThat(backedUp(backup, "orders")).isEqualTo(2);

            flywayGoesOn(db, migrations);
        }
    }

    /**
     * Names that need quoting everywhere (spaces, mixed case, a reserved word) and an unnamed CHECK over two columns, so
     * the server names it: the rows are still chosen by the statement's own expression, the column set is quoted.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void quotedNamesAndAnUnnamedCheck(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "check quoted")) {
            String q = engine == Engine.POSTGRESQL ? "\"" : "`";
            String table = q + "Order Items" + q;
            String from = q + "From" + q;
            String until = q + "Until" + q;
            Path migrations = dir.resolve("m");
            Path error = failedV2(
                    db,
                    migrations,
                    dir,
                    "CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, " + from + " INT NOT NULL, " + until
                            + " INT);\n"
                            + "INSERT INTO " + table + " (id, " + from + ", " + until + ") VALUES (1, 1, 5), (2, 7, 3),"
                            + " (3, 2, NULL), (4, 9, 9);\n",
                    "ALTER TABLE " + table + " ADD CHECK (" + until + " >= " + from + ");\n");
            CliRun diagnose =
                    CliRun.on(db, "diagnose", "--error-file", error.toString(), "--migrations", migrations.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out())
                    .contains("CHECK_VIOLATION")
                    .contains("1 row(s) of Order Items fail CHECK")
                    .contains("Fix with  migrescue repair fix-check-violations");

            List<String> decided = args(error, migrations, dir.resolve("b"));
            decided.addAll(List.of("--param", "policy=set-column", "--param", "column=Until", "--param", "value=7"));
            repaired(db, decided, "every row of Order Items passes CHECK");
            assertThat(Plans.rows(db, "SELECT id, " + from + ", " + until + " FROM " + table + " ORDER BY id"))
                    .containsExactly(
                            List.of("1", "1", "5"),
                            List.of("2", "7", "7"),
                            java.util.Arrays.asList("3", "2", null),
                            List.of("4", "9", "9"));
            Files.writeString(migrations.resolve("V3__note.sql"), "ALTER TABLE " + table + " ADD COLUMN note INT;\n");
            MigrateResult next = FlywayRun.flyway(db, migrations, Map.of()).migrate();
            assertThat(next.success).isTrue();
            assertThat(next.migrationsExecuted).isEqualTo(1);
        }
    }

    /** V1 applied, V2 failed on the rows; the error text as Flyway reports it. */
    private static Path failedV2(ScratchDatabase db, Path migrations, Path dir, String v1) throws Exception {
        return failedV2(db, migrations, dir, v1, V2);
    }

    private static Path failedV2(ScratchDatabase db, Path migrations, Path dir, String v1, String v2) throws Exception {
        Map<String, String> scripts = new LinkedHashMap<>();
        scripts.put("V1__orders.sql", v1);
        scripts.put("V2__orders_total_check.sql", v2);
        String failure = FlywayRun.migrateExpectingFailure(FlywayRun.flyway(db, migrations, scripts));
        assertThat(failure).as("Flyway's V2 fails on the rows").isNotNull();
        Path error = dir.resolve("error.txt");
        Files.writeString(error, failure);
        return error;
    }

    private static JsonNode diagnosed(ScratchDatabase db, Path error, Path migrations) throws Exception {
        CliRun diagnose = CliRun.on(
                db,
                "diagnose",
                "--error-file",
                error.toString(),
                "--migrations",
                migrations.toString(),
                "--format",
                "json");
        assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
        JsonNode f = StreamSupport.stream(
                        JSON.readTree(diagnose.out()).at("/findings").spliterator(), false)
                .filter(x -> x.at("/kind").asText().equals("CHECK_VIOLATION"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no CHECK_VIOLATION in " + diagnose.out()));
        assertThat(f.at("/objects/constraint").asText()).isEqualTo("orders_total_chk");
        assertThat(f.at("/objects/table").asText()).isEqualTo("orders");
        assertThat(f.at("/playbooks/0").asText()).isEqualTo("fix-check-violations");
        return f;
    }

    private static JsonNode repaired(ScratchDatabase db, List<String> decided) throws Exception {
        return repaired(db, decided, "every row of orders passes CHECK (total >= 0)");
    }

    private static JsonNode repaired(ScratchDatabase db, List<String> decided, String check) throws Exception {
        CliRun run = CliRun.on(db, "repair", concat(decided, "--yes", "--format", "json"));
        assertThat(run.exitCode()).as(run.all()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.at("/playbook").asText()).isEqualTo("fix-check-violations");
        assertThat(report.at("/status").asText()).isEqualTo("verified");
        assertThat(report.at("/verification").findValuesAsText("check"))
                .anyMatch(c -> c.startsWith(check))
                .contains("every statement of migration 2 is in effect")
                .contains("flyway history has no failed or dirty entry");
        assertThat(report.at("/verification").findValuesAsText("holds")).containsOnly("true");
        return report;
    }

    /** Flyway validates and applies V3; the CHECK refuses a new failing row. */
    private static void flywayGoesOn(ScratchDatabase db, Path migrations) throws Exception {
        Files.writeString(
                migrations.resolve("V3__orders_note.sql"), "ALTER TABLE orders ADD COLUMN note VARCHAR(40);\n");
        MigrateResult next = FlywayRun.flyway(db, migrations, Map.of()).migrate();
        assertThat(next.success).isTrue();
        assertThat(next.migrationsExecuted).isEqualTo(1);
        assertThat(next.targetSchemaVersion).isEqualTo("3");
        assertThatThrownBy(() -> db.execute("INSERT INTO orders (id, total, qty) VALUES (9, -1, 1)"))
                .isInstanceOf(SQLException.class);
    }

    /** The rows the backup's manifest says it holds for {@code table} (only the rows the fix changed). */
    private static long backedUp(Path backup, String table) throws Exception {
        JsonNode manifest = JSON.readTree(backup.resolve("tables/manifest.json").toFile());
        JsonNode saved = StreamSupport.stream(manifest.at("/tables").spliterator(), false)
                .filter(t -> t.toString().contains("\"" + table + "\""))
                .findFirst()
                .orElseThrow(() -> new AssertionError(table + " not backed up: " + manifest));
        assertThat(saved.toString()).as("only the rows the fix changes").contains("total >= 0");
        return saved.at("/rows").asLong();
    }

    private static List<List<String>> rows(ScratchDatabase db) throws SQLException {
        return Plans.rows(db, "SELECT id, total, qty FROM orders ORDER BY id");
    }

    private static List<String> nullTotal() {
        List<String> row = new ArrayList<>();
        row.add("3");
        row.add(null);
        row.add("2");
        return row;
    }

    private static List<String> args(Path error, Path migrations, Path backup) {
        return new ArrayList<>(List.of(
                "fix-check-violations",
                "--error-file",
                error.toString(),
                "--migrations",
                migrations.toString(),
                "--backup-dir",
                backup.toString()));
    }

    private static String[] concat(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static JsonNode step(JsonNode report, String kind) {
        return StreamSupport.stream(report.at("/steps").spliterator(), false)
                .filter(s -> s.at("/kind").asText().equals(kind))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " step in " + report));
    }
}
