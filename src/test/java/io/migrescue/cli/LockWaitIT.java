package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.Scenarios;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A repair step held up by another session's open transaction: while it waits, stderr and the journal name the
 * session that holds the lock and the attempt that comes next; once the holder commits, the retry goes through.
 */
class LockWaitIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void theLockWaitNamesTheBlocker(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "lock wait");
                Connection blocker = db.connect()) {
            Scenarios.Broken broken = Scenarios.duplicateRows(db, dir.resolve("m"));
            long id;
            blocker.setAutoCommit(false);
            try (Statement st = blocker.createStatement()) {
                try (ResultSet rs = st.executeQuery(
                        engine == Engine.POSTGRESQL ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()")) {
                    rs.next();
                    id = rs.getLong(1);
                }
                // holds the row the repair deletes (and, on PostgreSQL, a lock on the table): idle in transaction
                st.executeUpdate("UPDATE users SET email = email WHERE id = 2");
            }
            Path backup = dir.resolve("b");
            CompletableFuture<CliRun> repair = CompletableFuture.supplyAsync(() -> CliRun.on(
                    db,
                    "repair",
                    "fix-duplicate-rows",
                    "--param",
                    "keep=first",
                    "--error-file",
                    broken.errorFile().toString(),
                    "--migrations",
                    broken.migrations().toString(),
                    "--backup-dir",
                    backup.toString(),
                    "--yes"));
            Path journal = backup.resolve("journal.jsonl");
            JsonNode wait = null;
            while (wait == null && !repair.isDone()) {
                wait = Files.exists(journal) ? lockWait(journal) : null;
                Thread.sleep(100);
            }
            blocker.rollback(); // the holder lets go: the next attempt goes through
            CliRun run = repair.get(2, TimeUnit.MINUTES);
            assertThat(wait).as(run.all()).isNotNull();
            String who = (engine == Engine.POSTGRESQL ? "pid " : "connection ") + id + " (";
            assertThat(wait.get("message").asText())
                    .contains("waiting for a lock on users held by " + who)
                    .contains("; attempt 2 of 5");
            assertThat(wait.get("heldBy").toString()).contains(who);
            assertThat(run.err())
                    .contains("migrescue: step ")
                    .contains("waiting for a lock on users held by " + who)
                    .contains("attempt 2 of 5");
            if (engine == Engine.POSTGRESQL) {
                assertThat(run.err())
                        .contains("idle in transaction for ")
                        .contains(": UPDATE users SET email = email WHERE id = 2)");
            }
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out()).contains("verified");
        }
    }

    /**
     * The launcher on a real terminal (tmux): Ctrl-C (SIGINT) while a step waits for a lock cancels the waiting
     * statement; the run exits 4 with the journal ending in the step's failure and the stop, and resume finishes it.
     */
    @org.junit.jupiter.api.Test
    void ctrlCOnTheCommandLineCancelsTheWait(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "lock wait sigint");
                Connection blocker = db.connect()) {
            Scenarios.Broken broken = Scenarios.duplicateRows(db, dir.resolve("m"));
            blocker.setAutoCommit(false);
            try (Statement st = blocker.createStatement()) {
                st.executeUpdate("UPDATE users SET email = email WHERE id = 2");
            }
            Path work = Files.createDirectories(dir.resolve("work"));
            String launcher = Path.of("bin/migrescue").toAbsolutePath().toString();
            String command = "env -u MIGRESCUE_URL " + launcher + " repair --url " + db.jdbcUrl() + " -u "
                    + db.server().user()
                    + " fix-duplicate-rows --param keep=first --error-file " + broken.errorFile() + " --migrations "
                    + broken.migrations()
                    + " --backup-dir b --yes; echo \"exit=$?\"; sleep 600";
            String screen;
            try (io.migrescue.testing.Tmux tmux = io.migrescue.testing.Tmux.start(work, command)) {
                tmux.waitFor("attempt 2 of 5");
                tmux.keys("C-c");
                screen = tmux.waitFor("exit=");
            }
            assertThat(screen)
                    .contains("migrescue: Ctrl-C: the statement waiting for a lock is cancelled")
                    .contains("exit=4")
                    .contains("Status    stopped")
                    .contains("cancelled while waiting for a lock on users held by pid ");
            List<String> journal = Files.readAllLines(work.resolve("b/journal.jsonl"));
            assertThat(journal.get(journal.size() - 2))
                    .contains("\"event\":\"step-failed\"")
                    .contains("cancelled while waiting for a lock");
            assertThat(journal.get(journal.size() - 1)).contains("\"event\":\"stopped\"");
            assertThat(db.scalar("SELECT COUNT(*) FROM users")).isEqualTo("8"); // the delete was rolled back
            blocker.rollback();
            CliRun resumed = CliRun.on(db, "resume", "--from", work.resolve("b").toString(), "--yes");
            assertThat(resumed.exitCode()).as(resumed.all()).isZero();
            assertThat(resumed.out()).contains("Status    verified");
            assertThat(db.scalar("SELECT COUNT(*) FROM users")).isEqualTo("5");
        }
    }

    private static JsonNode lockWait(Path journal) throws Exception {
        List<String> lines = Files.readAllLines(journal);
        for (String line : lines) {
            JsonNode event = JSON.readTree(line);
            if (event.path("event").asText().equals("lock-wait")) {
                return event;
            }
        }
        return null;
    }
}
