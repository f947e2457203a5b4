package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.FlywayRun;
import io.migrescue.testing.ScratchDatabase;
import io.migrescue.testing.ToolTables;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Given a database real Flyway left failed, when the operator runs status, then it says so: text, JSON, Markdown. */
class StatusCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String serverVersion(ScratchDatabase db) throws Exception {
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        db.engine() == Engine.POSTGRESQL ? "SHOW server_version" : "SELECT VERSION()")) {
            rs.next();
            return rs.getString(1).replaceAll("^([0-9.]+).*$", "$1");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void failedFlywayMigrationNeedsAttention(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "status flyway failed")) {
            FlywayRun.leaveFailedV2(db, dir);
            String version = serverVersion(db);

            CliRun text = CliRun.on(db, "status");
            assertThat(text.exitCode()).as(text.err()).isEqualTo(1);
            assertThat(text.err()).isEmpty();
            assertThat(text.out())
                    .contains("Database  " + engine.displayName() + " " + version)
                    .contains("History   flyway  " + db.defaultSchema()
                            + ".flyway_schema_history  1 applied, latest 1 \"create users\"")
                    .contains("FAILED  2 \"add orders and unique email\"")
                    .contains("needs attention");
            int tables =
                    engine == Engine.POSTGRESQL ? 2 : 3; // users + history (+ orders on MariaDB: DDL commits at once)
            assertThat(text.out()).contains("Schemas   " + db.defaultSchema() + " (" + tables + " tables)");

            CliRun json = CliRun.on(db, "status", "--format", "json");
            assertThat(json.exitCode()).isEqualTo(1);
            JsonNode doc = JSON.readTree(json.out());
            assertThat(doc.at("/database/engine").asText()).isEqualTo(engine.id());
            assertThat(doc.at("/database/version").asText()).isEqualTo(version);
            assertThat(doc.at("/database/url").asText()).startsWith("jdbc:").contains(db.name());
            assertThat(doc.at("/tables").asInt()).isEqualTo(tables);
            assertThat(doc.at("/schemas/0/name").asText()).isEqualTo(db.defaultSchema());
            assertThat(doc.at("/healthy").asBoolean()).isFalse();
            JsonNode flyway = doc.at("/history/0");
            assertThat(flyway.at("/tool").asText()).isEqualTo("flyway");
            assertThat(flyway.at("/table").asText()).isEqualTo("flyway_schema_history");
            assertThat(flyway.at("/failed").toString()).isEqualTo("[\"2\"]");
            assertThat(flyway.at("/dirty").asBoolean()).isFalse();
            assertThat(flyway.at("/locked").asBoolean()).isFalse();
            assertThat(flyway.at("/latest/id").asText()).isEqualTo("1");
            assertThat(flyway.at("/failedEntries/0/description").asText()).isEqualTo("add orders and unique email");
            if (engine == Engine.POSTGRESQL) {
                // the failed CREATE UNIQUE INDEX CONCURRENTLY left its index behind, invalid
                assertThat(doc.at("/invalidIndexes/0").asText()).isEqualTo("public.users.users_email_uq");
                assertThat(text.out()).contains("Index     INVALID public.users.users_email_uq");
            }

            CliRun markdown = CliRun.on(db, "status", "--format", "markdown");
            assertThat(markdown.exitCode()).isEqualTo(1);
            assertThat(markdown.out())
                    .contains("## Database status")
                    .contains("| flyway | `" + db.defaultSchema()
                            + ".flyway_schema_history` | 1 | 1 \"create users\" | 2 |");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void healthyDatabaseExitsZero(Engine engine) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "status healthy")) {
            db.execute(
                    ToolTables.golangMigrate(engine),
                    "INSERT INTO schema_migrations VALUES (3, false)",
                    "CREATE TABLE accounts (id int PRIMARY KEY)");
            CliRun run = CliRun.on(db, "status");
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out())
                    .contains("golang-migrate")
                    .contains("latest 3")
                    .contains("Status    healthy");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void dirtyVersionAndSeveralSchemas(Engine engine) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "status schemas");
                ScratchDatabase other = ScratchDatabase.create(engine, "status schemas other")) {
            String second;
            if (engine == Engine.POSTGRESQL) {
                second = "ops";
                db.execute("CREATE SCHEMA ops", "CREATE TABLE ops.jobs (id int)", "CREATE TABLE ops.runs (id int)");
            } else {
                second = other.name();
                other.execute("CREATE TABLE jobs (id int)", "CREATE TABLE runs (id int)");
            }
            db.execute(ToolTables.golangMigrate(engine), "INSERT INTO schema_migrations VALUES (20240115093000, true)");
            CliRun run =
                    CliRun.on(db, "status", "--schema", db.defaultSchema(), "--schema", second, "--format", "json");
            assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
            JsonNode doc = JSON.readTree(run.out());
            assertThat(doc.at("/schemas/1/name").asText()).isEqualTo(second);
            assertThat(doc.at("/schemas/1/tables").asInt()).isEqualTo(2);
            assertThat(doc.at("/tables").asInt()).isEqualTo(3);
            assertThat(doc.at("/history/0/dirty").asBoolean()).isTrue();
            assertThat(doc.at("/history/0/dirtyVersions/0").asText()).isEqualTo("20240115093000");
            assertThat(doc.at("/attention/0").asText()).contains("version 20240115093000 is dirty");

            CliRun missing = CliRun.on(db, "status", "--schema", "no_such_schema_here");
            assertThat(missing.exitCode()).isEqualTo(2);
            assertThat(missing.err()).contains("no_such_schema_here").hasLineCount(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void historyListsEveryToolsEntries(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "history command")) {
            FlywayRun.leaveFailedV2(db, dir);
            db.execute(ToolTables.golangMigrate(engine), "INSERT INTO schema_migrations VALUES (7, false)");
            CliRun text = CliRun.on(db, "history");
            assertThat(text.exitCode()).as(text.all()).isZero();
            assertThat(text.out())
                    .contains("flyway  " + db.defaultSchema() + ".flyway_schema_history  2 entries")
                    .containsPattern("applied +1 ")
                    .containsPattern("failed +2 ")
                    .contains("golang-migrate");
            JsonNode doc =
                    JSON.readTree(CliRun.on(db, "history", "--format", "json").out());
            JsonNode flyway = doc.at("/history/0").get("tool").asText().equals("flyway")
                    ? doc.at("/history/0")
                    : doc.at("/history/1");
            assertThat(flyway.at("/entries/1/state").asText()).isEqualTo("failed");
            assertThat(flyway.at("/entries/1/description").asText()).isEqualTo("add orders and unique email");
        }
    }

    /** --project: the connection from a Laravel .env; its password never shown. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void statusFromTheProjectsOwnConfiguration(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "status project")) {
            db.execute(
                    ToolTables.laravel(engine),
                    "INSERT INTO migrations (migration, batch) VALUES ('2024_01_01_000000_create_users_table', 1)");
            java.nio.file.Files.writeString(dir.resolve("artisan"), "");
            var server = db.server();
            boolean pg = engine == Engine.POSTGRESQL;
            // PostgreSQL trusts 127.0.0.1 here, so a made-up password still connects and must still never show
            String password = server.password() != null ? server.password() : pg ? "Project-Pw-77" : "";
            java.nio.file.Files.writeString(
                    dir.resolve(".env"),
                    "DB_CONNECTION=" + (pg ? "pgsql" : "mariadb") + "\nDB_HOST=127.0.0.1\n"
                            + "DB_PORT=" + (pg ? 5432 : 3306) + "\nDB_DATABASE=" + db.name() + "\nDB_USERNAME="
                            + server.user()
                            + "\nDB_PASSWORD=" + password + "\n");
            CliRun run = CliRun.run("status", "--project", dir.toString(), "--format", "json");
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(JSON.readTree(run.out()).at("/history/0/tool").asText()).isEqualTo("laravel");
            if (!password.isEmpty()) {
                assertThat(run.all()).doesNotContain(password);
            }
        }
    }
}
