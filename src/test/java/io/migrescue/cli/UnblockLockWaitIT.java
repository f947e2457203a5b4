package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.Fingerprint;
import io.migrescue.testing.FlywayRun;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real Flyway's migration times out behind a session left idle in a transaction (PostgreSQL 55P03, MariaDB 1205).
 * {@code unblock-lock-wait} names the blocker and, while it stays, stops with exit 4 and nothing changed; it ends a
 * session only when the operator names it (and only one that blocks); once the blocker commits by itself the waiting
 * repair goes through without ending anything. Each time Flyway's own next run then succeeds.
 */
class UnblockLockWaitIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void endsTheBlockingSessionOnlyWhenNamed(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "unblock terminate");
                Connection blocker = db.connect();
                Connection bystander = db.connect()) {
            Path migrations = dir.resolve("m");
            createTasks(db, migrations);
            long blockerId = hold(db, blocker);
            long bystanderId = sessionId(db, bystander);
            Path error = failBehind(db, migrations, dir);

            Fingerprint before = Fingerprint.of(db);
            CliRun blocked = CliRun.on(db, "repair", args(error, migrations, dir.resolve("b1"), "--yes"));
            assertThat(blocked.exitCode()).as(blocked.all()).isEqualTo(4);
            String who = (engine == Engine.POSTGRESQL ? "pid " : "connection ") + blockerId + " (";
            assertThat(blocked.all())
                    .contains("still held by " + who)
                    .contains("--param terminate=" + blockerId)
                    .contains("nothing was changed");
            if (engine == Engine.POSTGRESQL) {
                assertThat(blocked.all())
                        .contains("billing-worker")
                        .contains("idle in transaction for ")
                        .contains("UPDATE tasks SET title = title WHERE id = 1");
            }
            assertThat(Fingerprint.of(db)).as("nothing changed while blocked").isEqualTo(before);
            assertThat(alive(blocker)).isTrue();

            CliRun wrong = CliRun.on(
                    db,
                    "repair",
                    args(error, migrations, dir.resolve("b2"), "--param", "terminate=" + bystanderId, "--yes"));
            assertThat(wrong.exitCode()).as(wrong.all()).isEqualTo(4);
            assertThat(wrong.all()).contains("session " + bystanderId + " holds none of them and was not ended");
            assertThat(alive(bystander))
                    .as("a session that does not block is never ended")
                    .isTrue();
            assertThat(alive(blocker)).isTrue();
            assertThat(Fingerprint.of(db)).isEqualTo(before);

            CliRun ended = CliRun.on(
                    db,
                    "repair",
                    args(error, migrations, dir.resolve("b3"), "--param", "terminate=" + blockerId, "--yes"));
            assertThat(ended.exitCode()).as(ended.all()).isZero();
            assertThat(ended.out()).contains("verified");
            assertThat(alive(blocker)).as("the named blocker was ended").isFalse();
            assertThat(alive(bystander)).as("only that session").isTrue();
            assertThat(Files.readString(dir.resolve("b3/journal.jsonl"))).contains("\"event\":\"session-ended\"");
            assertThat(db.scalar("SELECT COUNT(*) FROM tasks"))
                    .as("no row lost")
                    .isEqualTo("3");
            flywayRunsClean(db, migrations);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void theRepairWaitsForABlockerThatCommitsByItself(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "unblock wait");
                Connection blocker = db.connect()) {
            Path migrations = dir.resolve("m");
            createTasks(db, migrations);
            hold(db, blocker);
            Path error = failBehind(db, migrations, dir);

            Path backup = dir.resolve("b");
            // no playbook named: diagnosis recommends unblock-lock-wait for the lock timeout
            String[] recommended = java.util.Arrays.copyOfRange(args(error, migrations, backup, "--yes"), 1, 8);
            CompletableFuture<CliRun> repair =
                    CompletableFuture.supplyAsync(() -> CliRun.on(db, "repair", recommended));
            Path journal = backup.resolve("journal.jsonl");
            while (!repair.isDone()
                    && !(Files.exists(journal) && Files.readString(journal).contains("\"event\":\"lock-wait\""))) {
                Thread.sleep(100);
            }
            blocker.commit(); // the holder finishes its own work: the next attempt goes through
            CliRun run = repair.get(2, TimeUnit.MINUTES);
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.err()).contains("waiting for a lock on tasks held by ");
            assertThat(run.out()).contains("verified").contains("unblock-lock-wait");
            String events = Files.readString(journal);
            assertThat(events)
                    .contains("\"event\":\"lock-wait\"")
                    .contains("\"event\":\"locks-free\"")
                    .doesNotContain("session-ended");
            assertThat(alive(blocker)).as("nothing was ended").isTrue();
            assertThat(db.scalar("SELECT title FROM tasks WHERE id = 1")).isEqualTo("write");
            flywayRunsClean(db, migrations);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void aStoppedRepairResumesOnceTheBlockerHasCommitted(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "unblock resume");
                Connection blocker = db.connect()) {
            Path migrations = dir.resolve("m");
            createTasks(db, migrations);
            hold(db, blocker);
            Path error = failBehind(db, migrations, dir);
            Fingerprint before = Fingerprint.of(db);
            CliRun blocked = CliRun.on(db, "repair", args(error, migrations, dir.resolve("b"), "--yes"));
            assertThat(blocked.exitCode()).as(blocked.all()).isEqualTo(4);
            assertThat(Fingerprint.of(db)).isEqualTo(before);

            blocker.commit();
            CliRun resumed = CliRun.on(db, "resume", "--from", dir.resolve("b").toString(), "--yes");
            assertThat(resumed.exitCode()).as(resumed.all()).isZero();
            assertThat(resumed.out()).contains("verified");
            assertThat(Files.readString(dir.resolve("b/journal.jsonl"))).doesNotContain("session-ended");
            assertThat(alive(blocker)).isTrue();
            flywayRunsClean(db, migrations);
        }
    }

    private static final String V1 = "CREATE TABLE tasks (id BIGINT PRIMARY KEY, title VARCHAR(200));\n"
            + "INSERT INTO tasks (id, title) VALUES (1, 'write'), (2, 'test'), (3, 'ship');\n";

    private static void createTasks(ScratchDatabase db, Path migrations) {
        FlywayRun.flyway(db, migrations, Map.of("V1__tasks.sql", V1)).migrate();
    }

    /** Flyway's V2 waits one second for the lock the blocker holds, then fails; returns the error file. */
    private static Path failBehind(ScratchDatabase db, Path migrations, Path dir) throws Exception {
        Map<String, String> scripts = new LinkedHashMap<>();
        scripts.put("V1__tasks.sql", V1);
        scripts.put(
                "V2__tasks_priority.sql",
                "ALTER TABLE tasks ADD COLUMN priority INT NOT NULL DEFAULT 0;\n"
                        + "CREATE INDEX tasks_priority_idx ON tasks (priority);\n");
        String init =
                db.engine() == Engine.POSTGRESQL ? "SET lock_timeout = '1s'" : "SET SESSION lock_wait_timeout = 1";
        String failure = FlywayRun.migrateExpectingFailure(
                FlywayRun.flyway(db, migrations, scripts, Map.of("flyway.initSql", init)));
        assertThat(failure).as("V2 times out behind the blocker").isNotNull();
        return Files.writeString(dir.resolve("error.txt"), failure);
    }

    /** The blocker: idle in a transaction that updated a row of tasks (holding its locks). */
    private static long hold(ScratchDatabase db, Connection blocker) throws SQLException {
        long id = sessionId(db, blocker);
        try (Statement st = blocker.createStatement()) {
            if (db.engine() == Engine.POSTGRESQL) {
                st.execute("SET application_name = 'billing-worker'");
            }
            blocker.setAutoCommit(false);
            st.executeUpdate("UPDATE tasks SET title = title WHERE id = 1");
        }
        return id;
    }

    private static void flywayRunsClean(ScratchDatabase db, Path migrations) throws Exception {
        MigrateResult next = FlywayRun.flyway(db, migrations, Map.of()).migrate();
        assertThat(next.success).isTrue();
        assertThat(next.migrationsExecuted).as("V2 is recorded as applied").isZero();
        assertThat(db.scalar("SELECT COUNT(*) FROM tasks WHERE priority = 0"))
                .as("the column the migration adds")
                .isEqualTo("3");
        assertThat(db.scalar(
                        db.engine() == Engine.POSTGRESQL
                                ? "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'tasks_priority_idx'"
                                : "SELECT COUNT(DISTINCT INDEX_NAME) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
                                        + " AND INDEX_NAME = 'tasks_priority_idx'"))
                .isEqualTo("1");
    }

    private static String[] args(Path error, Path migrations, Path backup, String... extra) {
        List<String> all = new ArrayList<>(List.of(
                "unblock-lock-wait",
                "--error-file",
                error.toString(),
                "--migrations",
                migrations.toString(),
                "--backup-dir",
                backup.toString()));
        all.addAll(List.of(extra));
        return all.toArray(String[]::new);
    }

    private static long sessionId(ScratchDatabase db, Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        db.engine() == Engine.POSTGRESQL ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean alive(Connection c) {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT 1")) {
            return rs.next();
        } catch (SQLException e) {
            return false;
        }
    }
}
