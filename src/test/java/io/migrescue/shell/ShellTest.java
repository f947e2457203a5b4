package io.migrescue.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.testing.ShellDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell over JLine's dumb terminal: no database needed for these. */
class ShellTest {

    @Test
    void helpListsEveryCommandWithAnExample(@TempDir Path dir) throws Exception {
        try (ShellDriver shell = ShellDriver.start(Map.of(), dir.resolve("history"))) {
            shell.type("help");
            String help = shell.prompt();
            for (String command : io.migrescue.cli.MigrescueCli.shellCommandNames()) {
                assertThat(ShellHelp.ENTRIES).as(command).containsKey(command);
                assertThat(help).contains("  " + command);
            }
            assertThat(help).contains("e.g. connect mariadb://");
            shell.type("help repair");
            assertThat(shell.prompt())
                    .contains("Usage: migrescue repair")
                    .contains("--param")
                    .contains("In the shell")
                    .contains("[y]es run it");
            shell.type("exit");
            assertThat(shell.exitCode()).isZero();
        }
    }

    @Test
    void ctrlCCancelsTheLineAndCtrlDLeaves(@TempDir Path dir) throws Exception {
        try (ShellDriver shell = ShellDriver.start(Map.of(), dir.resolve("history"))) {
            shell.keys("playbooks" + ShellDriver.CTRL_C);
            shell.prompt();
            shell.type("nosuchcommand");
            assertThat(shell.prompt())
                    .contains("unknown command: nosuchcommand")
                    .doesNotContain("rename-conflicting-constraint");
            shell.keys(ShellDriver.CTRL_D);
            shell.expect("bye");
            assertThat(shell.exitCode()).isZero();
        }
    }

    @Test
    void ctrlCAtThePasteCancelsTheCommand(@TempDir Path dir) throws Exception {
        try (ShellDriver shell = ShellDriver.start(Map.of(), dir.resolve("history"))) {
            shell.type("diagnose");
            shell.expect("Paste the error output");
            shell.keys("ERROR 1005" + ShellDriver.CTRL_C);
            assertThat(shell.prompt()).contains("migrescue: cancelled").doesNotContain("no database given");
            shell.type("exit");
            assertThat(shell.exitCode()).isZero();
        }
    }

    @Test
    void aDumbTerminalGetsPlainText(@TempDir Path dir) throws Exception {
        try (ShellDriver shell = ShellDriver.start(Map.of(), dir.resolve("history"))) {
            shell.type("playbooks");
            shell.prompt();
            shell.type("exit");
            shell.exitCode();
            assertThat(shell.transcript()).doesNotContain("\u001b[");
        }
    }

    @Test
    void historyIsKeptWithoutPasswords(@TempDir Path dir) throws Exception {
        Path history = dir.resolve("home/.migrescue/history");
        try (ShellDriver shell = ShellDriver.start(Map.of(), history)) {
            shell.type("playbooks show mark-applied");
            shell.prompt();
            shell.type("connect mysql://app:s3cret-Pw@127.0.0.1:1/shop");
            assertThat(shell.prompt()).contains("migrescue: ").doesNotContain("s3cret-Pw");
            shell.type("status --url postgresql://127.0.0.1:1/app?user=app&password=s3cret-Pw&sslmode=disable");
            shell.prompt();
            shell.type("exit");
            shell.exitCode();
        }
        String kept = Files.readString(history);
        assertThat(kept)
                .contains("playbooks show mark-applied")
                .contains("connect mysql://app@127.0.0.1:1/shop")
                .contains("status --url postgresql://127.0.0.1:1/app?user=app&sslmode=disable")
                .doesNotContain("s3cret");
    }
}
