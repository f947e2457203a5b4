package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A migration changes a column's type over rows whose values the new type cannot hold, with real Flyway on both
 * engines (PostgreSQL with USING, MariaDB MODIFY). fix-unconvertible-values backs up those rows only, sets their value
 * to the operator's (after a guard that it fits), to NULL, or cuts it to the new length; the migration finishes and is
 * recorded, and Flyway's own next run applies a later migration. A 42804 (no USING) recommends nothing.
 * Names need quoting (a space, mixed case), so nothing works by an accident of folding.
 */
class TypeConversionRepairIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Rows 2, 5 and 6 do not convert to an integer; 1, 3 (NULL) and 4 (spaces around a number) do. */
    private static String items(Engine engine) {
        String t = q(engine, "Stock Items");
        return "CREATE TABLE " + t + " (id BIGINT PRIMARY KEY, " + q(engine, "Qty") + " VARCHAR(20));\n"
                + "INSERT INTO " + t + " VALUES (1, '3'), (2, 'three'), (3, NULL), (4, ' -12 '), (5, '4 pcs'),"
                + " (6, '99999999999');\n";
    }

    private static String toInteger(Engine engine) {
        return engine == Engine.POSTGRESQL
                ? "ALTER TABLE \"Stock Items\" ALTER COLUMN \"Qty\" TYPE INTEGER USING \"Qty\"::integer;\n"
                : "ALTER TABLE `Stock Items` MODIFY `Qty` INT;\n";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void setValueAfterAGuardThenFlywayGoesOn(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "unfit set value")) {
            Path migrations = dir.resolve("m");
            Path error = failedV2(db, migrations, dir, items(engine), toInteger(engine));
            JsonNode f = diagnosed(db, error, migrations);
            assertThat(f.at("/playbooks/0").asText()).as(f.toString()).isEqualTo("fix-unconvertible-values");
            assertThat(f.at("/evidence").toString()).contains("3 row(s) of Stock Items hold a value of Qty");

            Fingerprint before = Fingerprint.of(db);
            CliRun undecided = CliRun.on(db, "repair", concat(args(error, migrations, dir.resolve("b0")), "--yes"));
            assertThat(undecided.exitCode()).as(undecided.all()).isEqualTo(6);
            assertThat(undecided.err())
                    .contains("--param policy=")
                    .contains("set-null = ")
                    .contains("truncate = ");
            assertThat(Fingerprint.of(db)).isEqualTo(before);

            // a value the new type cannot hold either: the guard stops the step before any row changes
            List<String> wrong = args(error, migrations, dir.resolve("b1"));
            wrong.addAll(List.of("--param", "policy=set-value", "--param", "value=lots"));
            CliRun refused = CliRun.on(db, "repair", concat(wrong, "--yes"));
            assertThat(refused.exitCode()).as(refused.all()).isEqualTo(4);
            assertThat(refused.all()).contains("guard failed: 1 row(s)");
            assertThat(Fingerprint.of(db).rows().get("Stock Items"))
                    .isEqualTo(before.rows().get("Stock Items"));

            Path backup = dir.resolve("b");
            List<String> decided = args(error, migrations, backup);
            decided.addAll(List.of("--param", "policy=set-value", "--param", "value=0"));
            CliRun dry = CliRun.on(db, "repair", concat(decided, "--dry-run"));
            assertThat(dry.exitCode()).as(dry.all()).isZero();
            assertThat(dry.out())
                    .contains("set Qty to the value given where " + (engine == Engine.POSTGRESQL ? "INTEGER" : "INT")
                            + " cannot hold its value")
                    .contains("updates 3 rows of Stock Items")
                    .contains("(id 2, 5, 6)")
                    .contains("UPDATE")
                    .contains("Nothing was changed");
            assertThat(Fingerprint.of(db)).as("the dry run changes nothing").isEqualTo(before);
            assertThat(Files.exists(backup)).isFalse();

            JsonNode report = repaired(db, decided);
            assertThat(step(report, "fix-unfit-rows").at("/rowsChanged").asLong())
                    .isEqualTo(3);
            assertThat(stock(db))
                    .containsExactly(
                            List.of("1", "3"),
                            List.of("2", "0"),
                            Arrays.asList("3", null),
                            List.of("4", "-12"),
                            List.of("5", "0"),
                            List.of("6", "0"));
            assertThat(backedUp(backup, "Stock Items")).isEqualTo(3);
            assertThat(typeOf(db, "Stock Items", "Qty")).isEqualTo(engine == Engine.POSTGRESQL ? "integer" : "int");
            flywayGoesOn(db, migrations, "Stock Items");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void setNullThenFlywayGoesOn(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "unfit set null")) {
            Path migrations = dir.resolve("m");
            Path error = failedV2(db, migrations, dir, items(engine), toInteger(engine));
            diagnosed(db, error, migrations);

            Path backup = dir.resolve("b");
            List<String> decided = args(error, migrations, backup);
            decided.addAll(List.of("--param", "policy=set-null"));
            JsonNode report = repaired(db, decided);
            assertThat(step(report, "fix-unfit-rows").at("/rowsChanged").asLong())
                    .isEqualTo(3);
            assertThat(stock(db))
                    .containsExactly(
                            List.of("1", "3"),
                            Arrays.asList("2", null),
                            Arrays.asList("3", null),
                            List.of("4", "-12"),
                            Arrays.asList("5", null),
                            Arrays.asList("6", null));
            assertThat(backedUp(backup, "Stock Items")).isEqualTo(3);
            assertThat(typeOf(db, "Stock Items", "Qty")).isEqualTo(engine == Engine.POSTGRESQL ? "integer" : "int");
            flywayGoesOn(db, migrations, "Stock Items");
        }
    }

    /** Deleting the rows is explicit, and the rows of another table that reference them are decided first. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void deleteDecidesTheReferencingRowsFirstThenFlywayGoesOn(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "unfit delete")) {
            Path migrations = dir.resolve("m");
            String moves = "CREATE TABLE moves (id BIGINT PRIMARY KEY, item_id BIGINT,"
                    + " CONSTRAINT moves_item_fk FOREIGN KEY (item_id) REFERENCES " + q(engine, "Stock Items")
                    + " (id));\nINSERT INTO moves VALUES (10, 2), (11, 1);\n";
            Path error = failedV2(db, migrations, dir, items(engine) + moves, toInteger(engine));
            diagnosed(db, error, migrations);

            Fingerprint before = Fingerprint.of(db);
            List<String> deleteOnly = args(error, migrations, dir.resolve("b0"));
            deleteOnly.addAll(List.of("--param", "policy=delete"));
            CliRun undecided = CliRun.on(db, "repair", concat(deleteOnly, "--yes"));
            assertThat(undecided.exitCode()).as(undecided.all()).isEqualTo(6);
            assertThat(undecided.err()).contains("moves").contains("--param referencing=");
            assertThat(Fingerprint.of(db)).isEqualTo(before);

            Path backup = dir.resolve("b");
            List<String> decided = args(error, migrations, backup);
            decided.addAll(List.of("--param", "policy=delete", "--param", "referencing=delete"));
            repaired(db, decided);
            assertThat(stock(db)).containsExactly(List.of("1", "3"), Arrays.asList("3", null), List.of("4", "-12"));
            assertThat(Plans.rows(db, "SELECT id, item_id FROM moves ORDER BY id"))
                    .containsExactly(List.of("11", "1"));
            assertThat(backedUp(backup, "Stock Items")).isEqualTo(3);
            assertThat(backedUp(backup, "moves")).isEqualTo(1);
            flywayGoesOn(db, migrations, "Stock Items");
        }
    }

    /** A shorter varchar: the longer strings cut to the new length; truncate is refused for a number. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void truncateToTheNewLengthThenFlywayGoesOn(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "unfit truncate")) {
            Path migrations = dir.resolve("m");
            String v1 = "CREATE TABLE customers (id BIGINT PRIMARY KEY, code VARCHAR(40) NOT NULL);\n"
                    + "INSERT INTO customers VALUES (1, 'ab-1'), (2, 'abcdefghij-2'), (3, 'xy'), (4, 'abcdefghijk-4');\n";
            String v2 = engine == Engine.POSTGRESQL
                    ? "ALTER TABLE customers ALTER COLUMN code TYPE VARCHAR(5);\n"
                    : "ALTER TABLE customers MODIFY code VARCHAR(5) NOT NULL;\n";
            Path error = failedV2(db, migrations, dir, v1, v2);
            diagnosed(db, error, migrations);

            Fingerprint before = Fingerprint.of(db);
            List<String> nulls = args(error, migrations, dir.resolve("b0"));
            nulls.addAll(List.of("--param", "policy=set-null"));
            CliRun refused = CliRun.on(db, "repair", concat(nulls, "--yes"));
            assertThat(refused.exitCode()).as(refused.all()).isNotZero();
            assertThat(refused.err()).contains("is NOT NULL");
            assertThat(Fingerprint.of(db)).isEqualTo(before);

            Path backup = dir.resolve("b");
            List<String> decided = args(error, migrations, backup);
            decided.addAll(List.of("--param", "policy=truncate"));
            JsonNode report = repaired(db, decided);
            assertThat(step(report, "fix-unfit-rows").at("/rowsChanged").asLong())
                    .isEqualTo(2);
            assertThat(Plans.rows(db, "SELECT id, code FROM customers ORDER BY id"))
                    .containsExactly(
                            List.of("1", "ab-1"), List.of("2", "abcde"), List.of("3", "xy"), List.of("4", "abcde"));
            assertThat(backedUp(backup, "customers")).isEqualTo(2);
            assertThat(typeOf(db, "customers", "code")).isIn("character varying", "varchar");
            flywayGoesOn(db, migrations, "customers");
        }
    }

    /**
     * The value fits the new type, but the migration's own USING does not convert it (a smallint cast on the way to an
     * integer): the guard stops the repair before any row changes; a value USING converts goes through.
     */
    @Test
    void setValueIsGuardedByTheMigrationsUsing(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "unfit using guard")) {
            Path migrations = dir.resolve("m");
            Path error = failedV2(
                    db,
                    migrations,
                    dir,
                    items(Engine.POSTGRESQL),
                    "ALTER TABLE \"Stock Items\" ALTER COLUMN \"Qty\" TYPE INTEGER USING \"Qty\"::smallint;\n");
            diagnosed(db, error, migrations);

            Fingerprint before = Fingerprint.of(db);
            List<String> wrong = args(error, migrations, dir.resolve("b0"));
            wrong.addAll(List.of("--param", "policy=set-value", "--param", "value=40000"));
            CliRun refused = CliRun.on(db, "repair", concat(wrong, "--yes"));
            assertThat(refused.exitCode()).as(refused.all()).isEqualTo(4);
            assertThat(refused.all()).contains("out of range for type smallint");
            assertThat(Fingerprint.of(db).rows().get("Stock Items"))
                    .isEqualTo(before.rows().get("Stock Items"));

            List<String> decided = args(error, migrations, dir.resolve("b"));
            decided.addAll(List.of("--param", "policy=set-value", "--param", "value=7"));
            repaired(db, decided);
            assertThat(stock(db))
                    .containsExactly(
                            List.of("1", "3"),
                            List.of("2", "7"),
                            Arrays.asList("3", null),
                            List.of("4", "-12"),
                            List.of("5", "7"),
                            List.of("6", "7"));
            flywayGoesOn(db, migrations, "Stock Items");
        }
    }

    /** No USING: no value is at fault but the statement, so no repair is recommended, and choosing one is refused. */
    @Test
    void a42804RecommendsNothing(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "unfit 42804")) {
            Path migrations = dir.resolve("m");
            Path error = failedV2(
                    db,
                    migrations,
                    dir,
                    items(Engine.POSTGRESQL),
                    "ALTER TABLE \"Stock Items\" ALTER COLUMN \"Qty\" TYPE INTEGER;\n");
            JsonNode f = diagnosed(db, error, migrations);
            assertThat(f.at("/playbooks").size()).as(f.toString()).isZero();
            assertThat(f.at("/evidence").toString()).contains("needs USING");

            Fingerprint before = Fingerprint.of(db);
            List<String> chosen = args(error, migrations, dir.resolve("b"));
            chosen.addAll(List.of("--param", "policy=set-null"));
            CliRun refused = CliRun.on(db, "repair", concat(chosen, "--yes"));
            assertThat(refused.exitCode()).as(refused.all()).isNotZero();
            assertThat(refused.err()).contains("needs USING");
            assertThat(Fingerprint.of(db)).isEqualTo(before);
        }
    }

    private static String q(Engine engine, String name) {
        return engine == Engine.POSTGRESQL ? "\"" + name + "\"" : "`" + name + "`";
    }

    /** V1 applied, V2 failed on the rows; the error text as Flyway reports it. */
    private static Path failedV2(ScratchDatabase db, Path migrations, Path dir, String v1, String v2) throws Exception {
        Map<String, String> scripts = new LinkedHashMap<>();
        scripts.put("V1__base.sql", v1);
        scripts.put("V2__change_type.sql", v2);
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
        return StreamSupport.stream(
                        JSON.readTree(diagnose.out()).at("/findings").spliterator(), false)
                .filter(x -> x.at("/kind").asText().equals("TYPE_CONVERSION"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no TYPE_CONVERSION in " + diagnose.out()));
    }

    private static JsonNode repaired(ScratchDatabase db, List<String> decided) throws Exception {
        CliRun run = CliRun.on(db, "repair", concat(decided, "--yes", "--format", "json"));
        assertThat(run.exitCode()).as(run.all()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.at("/playbook").asText()).isEqualTo("fix-unconvertible-values");
        assertThat(report.at("/status").asText()).isEqualTo("verified");
        assertThat(report.at("/verification").findValuesAsText("check"))
                .anyMatch(c -> c.startsWith("every value of "))
                .contains("every statement of migration 2 is in effect")
                .contains("flyway history has no failed or dirty entry");
        assertThat(report.at("/verification").findValuesAsText("holds")).containsOnly("true");
        return report;
    }

    /** Flyway validates and applies V3. */
    private static void flywayGoesOn(ScratchDatabase db, Path migrations, String table) throws Exception {
        Files.writeString(
                migrations.resolve("V3__note.sql"),
                "ALTER TABLE " + q(db.engine(), table) + " ADD COLUMN note VARCHAR(40);\n");
        MigrateResult next = FlywayRun.flyway(db, migrations, Map.of()).migrate();
        assertThat(next.success).isTrue();
        assertThat(next.migrationsExecuted).isEqualTo(1);
        assertThat(next.targetSchemaVersion).isEqualTo("3");
    }

    private static List<List<String>> stock(ScratchDatabase db) throws Exception {
        return Plans.rows(
                db, "SELECT id, " + q(db.engine(), "Qty") + " FROM " + q(db.engine(), "Stock Items") + " ORDER BY id");
    }

    private static String typeOf(ScratchDatabase db, String table, String column) throws Exception {
        String schema = db.engine() == Engine.POSTGRESQL ? "current_schema()" : "DATABASE()";
        return db.scalar("SELECT data_type FROM information_schema.columns WHERE table_schema = " + schema
                + " AND table_name = '" + table + "' AND column_name = '" + column + "'");
    }

    /** The rows the backup's manifest says it holds for {@code table}: only the rows the fix changed. */
    private static long backedUp(Path backup, String table) throws Exception {
        JsonNode manifest = JSON.readTree(backup.resolve("tables/manifest.json").toFile());
        JsonNode saved = StreamSupport.stream(manifest.at("/tables").spliterator(), false)
                .filter(t -> t.toString().contains("\"" + table + "\""))
                .findFirst()
                .orElseThrow(() -> new AssertionError(table + " not backed up: " + manifest));
        return saved.at("/rows").asLong();
    }

    private static List<String> args(Path error, Path migrations, Path backup) {
        return new ArrayList<>(List.of(
                "fix-unconvertible-values",
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
