package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.Scenarios;
import io.migrescue.testing.Scenarios.Broken;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Given a state a real tool left, when the operator runs diagnose, then the finding names what is wrong and why. */
class DiagnoseIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode diagnose(ScratchDatabase db, Broken broken, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "--error-file",
                broken.errorFile().toString(),
                "--migrations",
                broken.migrations().toString(),
                "--format",
                "json"));
        args.addAll(List.of(extra));
        CliRun run = CliRun.on(db, "diagnose", args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        return JSON.readTree(run.out());
    }

    private static JsonNode finding(JsonNode doc, String kind) {
        for (JsonNode f : doc.get("findings")) {
            if (f.get("kind").asText().equals(kind)) {
                return f;
            }
        }
        throw new AssertionError("no " + kind + " finding in " + doc.get("findings"));
    }

    private static List<String> states(JsonNode finding) {
        List<String> states = new ArrayList<>();
        finding.at("/migration/statements")
                .forEach(s -> states.add(s.get("state").asText()));
        return states;
    }

    @Test
    void fieldReport05OnMariadbNamesTheHolderAndMapsTheStatements(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "diag fr05")) {
            Broken broken = Scenarios.fieldReport05(db, dir.resolve("migrations"));
            JsonNode doc = diagnose(db, broken);

            assertThat(doc.at("/history/0/failed/0").asText()).isEqualTo("2");
            JsonNode dup = finding(doc, "DUPLICATE_CONSTRAINT_NAME");
            assertThat(dup.at("/objects/table").asText()).isEqualTo("skp_tahunan");
            assertThat(dup.at("/objects/heldBy").asText()).isEqualTo("skp_tahunan_backup_v1");
            assertThat(dup.at("/objects/constraint").asText())
                    .isIn("fk_skp_tahunan_user", "fk_skp_tahunan_approved_by");
            assertThat(dup.at("/playbooks/0").asText()).isEqualTo("rename-conflicting-constraint");
            assertThat(dup.at("/migration/id").asText()).isEqualTo("2");
            assertThat(dup.at("/migration/file").asText()).isEqualTo("V2__total_refactor_skp_system.sql");
            assertThat(states(dup)).containsExactly("applied", "failed", "not-applied", "not-applied");
            assertThat(dup.at("/migration/statements/1/prediction").asText())
                    .contains("held by table skp_tahunan_backup_v1");
            // statement 2 would fail as it stands: completing is not recommended, freeing the names is (issue 10)
            assertThat(finding(doc, "PARTIALLY_APPLIED").at("/playbooks/0").asText())
                    .isEqualTo("rename-conflicting-constraint");
            assertThat(finding(doc, "PARTIALLY_APPLIED").at("/playbooks").toString())
                    .doesNotContain("complete-partial-migration");
            assertThat(finding(doc, "FAILED_MIGRATION").at("/objects/migration").asText())
                    .isEqualTo("2");

            CliRun text = CliRun.on(
                    db,
                    "diagnose",
                    "--error-file",
                    broken.errorFile().toString(),
                    "--migrations",
                    broken.migrations().toString());
            assertThat(text.out())
                    .contains("DUPLICATE_CONSTRAINT_NAME")
                    .contains("held by table skp_tahunan_backup_v1")
                    .contains("applied      RENAME TABLE skp_tahunan TO skp_tahunan_backup_v1")
                    .contains("Fix with  migrescue repair rename-conflicting-constraint");
        }
    }

    @Test
    void orphanRowsUnderANewForeignKeyOnPostgres(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "diag orphans")) {
            Broken broken = Scenarios.orphanForeignKey(db, dir.resolve("migrations"));
            JsonNode doc = diagnose(db, broken);
            JsonNode f = finding(doc, "FK_ORPHAN_ROWS");
            assertThat(f.at("/objects/table").asText()).isEqualTo("orders");
            assertThat(f.at("/objects/constraint").asText()).isEqualTo("orders_user_fk");
            assertThat(f.get("evidence").toString())
                    .contains("3 row(s) of orders have a (user_id) with no row in users")
                    .contains("98, 99");
            assertThat(f.at("/playbooks/0").asText()).isEqualTo("fix-orphan-rows");
            // PostgreSQL rolled the transactional migration back: nothing of V2 is in effect
            assertThat(states(f)).containsExactly("failed");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void tableAlreadyExists(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "diag table exists")) {
            JsonNode f =
                    finding(diagnose(db, Scenarios.tableAlreadyExists(db, dir.resolve("m"))), "TABLE_ALREADY_EXISTS");
            assertThat(f.at("/objects/table").asText()).isEqualTo("invoices");
            assertThat(f.at("/objects/matches").asText()).isEqualTo("false");
            assertThat(f.get("evidence").toString())
                    .contains("exists with columns (id, amount)")
                    .contains("(id, amount, issued_at)");
            assertThat(f.at("/playbooks/0").asText()).isEqualTo("move-aside-existing-table");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void duplicateColumn(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "diag dup column")) {
            JsonNode f = finding(diagnose(db, Scenarios.duplicateColumn(db, dir.resolve("m"))), "DUPLICATE_COLUMN");
            assertThat(f.at("/objects/column").asText()).isEqualTo("phone");
            assertThat(f.at("/objects/matches").asText()).isEqualTo("true");
            assertThat(f.at("/playbooks/0").asText()).isEqualTo("adopt-existing-object");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void missingTableThatLivesInAnotherSchema(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "diag missing table");
                ScratchDatabase other =
                        engine == Engine.POSTGRESQL ? null : ScratchDatabase.create(engine, "diag missing other")) {
            String schema;
            if (engine == Engine.POSTGRESQL) {
                schema = "myschema";
                db.execute("CREATE SCHEMA myschema", "CREATE TABLE myschema.vote_stats (id BIGINT PRIMARY KEY)");
            } else {
                schema = other.name();
                other.execute("CREATE TABLE vote_stats (id BIGINT PRIMARY KEY)");
            }
            JsonNode f = finding(diagnose(db, Scenarios.tableInAnotherSchema(db, dir.resolve("m"))), "MISSING_TABLE");
            assertThat(f.at("/objects/table").asText()).isEqualTo("vote_stats");
            assertThat(f.at("/objects/foundIn").asText()).isEqualTo(schema);
            assertThat(f.get("evidence").toString()).contains("exists in schema " + schema);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void duplicatesUnderANewUniqueIndex(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "diag duplicates")) {
            JsonNode f = finding(diagnose(db, Scenarios.duplicateRows(db, dir.resolve("m"))), "DUPLICATE_ROWS");
            assertThat(f.get("evidence").toString())
                    .contains("2 value(s) of (email) occur more than once in users")
                    .contains("(budi@example.com, 3)");
            assertThat(f.at("/playbooks/0").asText()).isEqualTo("fix-duplicate-rows");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void notNullOverNulls(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "diag nulls")) {
            JsonNode f = finding(diagnose(db, Scenarios.nullValues(db, dir.resolve("m"))), "NULL_VALUES");
            assertThat(f.get("evidence").toString()).contains("2 row(s) of users have NULL in email");
            assertThat(f.at("/playbooks/0").asText()).isEqualTo("fill-null-values");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void golangMigrateDirtyVersionWithItsStatementMap(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "diag golang dirty")) {
            Path migrations = Scenarios.golangDirty(db, dir);
            CliRun run = CliRun.on(db, "diagnose", "--migrations", migrations.toString(), "--format", "json");
            assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
            JsonNode f = finding(JSON.readTree(run.out()), "DIRTY_VERSION");
            assertThat(f.at("/objects/version").asText()).isEqualTo("20240115093000");
            assertThat(states(f)).containsExactly("applied", "applied", "failed");
            assertThat(f.at("/playbooks/0").asText()).isEqualTo("clear-dirty-version");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void prismaFailedMigrationRow(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "diag prisma")) {
            Path migrations = Scenarios.prismaFailedRow(db, dir);
            CliRun run = CliRun.on(db, "diagnose", "--migrations", migrations.toString(), "--format", "json");
            assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
            JsonNode f = finding(JSON.readTree(run.out()), "FAILED_MIGRATION");
            assertThat(f.at("/objects/migration").asText()).isEqualTo("20240301000000_add_email");
            assertThat(states(f)).containsExactly("failed");
            assertThat(f.at("/playbooks/0").asText()).isEqualTo("mark-rolled-back");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void healthyDatabaseHasNoFindings(Engine engine) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "diag healthy")) {
            db.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            CliRun run = CliRun.on(db, "diagnose");
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out()).contains("No findings");
        }
    }

    /** No error text and files no history records: nothing is said to have failed, but they are named as waiting. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void pendingFilesWithoutAnErrorAreNamedAsWaitingNotAsHealthy(Engine engine, @TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "diag pending")) {
            db.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            Path migrations = Files.createDirectories(tmp.resolve("migrations"));
            Files.writeString(migrations.resolve("V1__tags.sql"), "CREATE TABLE tags (id INT PRIMARY KEY);\n");
            Files.writeString(migrations.resolve("V2__labels.sql"), "CREATE TABLE labels (id INT PRIMARY KEY);\n");
            CliRun run = CliRun.on(db, "diagnose", "--migrations", migrations.toString());
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out())
                    .contains("2 migration file(s) not applied yet (1, 2): migrescue preflight checks them")
                    .contains("No findings: the database and its migration history are in order.");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void lockTimeoutNamesTheSessionThatHoldsTheLock(Engine engine) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "diag lock")) {
            db.execute(
                    "CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200))",
                    "INSERT INTO users VALUES (1, 'a')");
            try (java.sql.Connection holder = db.connect()) {
                holder.setAutoCommit(false);
                holder.createStatement()
                        .execute("UPDATE users SET email = 'b' WHERE id = 1"); // an open transaction holds the row
                String error = engine == Engine.POSTGRESQL
                        ? "psql:migrate.sql:1: ERROR:  canceling statement due to lock timeout\nSTATEMENT:  ALTER TABLE users ADD COLUMN phone VARCHAR(40);"
                        : "ERROR 1205 (HY000) at line 1: Lock wait timeout exceeded; try restarting transaction";
                CliRun run = CliRun.on(db, "diagnose", "--error", error, "--format", "json");
                assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
                JsonNode f = finding(JSON.readTree(run.out()), "LOCK_TIMEOUT");
                assertThat(f.get("evidence").toString())
                        .contains("session ")
                        .contains(engine == Engine.POSTGRESQL ? "RowExclusiveLock" : "Sleep");
                assertThat(f.get("playbooks").toString()).contains("unblock-lock-wait");
                holder.rollback();
            }
        }
    }
}
