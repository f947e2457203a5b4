package io.migrescue.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrescue.app.DemoScenario;
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
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each failure the field meets, before the deploy, with real Flyway: preflight names the migration, the statement
 * and the cause and changes nothing; Flyway's migrate then fails exactly at that statement; on a second database in
 * the same state, the fix preflight proposed (its SQL added before the statement, or the statement as it should
 * read) makes Flyway's migrate go through.
 */
class PreflightIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param setup   SQL run by hand after V1 (a hotfix, a table dropped), or empty
     * @param v2      the pending migration
     * @param kind    the finding preflight must give, at statement {@code n} of V2
     * @param value   what replaces {@code :value} in the proposed SQL
     */
    record Case(
            String name, Engine engine, String v1, List<String> setup, String v2, String kind, int n, String value) {
        @Override
        public String toString() {
            return name + " on " + engine.id();
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        Map<String, String> fr05 = DemoScenario.scripts(Engine.MARIADB);
        cases.add(new Case(
                "field report 05",
                Engine.MARIADB,
                fr05.get("V1__create_users_and_skp.sql"),
                List.of(),
                fr05.get("V2__total_refactor_skp_system.sql"),
                "DUPLICATE_CONSTRAINT_NAME",
                2,
                null));
        Map<String, String> orphans = DemoScenario.scripts(Engine.POSTGRESQL);
        for (Engine e : List.of(Engine.POSTGRESQL, Engine.MARIADB)) {
            boolean pg = e == Engine.POSTGRESQL;
            cases.add(new Case(
                    "orphans",
                    e,
                    orphans.get("V1__users_and_orders.sql"),
                    List.of(),
                    orphans.get("V2__orders_user_fk.sql"),
                    "FK_ORPHAN_ROWS",
                    1,
                    null));
            cases.add(new Case(
                    "duplicates",
                    e,
                    """
                    CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200));
                    INSERT INTO users (id, email) VALUES (1, 'ana@example.com'), (2, 'ana@example.com'), (3, 'budi@example.com'),
                      (4, 'budi@example.com'), (5, 'budi@example.com'), (6, NULL), (7, NULL);
                    """,
                    List.of(),
                    "ALTER TABLE users ADD COLUMN nick VARCHAR(40);\nCREATE UNIQUE INDEX users_email_uq ON users (email);\n",
                    "DUPLICATE_ROWS",
                    2,
                    null));
            cases.add(new Case(
                    "not null",
                    e,
                    """
                    CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200));
                    INSERT INTO users (id, email) VALUES (1, 'ana@example.com'), (2, NULL), (3, NULL);
                    """,
                    List.of(),
                    pg
                            ? "ALTER TABLE users ALTER COLUMN email SET NOT NULL;\n"
                            : "ALTER TABLE users MODIFY email VARCHAR(200) NOT NULL;\n",
                    "NULL_VALUES",
                    1,
                    "'unknown@example.com'"));
            cases.add(new Case(
                    "fk type mismatch",
                    e,
                    "CREATE TABLE users (id BIGINT PRIMARY KEY);\n"
                            + "CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id " + (pg ? "VARCHAR(20)" : "INT")
                            + ");\n"
                            + "INSERT INTO users VALUES (1), (2);\nINSERT INTO orders VALUES (10, " + (pg ? "'1'" : "1")
                            + "), (11, NULL);\n",
                    List.of(),
                    "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);\n",
                    "FK_INCOMPATIBLE",
                    1,
                    null));
            cases.add(new Case(
                    "column name collision",
                    e,
                    "CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200));\n",
                    List.of("ALTER TABLE users ADD COLUMN phone VARCHAR(40)"),
                    "CREATE INDEX users_email_idx ON users (email);\nALTER TABLE users ADD COLUMN phone VARCHAR(40);\n",
                    "DUPLICATE_COLUMN",
                    2,
                    null));
            cases.add(new Case(
                    "table exists",
                    e,
                    "CREATE TABLE users (id BIGINT PRIMARY KEY);\n",
                    List.of("CREATE TABLE invoices (id BIGINT PRIMARY KEY, amount NUMERIC(10,2))"),
                    "CREATE TABLE invoices (id BIGINT PRIMARY KEY, amount NUMERIC(10,2), issued_at DATE NOT NULL);\n",
                    "TABLE_ALREADY_EXISTS",
                    1,
                    null));
            cases.add(new Case(
                    "missing table",
                    e,
                    "CREATE TABLE users (id BIGINT PRIMARY KEY);\n"
                            + "CREATE TABLE vote_stats (id BIGINT PRIMARY KEY, votes INT NOT NULL);\n",
                    List.of("DROP TABLE vote_stats"),
                    "ALTER TABLE vote_stats ADD COLUMN score INT;\n",
                    "MISSING_TABLE",
                    1,
                    null));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void preflightNamesTheFailureThenTheFixLetsFlywayThrough(Case c, @TempDir Path dir) throws Exception {
        JsonNode finding;
        try (ScratchDatabase db = ScratchDatabase.create(c.engine(), "preflight " + c.name())) {
            Path migrations = prepare(db, dir.resolve("before"), c);
            Fingerprint before = Fingerprint.of(db);
            CliRun run = CliRun.on(db, "preflight", "--migrations", migrations.toString(), "--format", "json");
            assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
            assertThat(Fingerprint.of(db)).isEqualTo(before);
            JsonNode report = JSON.readTree(run.out());
            assertThat(report.at("/pending").size()).isEqualTo(1);
            finding = report.at("/findings/0");
            assertThat(finding.at("/kind").asText()).as(run.out()).isEqualTo(c.kind());
            assertThat(finding.at("/severity").asText()).isEqualTo("error");
            assertThat(finding.at("/migration/file").asText()).isEqualTo("V2__pending.sql");
            assertThat(finding.at("/statement/n").asInt()).isEqualTo(c.n());
            int line = finding.at("/statement/line").asInt();

            // the deploy, as it would have gone: Flyway fails at exactly that statement
            String failure = FlywayRun.migrateExpectingFailure(FlywayRun.flyway(db, migrations, Map.of()));
            assertThat(failure).as("Flyway was expected to fail").isNotNull();
            assertThat(failure).containsPattern("Line\\s*:\\s*" + line + "\\b");
        }
        try (ScratchDatabase db = ScratchDatabase.create(c.engine(), "preflight fix " + c.name())) {
            Path migrations = prepare(db, dir.resolve("after"), c);
            applyFix(migrations.resolve("V2__pending.sql"), finding, c.value());
            MigrateResult result = FlywayRun.flyway(db, migrations, Map.of()).migrate();
            assertThat(result.success).isTrue();
            assertThat(result.targetSchemaVersion).isEqualTo("2");
            CliRun again = CliRun.on(db, "preflight", "--migrations", migrations.toString());
            assertThat(again.exitCode()).as(again.all()).isZero();
            assertThat(again.out()).contains("Pending   none");
        }
    }

    /** V1 applied by Flyway, the hand-made change, then V2 written and not run: the database as it is before the deploy. */
    static Path prepare(ScratchDatabase db, Path migrations, Case c) throws Exception {
        MigrateResult v1 =
                FlywayRun.flyway(db, migrations, Map.of("V1__base.sql", c.v1())).migrate();
        assertThat(v1.success).isTrue();
        for (String s : c.setup()) {
            db.execute(s);
        }
        Files.writeString(migrations.resolve("V2__pending.sql"), c.v2());
        return migrations;
    }

    /** What preflight proposed, done to the migration: its SQL added before the statement, or the statement rewritten. */
    private static void applyFix(Path file, JsonNode finding, String value) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        int line = finding.at("/statement/line").asInt();
        JsonNode rewrite = finding.at("/fix/rewrite");
        if (!rewrite.isMissingNode() && !rewrite.isNull()) {
            String sql = finding.at("/statement/sql").asText();
            assertThat(lines.get(line - 1)).as("a one-line statement").contains(sql.replaceAll(";$", ""));
            lines.set(line - 1, rewrite.asText() + ";");
        } else {
            JsonNode sql = finding.at("/fix/sqlBefore");
            assertThat(sql.size())
                    .as("preflight proposed SQL to add: " + finding)
                    .isPositive();
            List<String> added = new ArrayList<>();
            sql.forEach(s -> added.add((value == null ? s.asText() : s.asText().replace(":value", value)) + ";"));
            lines.addAll(line - 1, added);
        }
        Files.write(file, lines);
    }
}
