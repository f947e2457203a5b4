package io.migrescue.preflight;

import static io.migrescue.testing.Plans.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.Fingerprint;
import io.migrescue.testing.FlywayRun;
import io.migrescue.testing.NodeTools;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code CREATE INDEX CONCURRENTLY} in a migration that real Knex 3.3 runs inside a transaction (its default on
 * PostgreSQL): preflight names the migration, the statement, its line and Knex's own way out, and changes nothing;
 * Knex then fails exactly there (25001) and, PostgreSQL DDL being transactional, leaves nothing behind; with the fix
 * preflight proposed ({@code exports.config = { transaction: false }}) preflight is quiet and Knex builds the index.
 */
class PreflightConcurrentIndexIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RUN = Duration.ofSeconds(90);
    private static final String KNEXFILE = """
            module.exports = {
              client: 'pg',
              connection: { host: process.env.DB_HOST, port: Number(process.env.DB_PORT), user: process.env.DB_USER,
                            password: process.env.DB_PASSWORD, database: process.env.DB_NAME,
                            // a CONCURRENTLY build that waits for another transaction must fail the test, not hang it
                            lock_timeout: 20000, statement_timeout: 60000 },
              migrations: { directory: './migrations' },
            };
            """;
    private static final String USERS = """
            exports.up = (knex) => knex.schema.createTable('users', (t) => {
              t.increments();
              t.string('email', 200).notNullable();
            });
            exports.down = (knex) => knex.schema.dropTable('users');
            """;
    private static final String EMAIL_INDEX = """
            exports.up = async function(knex) {
              await knex.schema.alterTable('users', (t) => {
                t.string('nick', 40);
              });
              await knex.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');
            };

            exports.down = async function(knex) {
              await knex.raw('DROP INDEX CONCURRENTLY users_email_idx');
              await knex.schema.alterTable('users', (t) => { t.dropColumn('nick'); });
            };
            """;

    @Test
    void preflightNamesTheConcurrentIndexInKnexsTransactionAndItsFixLetsKnexThrough(@TempDir Path tmp)
            throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "preflight cic knex")) {
            Path app = tmp.resolve("app");
            Path migrations = app.resolve("migrations");
            Files.createDirectories(migrations);
            Files.writeString(app.resolve("knexfile.js"), KNEXFILE);
            Files.writeString(migrations.resolve("001_users.js"), USERS);
            assertThat(knex(app, db).exitCode()).isZero();
            db.execute("INSERT INTO users (email) VALUES ('ana@example.com'), ('budi@example.com')");
            Path pending = Files.writeString(migrations.resolve("002_email_index.js"), EMAIL_INDEX);

            Fingerprint before = Fingerprint.of(db);
            CliRun run = CliRun.on(db, "preflight", "--migrations", migrations.toString(), "--format", "json");
            assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
            assertThat(Fingerprint.of(db)).isEqualTo(before);
            JsonNode report = JSON.readTree(run.out());
            assertThat(report.at("/pending").size()).isEqualTo(1);
            assertThat(report.at("/findings").size()).as(run.out()).isEqualTo(1);
            JsonNode finding = report.at("/findings/0");
            assertThat(finding.at("/kind").asText()).isEqualTo("TRANSACTION_CONTEXT");
            assertThat(finding.at("/severity").asText()).isEqualTo("error");
            assertThat(finding.at("/migration/file").asText()).isEqualTo("002_email_index.js");
            assertThat(finding.at("/statement/n").asInt()).isEqualTo(2);
            assertThat(finding.at("/statement/line").asInt())
                    .as("the line of knex.raw")
                    .isEqualTo(5);
            assertThat(finding.at("/statement/sql").asText()).contains("CREATE INDEX CONCURRENTLY users_email_idx");
            String fix = finding.at("/fix/text").asText();
            assertThat(fix).contains("exports.config = { transaction: false }");

            // the deploy as it would have gone: Knex fails at that statement, and its transaction leaves nothing behind
            NodeTools.Result failed = knex(app, db);
            assertThat(failed.exitCode()).as(failed.output()).isNotZero();
            assertThat(failed.output()).contains("CREATE INDEX CONCURRENTLY cannot run inside a transaction block");
            assertThat(rows(db, "SELECT name FROM knex_migrations ORDER BY id"))
                    .containsExactly(List.of("001_users.js"));
            assertThat(
                            rows(
                                    db,
                                    "SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'nick'"))
                    .containsExactly(List.of("0"));

            // the fix preflight named, written into the migration
            Files.writeString(pending, EMAIL_INDEX + "\nexports.config = { transaction: false };\n");
            CliRun again = CliRun.on(db, "preflight", "--migrations", migrations.toString(), "--format", "json");
            assertThat(again.exitCode()).as(again.all()).isZero();
            assertThat(JSON.readTree(again.out()).at("/findings")).isEmpty();
            NodeTools.Result deploy = knex(app, db);
            assertThat(deploy.exitCode()).as(deploy.output()).isZero();
            assertThat(rows(db, "SELECT name FROM knex_migrations ORDER BY id"))
                    .containsExactly(List.of("001_users.js"), List.of("002_email_index.js"));
            assertThat(rows(
                            db,
                            "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                                    + " WHERE c.relname = 'users_email_idx'"))
                    .containsExactly(List.of("t"));
        }
    }

    /**
     * The same with real Flyway 11: a migration that mixes a transactional statement with the concurrent build runs in a
     * transaction, and Flyway refuses it at that statement (before running any of it). The fix preflight names is Flyway's script config
     * ({@code executeInTransaction=false}) together with {@code flyway.postgresql.transactional.lock=false}: under
     * Flyway's default lock a transaction stays open for the run and the concurrent build waits for it (the hang a
     * first attempt met; the database's statement_timeout here turns such a wait into a failure, not a stuck test).
     */
    @Test
    void preflightNamesTheConcurrentIndexInFlywaysTransactionAndItsFixLetsFlywayThrough(@TempDir Path tmp)
            throws Exception {
        String v2 =
                "ALTER TABLE users ADD COLUMN nick VARCHAR(40);\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n";
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "preflight cic flyway")) {
            db.execute("ALTER DATABASE " + db.name() + " SET statement_timeout = '60s'");
            Path migrations = tmp.resolve("migrations");
            assertThat(FlywayRun.flyway(
                                    db,
                                    migrations,
                                    Map.of(
                                            "V1__users.sql",
                                            "CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200) NOT NULL);\n"
                                                    + "INSERT INTO users VALUES (1, 'ana@example.com'), (2, 'budi@example.com');\n"))
                            .migrate()
                            .success)
                    .isTrue();
            Files.writeString(migrations.resolve("V2__email_index.sql"), v2);

            Fingerprint before = Fingerprint.of(db);
            CliRun run = CliRun.on(db, "preflight", "--migrations", migrations.toString(), "--format", "json");
            assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
            assertThat(Fingerprint.of(db)).isEqualTo(before);
            JsonNode report = JSON.readTree(run.out());
            assertThat(report.at("/findings").size()).as(run.out()).isEqualTo(1);
            JsonNode finding = report.at("/findings/0");
            assertThat(finding.at("/kind").asText()).isEqualTo("TRANSACTION_CONTEXT");
            assertThat(finding.at("/migration/file").asText()).isEqualTo("V2__email_index.sql");
            assertThat(finding.at("/statement/n").asInt()).isEqualTo(2);
            assertThat(finding.at("/statement/line").asInt()).isEqualTo(2);
            assertThat(finding.at("/fix/text").asText())
                    .contains("executeInTransaction=false")
                    .contains("V2__email_index.sql.conf")
                    .contains("flyway.postgresql.transactional.lock=false");

            String failure = FlywayRun.migrateExpectingFailure(FlywayRun.flyway(db, migrations, Map.of()));
            // Flyway 11 refuses the migration before running any of it, naming the statement's line
            assertThat(failure)
                    .as("Flyway was expected to fail")
                    .isNotNull()
                    .contains("non-transactional")
                    .containsPattern("(?i)line\\s*:?\\s*2\\b");
            assertThat(rows(db, "SELECT count(*) FROM flyway_schema_history WHERE version = '2'"))
                    .containsExactly(List.of("0"));
            assertThat(rows(db, "SELECT count(*) FROM pg_class WHERE relname = 'users_email_idx'"))
                    .containsExactly(List.of("0"));

            // the fix preflight named: Flyway's script config, and its lock without a transaction
            Files.writeString(migrations.resolve("V2__email_index.sql.conf"), "executeInTransaction=false\n");
            CliRun again = CliRun.on(db, "preflight", "--migrations", migrations.toString(), "--format", "json");
            assertThat(again.exitCode()).as(again.all()).isZero();
            JsonNode quiet = JSON.readTree(again.out());
            assertThat(quiet.at("/findings")).isEmpty();
            assertThat(quiet.at("/pending").size()).isEqualTo(1);
            assertThat(quiet.at("/notes").toString()).contains("flyway.postgresql.transactional.lock");
            var deploy = FlywayRun.flyway(
                            db, migrations, Map.of(), Map.of("flyway.postgresql.transactional.lock", "false"))
                    .migrate();
            assertThat(deploy.success).isTrue();
            assertThat(rows(
                            db,
                            "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                                    + " WHERE c.relname = 'users_email_idx'"))
                    .containsExactly(List.of("t"));
        }
    }

    private static NodeTools.Result knex(Path app, ScratchDatabase db) {
        Map<String, String> env = new HashMap<>(NodeTools.connection(db));
        return NodeTools.run(app, env, RUN, NodeTools.script("knex", "bin/cli.js"), "migrate:latest");
    }
}
