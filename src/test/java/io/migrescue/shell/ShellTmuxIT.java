package io.migrescue.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import io.migrescue.testing.Scenarios;
import io.migrescue.testing.ScratchDatabase;
import io.migrescue.testing.Tmux;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a real terminal: the launcher ({@code bin/migrescue}, the shaded jar) in tmux, driven with send-keys
 * and read with capture-pane. A MariaDB user with a password connects (the password typed at the prompt), the error
 * is pasted as a terminal pastes it (bracketed, blank lines and all), and field report 05 is repaired answering the
 * prompts. The screen shows the prompts and the verification, and never the password; nor does the history file.
 */
class ShellTmuxIT {
    private static final Path LAUNCHER = Path.of("bin/migrescue").toAbsolutePath();
    private static final String SECRET = "Tmux-pw-41Zk";

    @Test
    void connectDiagnoseRepairVerified(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "tmux fr05")) {
            Scenarios.Broken broken = Scenarios.fieldReport05(db, dir.resolve("migrations"));
            String user = "mrtx_" + db.name().substring(db.name().length() - 8);
            db.execute(
                    "CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + SECRET + "'",
                    "GRANT ALL ON `" + db.name() + "`.* TO '" + user + "'@'%'");
            Path home = Files.createDirectories(dir.resolve("home"));
            Path work = Files.createDirectories(dir.resolve("work"));
            String command = "env -u MIGRESCUE_PASSWORD -u MYSQL_PWD -u MIGRESCUE_URL MIGRESCUE_JAVA_OPTS=-Duser.home="
                    + home + " " + LAUNCHER + " shell";
            String screen;
            try (Tmux tmux = Tmux.start(work, command)) {
                try {
                    tmux.waitFor("migrescue> ");
                    tmux.type("connect mariadb://" + user + "@127.0.0.1:3306/" + db.name() + " --migrations "
                            + broken.migrations());
                    tmux.waitFor("Password for " + user + "@127.0.0.1:3306/" + db.name() + " (Enter for none): ");
                    tmux.type(SECRET);
                    assertThat(tmux.waitFor("Connected to MariaDB"))
                            .doesNotContain(SECRET)
                            .contains("as " + user);

                    tmux.type("diagnose");
                    tmux.waitFor("Paste the error output");
                    tmux.paste(broken.errorText().strip() + "\n");
                    tmux.type(""); // the Enter that accepts the pasted lines ends the paste
                    tmux.waitFor("Fix with  repair rename-conflicting-constraint");

                    tmux.type("repair");
                    tmux.waitFor("Suffix for the old table's constraint names [_old]: ");
                    tmux.type("");
                    for (int step = 1; step <= 7; step++) {
                        tmux.waitFor("Run step " + step + "? [y]es / [n]o / [s]kip / [a]bort / [e]dit parameters");
                        tmux.type("y");
                    }
                    screen = tmux.waitFor("Report    ");
                    tmux.type("exit");
                } finally {
                    keep(screen(tmux), "ShellTmuxIT.txt");
                }
            } finally {
                db.execute("DROP USER '" + user + "'@'%'");
            }
            // nothing after the password prompt: not the password, not a mask character per letter
            assertThat(screen).containsPattern("\\(Enter for none\\): *\\n").doesNotContain("****");
            assertThat(screen)
                    .contains("Step 2 of 7")
                    .contains("DROP FOREIGN KEY `fk_skp_tahunan_user`")
                    .contains("DUPLICATE_CONSTRAINT_NAME")
                    .contains("ok   constraint fk_skp_tahunan_user on skp_tahunan")
                    .contains("ok   flyway history has no failed or dirty entry")
                    .contains("Status    verified")
                    .contains("Backup    migrescue-backups/")
                    .doesNotContain("   FAIL ")
                    .doesNotContain("  FAILED (")
                    .doesNotContain(SECRET);
            Path history = home.resolve(".migrescue/history");
            assertThat(Files.readString(history))
                    .contains("connect mariadb://" + user + "@127.0.0.1:3306/")
                    .contains("repair")
                    .doesNotContain(SECRET);
            try (Stream<Path> repairs = Files.list(work.resolve("migrescue-backups"))) {
                Path repair = repairs.findFirst().orElseThrow();
                assertThat(Files.readString(repair.resolve("journal.jsonl")))
                        .contains("\"event\":\"verified\"")
                        .doesNotContain(SECRET);
                assertThat(repair.resolve("report.md")).exists();
            }
        }
    }

    /**
     * At 80 columns the shell wraps what it prints at spaces: the terminal never has to wrap a line itself, so no word,
     * name or URL is cut in help, the banner, the findings or the step walk; advice is said as the shell says it.
     */
    @Test
    void eightyColumnsBreakNoWord(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "tmux 80 columns")) {
            Scenarios.Broken broken = Scenarios.fieldReport05(db, dir.resolve("migrations"));
            Path work = Files.createDirectories(dir.resolve("work"));
            String command = "env -u MIGRESCUE_URL MIGRESCUE_JAVA_OPTS=-Duser.home="
                    + Files.createDirectories(dir.resolve("home")) + " " + LAUNCHER + " shell";
            String joined;
            String shown;
            try (Tmux tmux = Tmux.start(work, command, 80)) {
                try {
                    tmux.waitFor("migrescue> ");
                    tmux.type("stauts");
                    tmux.waitFor("did you mean 'status'?");
                    tmux.type("status");
                    tmux.waitFor("not connected: connect URL first");
                    // each line typed at a prompt: typed ahead while a command prints, the terminal echoes it into
                    // the output (a race the faster start-up made likelier), which is not what this test looks at
                    tmux.type("help");
                    tmux.waitFor("migrescue> ", 4);
                    tmux.type("help repair");
                    tmux.waitFor("migrescue> ", 5);
                    tmux.type("connect " + db.jdbcUrl() + " -u " + db.server().user() + " --migrations "
                            + broken.migrations());
                    if (db.server().password() == null) {
                        tmux.waitFor("(Enter for none): ");
                        tmux.type("");
                    }
                    tmux.waitFor("Connected to MariaDB");
                    tmux.type("status");
                    tmux.waitFor("Next      diagnose");
                    tmux.type("diagnose --error-file " + broken.errorFile());
                    tmux.waitFor("Fix with  repair rename-conflicting-constraint");
                    tmux.type("repair");
                    tmux.waitFor("Suffix for the old table's constraint names [_old]: ");
                    tmux.type("");
                    for (int step = 1; step <= 7; step++) {
                        tmux.waitFor("Run step " + step + "?");
                        tmux.type("y");
                    }
                    joined = tmux.waitFor("Report    ");
                    shown = tmux.captureAsShown();
                    keep(shown, "ShellTmuxIT-80-as-shown.txt");
                    tmux.type("exit");
                } finally {
                    keep(screen(tmux), "ShellTmuxIT-80.txt");
                }
            }
            assertThat(joined)
                    .contains("Status    verified")
                    .doesNotContain("migrescue diagnose")
                    .doesNotContain("same connection options");
            // tmux joins (-J) only the lines it wrapped itself: none of the shell's, so both captures agree line for
            // line
            // (what the test typed at the prompt is the terminal's to wrap, and is left out)
            assertThat(withoutTypedLines(shown, 80)).isEqualTo(withoutTypedLines(joined, 0));
        }
    }

    /**
     * Ctrl-C while a step runs (held up by a transaction that reads the table it alters) does not cut the step off: it
     * finishes, then the operator is asked; they abort, and roll back.
     */
    @Test
    void ctrlCDuringAStepLetsItFinishThenAsks(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "tmux ctrl-c")) {
            Scenarios.Broken broken = Scenarios.fieldReport05(db, dir.resolve("migrations"));
            Path work = Files.createDirectories(dir.resolve("work"));
            String command = "env -u MIGRESCUE_URL MIGRESCUE_JAVA_OPTS=-Duser.home="
                    + Files.createDirectories(dir.resolve("home")) + " " + LAUNCHER + " shell";
            try (Tmux tmux = Tmux.start(work, command);
                    java.sql.Connection reader = db.connect()) {
                try {
                    tmux.waitFor("migrescue> ");
                    tmux.type("connect " + db.jdbcUrl() + " -u " + db.server().user() + " --migrations "
                            + broken.migrations());
                    if (db.server().password() == null) {
                        tmux.waitFor("(Enter for none): ");
                        tmux.type("");
                    }
                    tmux.waitFor("Connected to MariaDB");
                    tmux.type("repair --error-file " + broken.errorFile());
                    tmux.waitFor("Suffix for the old table's constraint names [_old]: ");
                    tmux.type("");
                    tmux.waitFor("Run step 1?");
                    tmux.type("y");
                    tmux.waitFor("Run step 2?");
                    reader.setAutoCommit(false);
                    try (java.sql.Statement st = reader.createStatement()) {
                        st.executeQuery("SELECT COUNT(*) FROM skp_tahunan_backup_v1")
                                .close(); // holds the table's metadata lock
                    }
                    tmux.type("y");
                    tmux.waitFor("step 2 running");
                    tmux.keys("C-c");
                    tmux.waitFor("Ctrl-C: step 2 finishes first");
                    reader.commit(); // the step can go on
                    tmux.waitFor("Ctrl-C was pressed during step 2. Abort the repair here? [y/N]");
                    tmux.type("y");
                    tmux.waitFor("Roll back what this repair changed, restoring the backup?");
                    tmux.type("y");
                    String screen = tmux.waitFor("Status    rolled-back");
                    assertThat(screen)
                            .contains("Stopping before step 3, as asked.")
                            .doesNotContain("Run step 3?");
                    tmux.type("exit");
                } finally {
                    keep(screen(tmux), "ShellTmuxIT-ctrl-c.txt");
                }
            }
            try (java.sql.Connection c = db.connect();
                    java.sql.Statement st = c.createStatement();
                    java.sql.ResultSet rs = st.executeQuery(
                            "SELECT GROUP_CONCAT(CONSTRAINT_NAME ORDER BY CONSTRAINT_NAME) FROM information_schema.TABLE_CONSTRAINTS"
                                    + " WHERE CONSTRAINT_TYPE = 'FOREIGN KEY' AND TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'skp_tahunan_backup_v1'")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("fk_skp_tahunan_approved_by,fk_skp_tahunan_user");
            }
        }
    }

    /**
     * A step held up by a session idle in transaction: while it waits the screen names the holder (its pid and state)
     * and the attempt; Ctrl-C cancels the waiting statement, the step ends stopped with the journal saying so, and
     * once the holder has let go {@code resume --yes} finishes the repair, verified.
     */
    @Test
    void ctrlCCancelsAStepWaitingForALock(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "tmux lock wait");
                java.sql.Connection blocker = db.connect()) {
            Scenarios.Broken broken = Scenarios.duplicateRows(db, dir.resolve("migrations"));
            Path work = Files.createDirectories(dir.resolve("work"));
            String command = "env -u MIGRESCUE_URL MIGRESCUE_JAVA_OPTS=-Duser.home="
                    + Files.createDirectories(dir.resolve("home")) + " " + LAUNCHER + " shell";
            long pid;
            try (java.sql.Statement st = blocker.createStatement();
                    java.sql.ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getLong(1);
            }
            String waiting;
            String cancelled;
            String resumed;
            try (Tmux tmux = Tmux.start(work, command)) {
                try {
                    tmux.waitFor("migrescue> ");
                    tmux.type("connect " + db.jdbcUrl() + " -u " + db.server().user() + " --migrations "
                            + broken.migrations());
                    if (db.server().password() == null) {
                        tmux.waitFor("(Enter for none): ");
                        tmux.type("");
                    }
                    tmux.waitFor("Connected to PostgreSQL");
                    tmux.type("repair fix-duplicate-rows --param keep=first --error-file " + broken.errorFile());
                    tmux.waitFor("Run step 1?");
                    tmux.type("y");
                    tmux.waitFor("Run step 2?");
                    blocker.setAutoCommit(false);
                    try (java.sql.Statement st = blocker.createStatement()) {
                        st.executeUpdate(
                                "UPDATE users SET email = email WHERE id = 2"); // a row step 2 deletes; then idle in
                        // transaction
                    }
                    tmux.type("y");
                    waiting = tmux.waitFor("attempt 2 of 5");
                    tmux.keys("C-c");
                    cancelled = tmux.waitFor("Roll back what this repair changed");
                    tmux.type("n");
                    tmux.waitFor("Status    stopped");
                    blocker.rollback(); // the holder lets go
                    tmux.type("resume --yes");
                    resumed = tmux.waitFor("Status    verified");
                    tmux.type("exit");
                } finally {
                    keep(screen(tmux), "ShellTmuxIT-lock-wait.txt");
                }
            }
            assertThat(waiting)
                    .contains("step 2 waiting for a lock on users held by pid " + pid + " (")
                    .contains("idle in transaction for ")
                    .contains("UPDATE users SET email = email WHERE id = 2");
            assertThat(cancelled)
                    .contains("Ctrl-C: the statement waiting for a lock is cancelled")
                    .contains("cancelled while waiting for a lock on users held by pid " + pid);
            Path repair;
            try (Stream<Path> repairs = Files.list(work.resolve("migrescue-backups"))) {
                repair = repairs.findFirst().orElseThrow();
            }
            java.util.List<String> journal = Files.readAllLines(repair.resolve("journal.jsonl"));
            String failed = journal.stream()
                    .filter(l -> l.contains("\"event\":\"step-failed\""))
                    .findFirst()
                    .orElseThrow();
            assertThat(failed)
                    .contains("\"n\":2")
                    .contains("cancelled while waiting for a lock on users held by pid " + pid);
            int at = journal.indexOf(failed);
            assertThat(journal.get(at - 1)).contains("\"event\":\"lock-wait\"").contains("pid " + pid);
            assertThat(journal.get(at + 1)).contains("\"event\":\"stopped\"");
            assertThat(journal.get(journal.size() - 1)).contains("\"event\":\"verified\"");
            assertThat(resumed.substring(resumed.lastIndexOf("resume --yes")))
                    .contains(" 2. [done] keep the first row")
                    .contains("ok   no duplicate (email) in users");
            assertThat(db.scalar("SELECT COUNT(*) FROM users")).isEqualTo("5");
        }
    }

    /** The screen as it is now; empty once the shell has left (after {@code exit} the session may end at any moment). */
    /** The screen without the command lines typed at the prompt (and, as shown at {@code columns}, their wrapped rest). */
    private static java.util.List<String> withoutTypedLines(String screen, int columns) {
        java.util.List<String> kept = new java.util.ArrayList<>();
        boolean continued = false;
        for (String line : screen.lines().toList()) {
            boolean typed = line.matches("^migrescue[^>]*>( .*)?$") || continued;
            continued = typed && columns > 0 && line.length() >= columns;
            if (!typed) {
                kept.add(line.stripTrailing());
            }
        }
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isEmpty()) {
            kept.remove(kept.size() - 1);
        }
        return kept;
    }

    private static String screen(Tmux tmux) {
        try {
            return tmux.alive() ? tmux.capture() : "";
        } catch (AssertionError gone) { // Tmux reports a failed tmux command so
            return "";
        }
    }

    private static void keep(String screen, String name) throws Exception {
        Path logs = Path.of(System.getProperty("migrescue.log.dir", "target/it-logs"));
        Files.createDirectories(logs);
        Files.writeString(logs.resolve(name), screen);
    }
}
