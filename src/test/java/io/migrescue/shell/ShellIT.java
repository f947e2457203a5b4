package io.migrescue.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import io.migrescue.testing.FlywayRun;
import io.migrescue.testing.Scenarios;
import io.migrescue.testing.ScratchDatabase;
import io.migrescue.testing.ShellDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell driven over JLine's dumb terminal, as the on-call engineer would use it, on field report 05 made for real
 * on MariaDB by Flyway: connect (the password asked for), status, diagnose with the error pasted, plan, then repair
 * step by step, aborted in the middle (no roll back), and finished by resume; Flyway then validates.
 */
class ShellIT {

    @Test
    void fieldReport05AbortedInTheMiddleThenResumed(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "shell fr05")) {
            Scenarios.Broken broken = Scenarios.fieldReport05(db, dir.resolve("migrations"));
            Path backup = dir.resolve("backup");
            Path history = dir.resolve("home/.migrescue/history");
            try (ShellDriver shell = ShellDriver.start(db.cliEnvironment(), history)) {
                shell.type("connect " + db.jdbcUrl() + " -u " + db.server().user() + " --migrations "
                        + broken.migrations());
                if (db.server().password() == null) {
                    shell.expect("Password for " + db.server().user() + "@127.0.0.1:3306/" + db.name()
                            + " (Enter for none): ");
                    shell.type("");
                }
                assertThat(shell.prompt())
                        .contains("Connected to MariaDB")
                        .contains("Migrations: " + broken.migrations());

                shell.type("status");
                assertThat(shell.prompt()).contains("flyway").contains("(exit 1)");

                shell.type("diagnose");
                shell.expect("Paste the error output");
                for (String line : broken.errorText().split("\n")) {
                    if (!line.isBlank()) {
                        shell.type(line);
                    }
                }
                shell.type(".");
                assertThat(shell.prompt())
                        .contains("DUPLICATE_CONSTRAINT_NAME")
                        .contains("rename-conflicting-constraint");

                shell.type("plan");
                shell.expect("Suffix for the old table's constraint names [_old]: ");
                shell.type("");
                assertThat(shell.prompt())
                        .contains("DROP FOREIGN KEY `fk_skp_tahunan_user`")
                        .contains(
                                "Nothing was changed. To walk it step by step, asked before each: repair rename-conflicting-constraint");
                assertThat(foreignKeys(db, "skp_tahunan_backup_v1"))
                        .containsExactlyInAnyOrder("fk_skp_tahunan_user", "fk_skp_tahunan_approved_by");

                // repair, step by step, aborted before step 3 and not rolled back
                shell.type("repair --backup-dir " + backup);
                shell.expect("Suffix for the old table's constraint names [_old]: ");
                shell.type("");
                assertThat(shell.expect("Run step 1?"))
                        .contains("Plan  rename-conflicting-constraint")
                        .contains("Step 1 of 7")
                        .contains("back up skp_tahunan_backup_v1")
                        .contains("(no SQL: nothing in the database changes)");
                shell.type("y");
                assertThat(shell.expect("Run step 2?"))
                        .contains("done")
                        .contains("Step 2 of 7")
                        .contains("DROP FOREIGN KEY `fk_skp_tahunan_user`, ADD CONSTRAINT `fk_skp_tahunan_user_old`");
                shell.type("y");
                assertThat(shell.expect("Run step 3?"))
                        .contains("done")
                        .contains("Step 3 of 7")
                        .contains("fk_skp_tahunan_approved_by_old");
                shell.type("what");
                shell.expect("[y]es / [n]o / [s]kip / [a]bort / [e]dit parameters; Ctrl-C asks whether to abort");
                shell.type("a");
                shell.expect("Roll back what this repair changed, restoring the backup?");
                shell.type("n");
                assertThat(shell.prompt())
                        .contains("Status    stopped")
                        .contains("aborted the repair before step 3")
                        .contains("Report    " + backup.resolve("report.md"))
                        .contains("(exit 4)");
                assertThat(Files.readString(backup.resolve("journal.jsonl")))
                        .contains("\"event\":\"aborted\",\"n\":3")
                        .doesNotContain("\"event\":\"verified\"");
                assertThat(foreignKeys(db, "skp_tahunan_backup_v1"))
                        .containsExactlyInAnyOrder("fk_skp_tahunan_user_old", "fk_skp_tahunan_approved_by");

                // resume: the session knows the repair; the steps left are walked the same way
                shell.type("resume");
                shell.expect("Resume the repair in " + backup + "? [y/N] ");
                shell.type("y");
                List<String> seen = new ArrayList<>();
                for (int step = 3; step <= 7; step++) {
                    seen.add(shell.expect("Run step " + step + "?"));
                    shell.type("y");
                }
                assertThat(seen.get(0)).contains("Step 3 of 7").doesNotContain("Step 2 of 7");
                assertThat(seen.get(1)).contains("CREATE TABLE skp_tahunan");
                assertThat(seen.get(4)).contains("record applied in flyway's flyway_schema_history");
                String end = shell.prompt();
                assertThat(end)
                        .contains("Status    verified")
                        .contains("ok   constraint fk_skp_tahunan_user on skp_tahunan")
                        .contains("Backup    " + backup)
                        .contains("Report    " + backup.resolve("report.md"))
                        .doesNotContain("FAIL");
                shell.type("exit");
                assertThat(shell.exitCode()).isZero();
                keep(shell, "ShellIT-fr05.txt");
            }
            assertThat(foreignKeys(db, "skp_tahunan"))
                    .containsExactlyInAnyOrder("fk_skp_tahunan_user", "fk_skp_tahunan_approved_by");
            assertThat(foreignKeys(db, "skp_tahunan_backup_v1"))
                    .containsExactlyInAnyOrder("fk_skp_tahunan_user_old", "fk_skp_tahunan_approved_by_old");
            assertThat(count(db, "skp_tahunan")).isEqualTo(3);
            assertThat(Files.readString(backup.resolve("journal.jsonl"))).contains("\"event\":\"verified\"");
            assertThat(Files.readString(backup.resolve("report.md")))
                    .contains("## Repair: `rename-conflicting-constraint`")
                    .contains("verified");
            FlywayRun.flyway(db, broken.migrations(), Map.of()).validate();
            assertThat(Files.readString(history))
                    .contains("connect ")
                    .contains("repair --backup-dir")
                    .contains("resume")
                    .doesNotContain("Paste")
                    .doesNotContain("SQL State");
        }
    }

    @Test
    void connectAsksForThePasswordWithoutKeepingItAnywhere(@TempDir Path dir) throws Exception {
        String secret = "Shell-pw-7Yq";
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "shell password")) {
            String user = "mrsh_" + db.name().substring(db.name().length() - 8);
            db.execute(
                    "CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + secret + "'",
                    "GRANT ALL ON `" + db.name() + "`.* TO '" + user + "'@'%'");
            try {
                Path history = dir.resolve("history");
                try (ShellDriver shell = ShellDriver.start(Map.of(), history)) {
                    shell.type("connect mariadb://" + user + "@127.0.0.1:3306/" + db.name());
                    shell.expect("Password for " + user + "@127.0.0.1:3306/" + db.name() + " (Enter for none): ");
                    shell.type(secret);
                    assertThat(shell.prompt()).contains("Connected to MariaDB").contains("as " + user);
                    shell.type("status");
                    assertThat(shell.prompt()).contains(db.name());
                    shell.type("connect mariadb://" + user + ":" + secret + "@127.0.0.1:3306/" + db.name());
                    assertThat(shell.prompt()).contains("Connected to MariaDB");
                    shell.type("connect mariadb://" + user + "@127.0.0.1:3306/" + db.name());
                    shell.expect("(Enter for none): ");
                    shell.keys(ShellDriver.CTRL_C);
                    assertThat(shell.prompt()).contains("connect cancelled");
                    shell.type("exit");
                    shell.exitCode();
                    assertThat(shell.transcript()).doesNotContain(secret);
                }
                assertThat(Files.readString(history))
                        .contains("connect mariadb://" + user + "@127.0.0.1:3306/")
                        .doesNotContain(secret);
            } finally {
                db.execute("DROP USER '" + user + "'@'%'");
            }
        }
    }

    /**
     * PostgreSQL, a foreign key added over orphan rows: the decision the playbook needs is asked with its choices and
     * default; at the second step the operator edits it (delete → set-null) and the plan is made again; the backup
     * and the session's other commands work from the same connection.
     */
    @Test
    void orphanPolicyAskedThenEditedAtAStep(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "shell orphans")) {
            Scenarios.Broken broken = Scenarios.orphanForeignKey(db, dir.resolve("migrations"));
            long orders = count(db, "orders");
            Path backup = dir.resolve("backup");
            try (ShellDriver shell = ShellDriver.start(db.cliEnvironment(), dir.resolve("history"))) {
                shell.type("connect " + db.jdbcUrl() + " -u " + db.server().user());
                if (db.server().password() == null) {
                    shell.expect("(Enter for none): ");
                    shell.type("");
                }
                assertThat(shell.prompt()).contains("Connected to PostgreSQL");
                shell.type("diagnose --error-file " + broken.errorFile() + " --migrations " + broken.migrations());
                assertThat(shell.prompt()).contains("FK_ORPHAN_ROWS").contains("fix-orphan-rows");

                shell.type("repair --backup-dir " + backup);
                shell.expect("needs a decision about rows");
                assertThat(shell.expect(
                                "What to do with the orphan rows (delete / set-null / insert-parents) [set-null]: "))
                        .as("each choice says what it does")
                        .contains("  delete  delete the orphan rows (the backup keeps them)")
                        .contains("  set-null  keep the orphan rows, with their foreign key columns set to NULL")
                        .contains(
                                "  insert-parents  keep the orphan rows, and insert a placeholder parent for each missing key")
                        .as("and which rows each choice touches")
                        .contains(
                                "  delete  delete the orphan rows (the backup keeps them)\n      deletes 3 rows of orders, the orphan rows (id 12, 13, 15)\n")
                        .contains(
                                "      updates 3 rows of orders, the orphan rows: (user_id) set to NULL (id 12, 13, 15)\n")
                        .contains(
                                "      inserts 2 rows into users, placeholders for the missing keys (id 98, 99)\n"
                                        + "      keeps 3 rows of orders, the orphan rows, which then point at the placeholders (id 12, 13, 15)\n");
                shell.type("delete");
                assertThat(shell.expect("Run step 1?"))
                        .contains("policy=delete")
                        .contains("      rows: deletes 3 rows of orders, the orphan rows (id 12, 13, 15)");
                shell.type("y");
                assertThat(shell.expect("Run step 2?"))
                        .as("the count and the keys before asking")
                        .contains("  Rows  deletes 3 rows of orders, the orphan rows (id 12, 13, 15)")
                        .contains("DELETE FROM");
                shell.type("e");
                shell.expect("What to do with the orphan rows (delete / set-null / insert-parents) [delete]: ");
                shell.type("set-null");
                shell.expect("planned again with");
                assertThat(shell.expect("Run step 2?"))
                        .contains("UPDATE")
                        .doesNotContain("DELETE FROM")
                        .contains(
                                "  Rows  updates 3 rows of orders, the orphan rows: (user_id) set to NULL (id 12, 13, 15)");
                shell.type("y");
                assertThat(shell.expect("Run step 3?"))
                        .as("what the statement changed")
                        .contains("3 rows changed");
                shell.type("y");
                while (shell.expectEither("Run step ", "Status    ") == 0) {
                    shell.type("y");
                }
                assertThat(shell.prompt()).startsWith("verified");

                shell.type("backup --table orders --to " + dir.resolve("orders-backup"));
                assertThat(shell.prompt()).contains("orders");
                shell.type("restore --from " + dir.resolve("orders-backup"));
                shell.expect("Replace 1 table (public.orders) with the backup taken ");
                shell.type("n");
                assertThat(shell.prompt()).contains("nothing was changed").contains("(exit 6)");
                shell.type("restore --from " + dir.resolve("orders-backup"));
                shell.expect("? [y/N] ");
                shell.type("y");
                assertThat(shell.prompt()).contains("public.orders").doesNotContain("(exit");
                shell.type("exit");
                shell.exitCode();
                keep(shell, "ShellIT-orphans.txt");
            }
            assertThat(count(db, "orders"))
                    .as("no order deleted: the policy was changed to set-null")
                    .isEqualTo(orders);
            assertThat(Files.readString(backup.resolve("journal.jsonl")))
                    .contains("\"event\":\"replanned\"")
                    .contains("\"event\":\"verified\"");
            assertThat(dir.resolve("orders-backup/manifest.json")).exists();
        }
    }

    /** The session as the person saw it, kept with the test logs. */
    private static void keep(ShellDriver shell, String name) throws Exception {
        Path logs = Path.of(System.getProperty("migrescue.log.dir", "target/it-logs"));
        Files.createDirectories(logs);
        Files.writeString(logs.resolve(name), shell.transcript());
    }

    private static List<String> foreignKeys(ScratchDatabase db, String table) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT CONSTRAINT_NAME FROM information_schema.TABLE_CONSTRAINTS WHERE CONSTRAINT_TYPE = 'FOREIGN KEY'"
                                + " AND TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '" + table + "'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static long count(ScratchDatabase db, String table) throws Exception {
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
