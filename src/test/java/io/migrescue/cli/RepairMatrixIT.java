package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.Fingerprint;
import io.migrescue.testing.FlywayRun;
import io.migrescue.testing.Scenarios;
import io.migrescue.testing.ScratchDatabase;
import io.migrescue.testing.ToolTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every other playbook: a dry run leaves schema and data identical (checksums), a real run verifies. */
class RepairMatrixIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs the playbook as a dry run (nothing may change) and then for real (it must verify). */
    static JsonNode dryRunThenRun(
            ScratchDatabase db, Path backup, String playbook, List<String> inputs, String... params) throws Exception {
        List<String> args = new ArrayList<>(List.of(playbook, "--backup-dir", backup.toString(), "--format", "json"));
        args.addAll(inputs);
        for (String p : params) {
            args.addAll(List.of("--param", p));
        }
        Fingerprint before = Fingerprint.of(db);
        List<String> dry = new ArrayList<>(args);
        dry.add("--dry-run");
        CliRun preview = CliRun.on(db, "repair", dry.toArray(String[]::new));
        assertThat(preview.exitCode()).as(preview.all()).isZero();
        assertThat(JSON.readTree(preview.out()).at("/status").asText()).isEqualTo("planned");
        assertThat(Fingerprint.of(db))
                .as("the dry run of " + playbook + " changed nothing")
                .isEqualTo(before);
        args.add("--yes");
        CliRun run = CliRun.on(db, "repair", args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.all()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.at("/status").asText()).isEqualTo("verified");
        assertThat(report.at("/verification").findValuesAsText("holds"))
                .isNotEmpty()
                .containsOnly("true");
        return report;
    }

    static List<String> inputs(Scenarios.Broken broken) {
        return List.of(
                "--error-file",
                broken.errorFile().toString(),
                "--migrations",
                broken.migrations().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void adoptExistingColumn(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "matrix adopt")) {
            Scenarios.Broken broken = Scenarios.duplicateColumn(db, dir.resolve("m"));
            dryRunThenRun(db, dir.resolve("b"), "adopt-existing-object", inputs(broken));
            FlywayRun.flyway(db, broken.migrations(), Map.of()).validate();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void moveAsideExistingTable(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "matrix move aside")) {
            Scenarios.Broken broken = Scenarios.tableAlreadyExists(db, dir.resolve("m"));
            // renaming a live table aside is a decision: never taken on --yes alone (issue 10)
            Fingerprint before = Fingerprint.of(db);
            CliRun undecided = CliRun.on(
                    db,
                    "repair",
                    "move-aside-existing-table",
                    "--error-file",
                    broken.errorFile().toString(),
                    "--migrations",
                    broken.migrations().toString(),
                    "--yes",
                    "--backup-dir",
                    dir.resolve("b0").toString());
            assertThat(undecided.exitCode()).as(undecided.all()).isEqualTo(6);
            assertThat(undecided.err()).contains("--param newName=invoices_aside");
            assertThat(Fingerprint.of(db)).isEqualTo(before);
            dryRunThenRun(db, dir.resolve("b"), "move-aside-existing-table", inputs(broken), "newName=invoices_aside");
            assertThat(db.scalar("SELECT COUNT(*) FROM invoices_aside")).isEqualTo("0");
            FlywayRun.flyway(db, broken.migrations(), Map.of()).validate();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void replaceConstraint(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "matrix replace")) {
            Scenarios.Broken broken = Scenarios.duplicateConstraintSameTable(db, dir.resolve("m"));
            dryRunThenRun(db, dir.resolve("b"), "replace-constraint", inputs(broken));
            FlywayRun.flyway(db, broken.migrations(), Map.of()).validate();
            assertThat(db.scalar("SELECT COUNT(*) FROM orders")).isEqualTo("4");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void fixDuplicateRowsKeepingTheFirst(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "matrix dedupe")) {
            Scenarios.Broken broken = Scenarios.duplicateRows(db, dir.resolve("m"));
            dryRunThenRun(db, dir.resolve("b"), "fix-duplicate-rows", inputs(broken), "keep=first");
            assertThat(db.scalar("SELECT COUNT(*) FROM users"))
                    .isEqualTo("5"); // ana 1, budi 3, citra 6, and the two NULLs
            assertThat(db.scalar("SELECT MIN(id) FROM users WHERE email = 'budi@example.com'"))
                    .isEqualTo("3");
            FlywayRun.flyway(db, broken.migrations(), Map.of()).validate();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void fillNullValues(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "matrix fill")) {
            Scenarios.Broken broken = Scenarios.nullValues(db, dir.resolve("m"));
            CliRun undecided = CliRun.on(
                    db,
                    "repair",
                    "fill-null-values",
                    "--error-file",
                    broken.errorFile().toString(),
                    "--migrations",
                    broken.migrations().toString(),
                    "--yes",
                    "--backup-dir",
                    dir.resolve("b0").toString());
            assertThat(undecided.exitCode()).as(undecided.all()).isEqualTo(6);
            assertThat(undecided.err()).contains("--param value=");
            dryRunThenRun(db, dir.resolve("b"), "fill-null-values", inputs(broken), "value=unknown@example.com");
            assertThat(db.scalar("SELECT COUNT(*) FROM users WHERE email = 'unknown@example.com'"))
                    .isEqualTo("2");
            FlywayRun.flyway(db, broken.migrations(), Map.of()).validate();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#mysqlFamily")
    void markRolledBackThenFlywayRunsItAgain(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "matrix rolled back")) {
            Scenarios.Broken broken = Scenarios.duplicateRows(db, dir.resolve("m"));
            dryRunThenRun(
                    db,
                    dir.resolve("b"),
                    "mark-rolled-back",
                    List.of("--migrations", broken.migrations().toString()));
            db.execute("DELETE FROM users WHERE id IN (2, 4, 5)"); // the operator's own fix of the data
            assertThat(FlywayRun.flyway(db, broken.migrations(), Map.of()).migrate().success)
                    .isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#mysqlFamily")
    void markAppliedWhenEverythingIsInEffect(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "matrix mark applied")) {
            Scenarios.Broken broken = Scenarios.halfApplied(db, dir.resolve("m"));
            db.execute(
                    "DROP TABLE invoices_tmp", // the operator finished the migration by hand
                    "CREATE TABLE invoices_tmp (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL, amount DECIMAL(10,2) NOT NULL)");
            dryRunThenRun(
                    db,
                    dir.resolve("b"),
                    "mark-applied",
                    List.of("--migrations", broken.migrations().toString()));
            FlywayRun.flyway(db, broken.migrations(), Map.of()).validate();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void releaseStaleLiquibaseLock(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "matrix lock")) {
            String now = engine == Engine.POSTGRESQL ? "now() - interval '2 hours'" : "NOW() - INTERVAL 2 HOUR";
            db.execute(ToolTables.liquibase(engine));
            db.execute("INSERT INTO DATABASECHANGELOGLOCK (ID, LOCKED, LOCKGRANTED, LOCKEDBY) VALUES (1, TRUE, " + now
                    + ", 'api-7f9c-pod (10.1.2.3)')");
            dryRunThenRun(db, dir.resolve("b"), "release-stale-lock", List.of());
            assertThat(db.scalar("SELECT COUNT(*) FROM DATABASECHANGELOGLOCK WHERE LOCKED = FALSE"))
                    .isEqualTo("1");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void clearDirtyGolangMigrateVersion(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "matrix dirty")) {
            Path migrations = Scenarios.golangDirty(db, dir);
            dryRunThenRun(db, dir.resolve("b"), "clear-dirty-version", List.of("--migrations", migrations.toString()));
            assertThat(db.scalar("SELECT version FROM schema_migrations WHERE dirty = FALSE"))
                    .isEqualTo("20240115093000");
        }
    }

    /** Field report 01: a table the migrations define is missing here; it is created from its CREATE TABLE. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void createMissingTableFromTheMigrationFiles(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "matrix create missing")) {
            Path migrations = Files.createDirectories(dir.resolve("migrations"));
            Files.writeString(migrations.resolve("001_users.sql"), "CREATE TABLE users (id BIGINT PRIMARY KEY);\n");
            Files.writeString(
                    migrations.resolve("002_vote_stats.sql"),
                    "CREATE TABLE vote_stats (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL, votes INT NOT NULL DEFAULT 0);\n");
            Files.writeString(
                    migrations.resolve("003_vote_stats_score.sql"), "ALTER TABLE vote_stats ADD COLUMN score INT;\n");
            db.execute("CREATE TABLE users (id BIGINT PRIMARY KEY)");
            String error = engine == Engine.POSTGRESQL
                    ? "psql:003_vote_stats_score.sql:1: ERROR:  relation \"vote_stats\" does not exist"
                    : "ERROR 1146 (42S02) at line 1: Table '" + db.name() + ".vote_stats' doesn't exist";
            dryRunThenRun(
                    db,
                    dir.resolve("b"),
                    "create-missing-table",
                    List.of("--error", error, "--migrations", migrations.toString()));
            assertThat(db.scalar("SELECT COUNT(*) FROM vote_stats")).isEqualTo("0");
            db.execute("ALTER TABLE vote_stats ADD COLUMN score INT"); // the failed migration now goes through
        }
    }

    /** A step that fails stops the repair: exit 4, the journal says so, and nothing after the backup changed. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#mysqlFamily")
    void aFailedStepExits4WithTheDatabaseAsTheJournalSays(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "matrix exit 4")) {
            Scenarios.Broken broken = Scenarios.fieldReport05(db, dir.resolve("m"));
            Fingerprint before = Fingerprint.of(db);
            Path backup = dir.resolve("b");
            // finishing without freeing the names first fails again on errno 121
            CliRun run = CliRun.on(
                    db,
                    "repair",
                    "complete-partial-migration",
                    "--error-file",
                    broken.errorFile().toString(),
                    "--migrations",
                    broken.migrations().toString(),
                    "--backup-dir",
                    backup.toString(),
                    "--yes",
                    "--format",
                    "markdown");
            assertThat(run.exitCode()).as(run.all()).isEqualTo(4);
            assertThat(run.out())
                    .contains("## Repair: `complete-partial-migration`")
                    .contains("**failed**")
                    .contains("**not-run**");
            String journal = Files.readString(backup.resolve("journal.jsonl"));
            assertThat(journal).contains("\"event\":\"backup-verified\"").contains("\"event\":\"stopped\"");
            assertThat(journal.lines().filter(l -> l.contains("\"event\":\"step-failed\"")))
                    .singleElement()
                    .satisfies(l -> assertThat(l).contains("\"n\":2").contains("errno: 121"));
            assertThat(Fingerprint.of(db)).isEqualTo(before);
            assertThat(Files.exists(backup.resolve("tables/manifest.json"))).isTrue();

            CliRun rollback = CliRun.on(db, "resume", "--from", backup.toString(), "--rollback", "--yes");
            assertThat(rollback.exitCode()).as(rollback.all()).isZero();
            assertThat(Fingerprint.of(db)).isEqualTo(before);
        }
    }

    /** Recording a migration as applied when its effects are absent does not verify: exit 5, loudly, backup named. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#mysqlFamily")
    void verificationFailureExits5(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "matrix exit 5")) {
            Scenarios.Broken broken = Scenarios.duplicateRows(db, dir.resolve("m"));
            Path backup = dir.resolve("b");
            CliRun run = CliRun.on(
                    db,
                    "repair",
                    "mark-applied",
                    "--migrations",
                    broken.migrations().toString(),
                    "--backup-dir",
                    backup.toString(),
                    "--yes");
            assertThat(run.exitCode()).as(run.all()).isEqualTo(5);
            assertThat(run.out())
                    .contains("Status    verification-failed")
                    .contains("FAIL every statement of migration 2 is in effect")
                    .contains(backup.toString());
            assertThat(Files.readString(backup.resolve("journal.jsonl"))).contains("\"event\":\"verification-failed\"");
        }
    }

    /** A fresh lock whose holder's address still has a session is not released until the operator lowers minAge. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void aLockWhoseHolderMayBeAliveIsKept(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "matrix lock alive")) {
            db.execute(ToolTables.liquibase(engine));
            String now = engine == Engine.POSTGRESQL ? "LOCALTIMESTAMP" : "NOW()";
            db.execute("INSERT INTO DATABASECHANGELOGLOCK (ID, LOCKED, LOCKGRANTED, LOCKEDBY) VALUES (1, TRUE, " + now
                    + ", 'ci-runner (127.0.0.1)')");
            try (Connection holder =
                    db.connect()) { // a session from the holder's address, as a running update would have
                CliRun kept = CliRun.on(
                        db,
                        "repair",
                        "release-stale-lock",
                        "--backup-dir",
                        dir.resolve("b1").toString(),
                        "--yes");
                assertThat(kept.exitCode()).as(kept.all()).isEqualTo(4);
                assertThat(kept.out()).contains("guard failed").contains("no session from 127.0.0.1");
                assertThat(db.scalar("SELECT COUNT(*) FROM DATABASECHANGELOGLOCK WHERE LOCKED = TRUE"))
                        .isEqualTo("1");

                CliRun released = CliRun.on(
                        db,
                        "repair",
                        "release-stale-lock",
                        "--param",
                        "minAge=0",
                        "--backup-dir",
                        dir.resolve("b2").toString(),
                        "--yes");
                assertThat(released.exitCode()).as(released.all()).isZero();
                assertThat(db.scalar("SELECT COUNT(*) FROM DATABASECHANGELOGLOCK WHERE LOCKED = TRUE"))
                        .isEqualTo("0");
            }
        }
    }

    /** Nothing of the dirty version took effect: clear-dirty-version goes back to the previous file's version. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void clearDirtyGoesBackWhenNothingTookEffect(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "matrix dirty back")) {
            Path migrations = Files.createDirectories(dir.resolve("migrations"));
            Files.writeString(
                    migrations.resolve("20240101000000_users.up.sql"), "CREATE TABLE users (id BIGINT PRIMARY KEY);\n");
            Files.writeString(
                    migrations.resolve("20240115093000_orders.up.sql"),
                    "CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT);\nCREATE INDEX orders_user_idx ON orders (user_id);\n");
            db.execute(
                    ToolTables.golangMigrate(engine),
                    "CREATE TABLE users (id BIGINT PRIMARY KEY)",
                    "INSERT INTO schema_migrations (version, dirty) VALUES (20240115093000, true)");
            JsonNode report = dryRunThenRun(
                    db, dir.resolve("b"), "clear-dirty-version", List.of("--migrations", migrations.toString()));
            assertThat(report.toString()).contains("no statement of migration 20240115093000 is in effect");
            assertThat(db.scalar("SELECT version FROM schema_migrations WHERE dirty = FALSE"))
                    .isEqualTo("20240101000000");
        }
    }

    /** A failed Prisma row: mark-rolled-back sets rolled_back_at, as `prisma migrate resolve --rolled-back` does. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void prismaMarkRolledBackLikeResolveRolledBack(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "matrix prisma")) {
            Path migrations = Scenarios.prismaFailedRow(db, dir);
            dryRunThenRun(db, dir.resolve("b"), "mark-rolled-back", List.of("--migrations", migrations.toString()));
            // exactly what resolve --rolled-back leaves: the row kept, rolled_back_at set, nothing else changed
            assertThat(db.scalar("SELECT COUNT(*) FROM _prisma_migrations")).isEqualTo("2");
            assertThat(
                            db.scalar(
                                    "SELECT COUNT(*) FROM _prisma_migrations WHERE migration_name = '20240301000000_add_email'"
                                            + " AND rolled_back_at IS NOT NULL AND finished_at IS NULL AND logs = 'Database error' AND applied_steps_count = 0"))
                    .isEqualTo("1");
            assertThat(db.scalar("SELECT COUNT(*) FROM _prisma_migrations WHERE rolled_back_at IS NOT NULL"))
                    .isEqualTo("1");
        }
    }

    /** Flyway with its own table name (flyway.table): repair with --tool flyway --history-table, and Flyway continues. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#mysqlFamily")
    void repairWithARenamedHistoryTable(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "matrix renamed history")) {
            Path migrations = dir.resolve("m");
            Map<String, String> custom = Map.of("flyway.table", "schema_history");
            FlywayRun.flyway(
                            db,
                            migrations,
                            Map.of("V1__users.sql", "CREATE TABLE users (id BIGINT PRIMARY KEY);\n"),
                            custom)
                    .migrate();
            db.execute("CREATE TABLE invoices_tmp (x INT)");
            String failure = FlywayRun.migrateExpectingFailure(FlywayRun.flyway(
                    db,
                    migrations,
                    Map.of(
                            "V2__phone.sql",
                            "ALTER TABLE users ADD COLUMN phone VARCHAR(40);\nCREATE TABLE invoices_tmp (id BIGINT PRIMARY KEY);\n"),
                    custom));
            assertThat(failure).isNotNull();
            db.execute("DROP TABLE invoices_tmp");
            JsonNode report = dryRunThenRun(
                    db,
                    dir.resolve("b"),
                    "complete-partial-migration",
                    List.of(
                            "--migrations",
                            migrations.toString(),
                            "--tool",
                            "flyway",
                            "--history-table",
                            "schema_history"));
            assertThat(report.toString()).contains("flyway history has no failed or dirty entry");
            assertThat(FlywayRun.flyway(db, migrations, Map.of(), custom).migrate().success)
                    .isTrue();
            assertThat(db.scalar("SELECT COUNT(*) FROM schema_history WHERE success = 1"))
                    .isEqualTo("2");
        }
    }

    /** create-missing-table from a reference database (development has the table production lacks). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void createMissingTableFromAReferenceDatabase(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase prod = ScratchDatabase.create(engine, "matrix ref prod");
                ScratchDatabase dev = ScratchDatabase.create(engine, "matrix ref dev")) {
            for (ScratchDatabase db : List.of(prod, dev)) {
                db.execute("CREATE TABLE users (id BIGINT PRIMARY KEY)");
            }
            dev.execute(
                    "CREATE TABLE vote_stats (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL, votes INT NOT NULL DEFAULT 0,"
                            + " CONSTRAINT vote_stats_user_fk FOREIGN KEY (user_id) REFERENCES users (id))",
                    "CREATE INDEX vote_stats_votes_idx ON vote_stats (votes)");
            String error = engine == Engine.POSTGRESQL
                    ? "ERROR:  relation \"vote_stats\" does not exist"
                    : "ERROR 1146 (42S02): Table '" + prod.name() + ".vote_stats' doesn't exist";
            dryRunThenRun(
                    prod,
                    dir.resolve("b"),
                    "create-missing-table",
                    List.of(
                            "--error",
                            error,
                            "--reference",
                            dev.jdbcUrl() + "?user=" + dev.server().user()));
            assertThat(Fingerprint.of(prod).catalog().table(prod.defaultSchema(), "vote_stats"))
                    .get()
                    .satisfies(t -> {
                        assertThat(t.columns())
                                .extracting(io.migrescue.model.Column::name)
                                .containsExactly("id", "user_id", "votes");
                        assertThat(t.foreignKeys())
                                .extracting(io.migrescue.model.Constraint::name)
                                .containsExactly("vote_stats_user_fk");
                        assertThat(t.index("vote_stats_votes_idx")).isPresent();
                    });
        }
    }
}
