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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher killed (its JVM halted with exit 137, nothing flushed: what SIGKILL does) at the journal events of
 * whole repairs, on both engines, then {@code resume --yes} or {@code resume --rollback}: every run ends verified with
 * exactly the schema and rows of an uninterrupted repair (checksums of every table), or rolled back to exactly the
 * fingerprint from before; Flyway then validates and its next {@code migrate} succeeds. The kill points are read from
 * the journal of an uninterrupted run of the same plan (so a new step brings its own points): every event of the
 * backup and of each step, "after the statement ran, before its journal line" for every step (the point where a
 * transactional step has committed with its ledger row, or a MariaDB DDL statement has committed on its own), the
 * start of verification, and three points inside a roll back.
 *
 * <p>To keep the run within minutes (a killed launch costs seconds on a shared machine), the default set is: every point
 * where a step's statement has run and its journal line is not written yet (continued with resume, then that verified
 * repair rolled back; {@code SET} statements left out: they leave nothing behind), the backup begun and the backup
 * verified (resumed), the backup written but not verified and the first step done (rolled back), and inside the roll
 * back of a repair killed after its last step: at its first undo action (or after its restore where there is nothing
 * to undo), then run again.
 * {@code -Dmigrescue.it.everyKill=true} runs both continuations at every journal event and every roll back event.
 */
class KillAtEveryJournalEventIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LAUNCHER = Path.of("bin/migrescue").toAbsolutePath();
    private static final boolean EVERY = Boolean.getBoolean("migrescue.it.everyKill");

    /** A repair to kill: how to make the broken state, and the arguments of repair after the connection's. */
    private interface Setup {
        Scenarios.Broken make(ScratchDatabase db, Path dir) throws Exception;
    }

    /**
     * Field report 05 on MariaDB with 5,000 rows in the table renamed aside: rename-conflicting-constraint renames
     * the held foreign key names (DDL, commits by itself), creates the table (DDL), copies the rows with INSERT … SELECT
     * (InnoDB, one transaction with its ledger row), creates the index (DDL), records Flyway's row.
     */
    @Test
    void mariadbDuplicateForeignKeyNamesWithManyRows(@TempDir Path dir) throws Exception {
        killEverywhere(
                Engine.MARIADB,
                dir,
                (db, d) -> {
                    Scenarios.Broken broken = Scenarios.fieldReport05(db, d);
                    db.execute(
                            "SET SESSION max_recursive_iterations = 10000",
                            "INSERT INTO skp_tahunan_backup_v1 (user_id, approved_by, tahun)"
                                    + " WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 5000)"
                                    + " SELECT 1 + n % 3, NULL, 2000 + n % 30 FROM s");
                    return broken;
                },
                List.of("rename-conflicting-constraint"),
                "SELECT COUNT(*) FROM skp_tahunan",
                "5003",
                1);
    }

    /** replace-constraint on PostgreSQL: drop the foreign key, add it NOT VALID with ON DELETE CASCADE, validate, record. */
    @Test
    void postgresReplaceConstraint(@TempDir Path dir) throws Exception {
        killEverywhere(
                Engine.POSTGRESQL,
                dir,
                Scenarios::duplicateConstraintSameTable,
                List.of("replace-constraint"),
                "SELECT confdeltype::text || ':' || convalidated::text FROM pg_constraint WHERE conname = 'orders_user_fk'",
                "c:true",
                1);
    }

    /**
     * fix-orphan-rows on PostgreSQL (orphans set to NULL, then the foreign key added NOT VALID and validated): a roll back
     * must drop the foreign key the repair added before it puts the orphan values back, or the key refuses them.
     */
    @Test
    void postgresOrphanRows(@TempDir Path dir) throws Exception {
        killEverywhere(
                Engine.POSTGRESQL,
                dir,
                Scenarios::orphanForeignKey,
                List.of("fix-orphan-rows", "--param", "policy=set-null"),
                "SELECT count(*) FROM orders WHERE user_id IS NULL",
                "4",
                1);
    }

    /**
     * A half-applied migration on MariaDB reverted (revert-partial-migration): the index and the column it added are
     * dropped (DDL, each committed by itself), and Flyway's failed row deleted, so that Flyway runs it again.
     */
    @Test
    void mariadbRevertHalfAppliedMigration(@TempDir Path dir) throws Exception {
        killEverywhere(
                Engine.MARIADB,
                dir,
                (db, d) -> {
                    Scenarios.Broken broken = Scenarios.halfApplied(db, d);
                    db.execute("DROP TABLE invoices_tmp"); // the cause, dealt with first
                    return broken;
                },
                List.of("revert-partial-migration"),
                "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                        + " AND TABLE_NAME = 'users' AND COLUMN_NAME = 'phone'",
                "0",
                0);
    }

    private void killEverywhere(
            Engine engine, Path dir, Setup setup, List<String> repair, String probe, String expected, int historyRows)
            throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "kill " + repair.get(0))) {
            Scenarios.Broken broken = setup.make(db, dir.resolve("migrations"));
            List<String> args = new ArrayList<>(List.of("repair"));
            args.addAll(repair);
            args.addAll(db.cliArgs());
            args.addAll(List.of(
                    "--error-file",
                    broken.errorFile().toString(),
                    "--migrations",
                    broken.migrations().toString(),
                    "--yes"));
            Fingerprint before = Fingerprint.of(db);

            // the reference: the same repair, not interrupted
            Path reference = dir.resolve("reference");
            CliRun run = CliRun.run(db.cliEnvironment(), with(args, "--backup-dir", reference.toString()));
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(db.scalar(probe)).isEqualTo(expected);
            List<String> points = killPoints(reference);
            rollBack(db, reference, before);
            // Every kill below starts from a rolled-back database. It equals the one before in every catalog column,
            // but
            // MariaDB keeps one thing no catalog shows: an index InnoDB made for a foreign key by itself is renamed
            // with
            // the key (rename-constraint's DROP + ADD), a declared one is not, and SHOW CREATE TABLE (what a backup
            // holds) declares them all. So the schema to compare with is that of an uninterrupted repair of it.
            CliRun again = CliRun.run(
                    db.cliEnvironment(),
                    with(args, "--backup-dir", dir.resolve("reference-2").toString()));
            assertThat(again.exitCode()).as(again.all()).isZero();
            Fingerprint repaired = withoutHistoryRows(Fingerprint.of(db));
            rollBack(db, dir.resolve("reference-2"), before);
            List<String> inRollback = rollbackPoints(reference);

            int cycle = 0;
            // killed inside a roll back (of a repair killed after its last step): the roll back, run again, finishes it
            // exactly
            for (String point : inRollback) {
                Path b = dir.resolve("k" + ++cycle);
                killAt(points.get(points.size() - (EVERY ? 2 : 1)), db, args, b);
                List<String> rollback = new ArrayList<>(List.of("resume"));
                rollback.addAll(db.cliArgs());
                rollback.addAll(List.of("--from", b.toString(), "--rollback", "--yes"));
                int code = launch(point, db, rollback, b.resolveSibling(b.getFileName() + "-rollback.txt"));
                if (EVERY && code == 0) {
                    // with every event, the repair is cut one event earlier than the reference run the roll back points
                    // come from: its roll back may have fewer actions and end before this one; it must then be exact
                    assertThat(Fingerprint.of(db))
                            .as("a roll back that ended before " + point)
                            .isEqualTo(before);
                    assertThat(ledgerTables(db))
                            .as("the ledger is gone once rolled back")
                            .isZero();
                    continue;
                }
                assertThat(code).as("the roll back was killed at " + point).isEqualTo(137);
                CliRun forward = CliRun.on(db, "resume", "--from", b.toString(), "--yes");
                assertThat(forward.exitCode())
                        .as("a cut-off roll back is never continued forward: " + forward.all())
                        .isEqualTo(4);
                assertThat(forward.err()).contains("--rollback");
                rollBack(db, b, before);
            }

            List<String> executed =
                    points.stream().filter(p -> p.startsWith("executed:")).toList();
            for (String point : points) {
                boolean resume = EVERY
                        || executed.contains(point)
                        || point.equals("backup-verified:1")
                        || point.equals("step-start:1");
                boolean rollback = EVERY || point.equals("backup-written:1") || point.equals("step-done:2");
                boolean last = point.equals(executed.get(executed.size() - 1));
                if (rollback) {
                    Path b = dir.resolve("k" + ++cycle);
                    killAt(point, db, args, b);
                    rollBack(db, b, before);
                }
                if (resume) {
                    Path b = dir.resolve("k" + ++cycle);
                    killAt(point, db, args, b);
                    resumeVerified(db, b, broken, repaired, probe, expected, historyRows, point);
                    if (!last) {
                        rollBack(db, b, before); // a verified repair rolls back exactly too
                    } else {
                        break; // the last word is Flyway's, below
                    }
                }
            }

            // after a verified end Flyway's next run goes through
            Files.writeString(
                    broken.migrations().resolve("V3__next.sql"), "CREATE TABLE next_release (id INT PRIMARY KEY);\n");
            MigrateResult next =
                    FlywayRun.flyway(db, broken.migrations(), Map.of()).migrate();
            assertThat(next.success).isTrue();
            assertThat(next.targetSchemaVersion).isEqualTo("3");
        }
    }

    /** Points inside a roll back, from the reference run's own roll back: its start, its first undo action, the restore done. */
    private static List<String> rollbackPoints(Path reference) throws Exception {
        List<String> points = new ArrayList<>();
        for (String line : Files.readAllLines(reference.resolve("journal.jsonl"))) {
            JsonNode e = JSON.readTree(line);
            switch (e.path("event").asText()) {
                case "rollback-start" -> points.add("rollback-start");
                case "rollback-undo" ->
                    points.add("rollback-undo:" + e.path("k").asInt());
                case "rollback-restored" -> points.add("rollback-restored");
                default -> {}
            }
        }
        assertThat(points)
                .as("the reference roll back journalled its progress")
                .contains("rollback-start", "rollback-restored");
        if (EVERY) {
            return points;
        }
        // one: the first undo action where the repair left objects of its own, else the restore
        return List.of(points.contains("rollback-undo:1") ? "rollback-undo:1" : "rollback-restored");
    }

    /**
     * Every journal event of the uninterrupted run, as kill points, plus where a step's statements ran but their line
     * is not written yet, the backup written but not yet verified, and verification about to start.
     */
    private static List<String> killPoints(Path reference) throws Exception {
        Set<String> points = new LinkedHashSet<>();
        Map<Integer, Boolean> transactional = new LinkedHashMap<>();
        Map<Integer, List<String>> sql = new LinkedHashMap<>();
        for (String line : Files.readAllLines(reference.resolve("journal.jsonl"))) {
            JsonNode e = JSON.readTree(line);
            String event = e.path("event").asText();
            switch (event) {
                case "plan" ->
                    e.path("steps").forEach(s -> {
                        transactional.put(
                                s.path("n").asInt(), s.path("transactional").asBoolean());
                        List<String> statements = new ArrayList<>();
                        s.path("sql").forEach(q -> statements.add(q.asText()));
                        statements.removeIf(q -> q.startsWith("-- guard"));
                        sql.put(s.path("n").asInt(), statements);
                    });
                case "step-start" -> {
                    int n = e.path("n").asInt();
                    points.add("step-start:" + n);
                    if (n == 1) {
                        points.add("backup-written:1");
                    }
                }
                case "statement-done" -> {
                    int n = e.path("n").asInt();
                    int i = e.path("i").asInt();
                    if (EVERY
                            || !sql.get(n).get(i - 1).startsWith("SET ")) { // a session setting leaves nothing to find
                        points.add(
                                "executed:" + n + ":" + i); // the statement committed by itself, its line not written
                    }
                    points.add("statement-done:" + n + ":" + i);
                }
                case "step-done" -> {
                    int n = e.path("n").asInt();
                    if (n > 1 && (EVERY || transactional.get(n))) {
                        points.add("executed:" + n); // committed with its ledger row, the step-done line not written
                    }
                    points.add("step-done:" + n);
                }
                case "backup-verified" -> points.add("backup-verified:1");
                default -> {
                    // plan, fingerprint, verified: before anything or after everything
                }
            }
        }
        if (EVERY) {
            points.add("verifying");
        }
        assertThat(transactional).as("the plan is in the journal").isNotEmpty();
        return new ArrayList<>(points);
    }

    private static void killAt(String point, ScratchDatabase db, List<String> args, Path backup) throws Exception {
        Files.createDirectories(backup.getParent());
        int exit = launch(
                point,
                db,
                with(args, "--backup-dir", backup.toString()),
                backup.resolveSibling(backup.getFileName() + "-killed.txt"));
        assertThat(exit)
                .as("the repair was killed at " + point + ": "
                        + Files.readString(backup.resolveSibling(backup.getFileName() + "-killed.txt")))
                .isEqualTo(137);
        assertThat(Files.readString(backup.resolve("journal.jsonl"))).doesNotContain("\"event\":\"verified\"");
    }

    private static int launch(String point, ScratchDatabase db, List<String> args, Path output) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(args);
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().put("MIGRESCUE_JAVA_OPTS", "-Dmigrescue.test.crashAt=" + point);
        pb.environment().put("MIGRESCUE_NO_CDS", "1");
        pb.environment()
                .put("MIGRESCUE_LOG_DIR", output.getParent().resolve("logs").toString());
        pb.environment().putAll(db.cliEnvironment());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("killed run finished").isTrue();
        return p.exitValue();
    }

    private static void resumeVerified(
            ScratchDatabase db,
            Path backup,
            Scenarios.Broken broken,
            Fingerprint repaired,
            String probe,
            String expected,
            int historyRows,
            String point)
            throws Exception {
        CliRun resume = CliRun.on(db, "resume", "--from", backup.toString(), "--yes", "--format", "json");
        assertThat(resume.exitCode())
                .as("resume after a kill at " + point + ": " + resume.all())
                .isZero();
        JsonNode report = JSON.readTree(resume.out());
        assertThat(report.at("/status").asText()).as(point).isEqualTo("verified");
        assertThat(report.at("/verification").findValuesAsText("holds"))
                .as(point)
                .isNotEmpty()
                .containsOnly("true");
        assertThat(withoutHistoryRows(Fingerprint.of(db)))
                .as("schema and rows after a kill at " + point + " and resume")
                .isEqualTo(repaired);
        assertThat(db.scalar(probe)).isEqualTo(expected);
        assertThat(db.scalar("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '2'"))
                .as("history rows of version 2")
                .isEqualTo(String.valueOf(historyRows));
        assertThat(FlywayRun.flyway(
                                db,
                                broken.migrations(),
                                Map.of(),
                                Map.of("flyway.ignoreMigrationPatterns", "*:pending"))
                        .validateWithResult()
                        .validationSuccessful)
                .as("Flyway validates after a kill at " + point)
                .isTrue();
        assertThat(ledgerTables(db)).as("the ledger is gone once verified").isZero();
    }

    private static void rollBack(ScratchDatabase db, Path backup, Fingerprint before) throws Exception {
        CliRun rollback = CliRun.on(db, "resume", "--from", backup.toString(), "--rollback", "--yes");
        assertThat(rollback.exitCode()).as(backup + ": " + rollback.all()).isZero();
        assertThat(rollback.out()).contains("Status    rolled-back");
        assertThat(Fingerprint.of(db))
                .as("the database after rolling back " + backup)
                .isEqualTo(before);
        assertThat(ledgerTables(db)).as("the ledger is gone once rolled back").isZero();
    }

    private static long ledgerTables(ScratchDatabase db) throws Exception {
        // this test's database only: other databases on the server may hold a repair's ledger of their own
        return Long.parseLong(
                db.scalar("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'migrescue_repair_steps'"
                        + " AND table_schema = "
                        + (db.engine() == Engine.POSTGRESQL ? "current_schema()" : "DATABASE()")));
    }

    /** The history rows hold the time of recording, which differs between runs; their count and Flyway's validate are checked instead. */
    private static Fingerprint withoutHistoryRows(Fingerprint f) {
        Map<String, String> rows = new LinkedHashMap<>(f.rows());
        rows.remove("flyway_schema_history");
        return new Fingerprint(f.catalog(), rows);
    }

    private static List<String> with(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all;
    }
}
