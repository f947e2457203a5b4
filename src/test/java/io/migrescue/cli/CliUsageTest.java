package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.testing.CliRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command-line surface without a database: help, version, usage errors and their exit codes. */
class CliUsageTest {

    @Test
    void helpListsCommandsAndExitCodes() {
        CliRun run = CliRun.run("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("status")
                .contains("--version")
                .contains("-v, --verbose")
                .contains("70  internal error")
                .contains("7   the saved plan no longer fits");
    }

    @Test
    void verboseLastsOneRunOnly() {
        CliRun.run("-v", "--version");
        assertThat(Verbosity.on()).isTrue();
        CliRun.run("--version");
        assertThat(Verbosity.on()).isFalse(); // in-process runs (tests, the shell) do not inherit it
    }

    @Test
    void quietLastsOneRunOnly() {
        CliRun.run("status", "-q", "--help");
        assertThat(Verbosity.quiet()).isTrue();
        CliRun.run("--version");
        assertThat(Verbosity.quiet()).isFalse();
    }

    @Test
    void restoreAndBackupNeedTheirDirectories() {
        CliRun restore = CliRun.run("restore", "--yes");
        assertThat(restore.exitCode()).isEqualTo(2);
        assertThat(restore.err()).contains("--from");
        CliRun backup = CliRun.run("backup", "--to", "/tmp/x");
        assertThat(backup.exitCode()).isEqualTo(2);
        assertThat(backup.err()).contains("--table");
    }

    @Test
    void savedPlanOptionsAreCheckedBeforeConnecting() {
        CliRun save = CliRun.run("repair", "--save-plan", "/tmp/never.json", "--yes");
        assertThat(save.exitCode()).isEqualTo(2);
        assertThat(save.err()).contains("--save-plan writes the plan a dry run shows: add --dry-run");
        CliRun both = CliRun.run("repair", "--plan", "/tmp/never.json", "fix-duplicate-rows", "--yes");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--plan runs the saved plan as it was saved");
    }

    @Test
    void version() {
        CliRun run = CliRun.run("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("migrescue ");
    }

    @Test
    void noCommandWithoutTerminalPrintsUsageAndExits2() {
        CliRun run = CliRun.run();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Usage: migrescue");
    }

    @Test
    void unknownOptionIsOneLineAndExit2() {
        CliRun run = CliRun.run("status", "--frobnicate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("unknown option '--frobnicate'")
                .contains("Try 'migrescue status --help'")
                .doesNotContain("did you mean");
        assertThat(run.err().lines()).hasSize(2);
    }

    @Test
    void typosGetASuggestion() {
        CliRun command = CliRun.run("stauts", "--url", "x");
        assertThat(command.exitCode()).isEqualTo(2);
        assertThat(command.err()).startsWith("migrescue: unknown command 'stauts': did you mean 'status'?\n");
        CliRun option = CliRun.run("status", "--formt", "json");
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.err()).startsWith("migrescue: unknown option '--formt': did you mean '--format'?\n");
        CliRun dash = CliRun.run("repair", "--dryrun");
        assertThat(dash.err()).contains("did you mean '--dry-run'?");
        CliRun far = CliRun.run("frobnicate");
        assertThat(far.err()).startsWith("migrescue: unknown command 'frobnicate'\n");
    }

    @Test
    void aPasswordOptionIsRefusedWithoutEchoingIt() {
        CliRun run = CliRun.run("status", "--url", "postgresql://u@h/db", "--password", "Shh-Secret-123");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.all()).doesNotContain("Shh-Secret-123").contains("--password-env");
    }

    @Test
    void badFormatValueIsUsageError() {
        CliRun run = CliRun.run("status", "--url", "postgresql://u@h/db", "--format", "yaml");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("yaml");
    }

    @Test
    void missingAndUnsupportedUrlsExit2WithOneLine() {
        CliRun none = CliRun.run("status");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).startsWith("migrescue: no database given");

        CliRun unsupported = CliRun.run("status", "--url", "sqlserver://sa:Secret-Pw-9@h/db");
        assertThat(unsupported.exitCode()).isEqualTo(2);
        assertThat(unsupported.err())
                .contains("unsupported")
                .doesNotContain("Secret-Pw-9")
                .doesNotContain("Exception");
        assertThat(unsupported.err().lines()).hasSize(1);

        CliRun malformed = CliRun.run("status", "--url", "postgresql://u:Secret-Pw-8@h:99999/db");
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains("out of range").doesNotContain("Secret-Pw-8");
    }

    @Test
    void urlFromTheEnvironment() {
        CliRun run = CliRun.run(Map.of("MIGRESCUE_URL", "oracle://x"), List.of("status"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unsupported database URL scheme");
    }

    @Test
    void playbooksListAndShow() {
        CliRun list = CliRun.run("playbooks");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out())
                .contains("rename-conflicting-constraint")
                .contains("fix-orphan-rows")
                .contains("fixes FK_ORPHAN_ROWS");
        CliRun show = CliRun.run("playbooks", "show", "fix-orphan-rows");
        assertThat(show.exitCode()).isZero();
        assertThat(show.out())
                .contains("policy (delete | set-null | insert-parents)")
                .contains("a decision: must be given")
                .contains("      delete: delete the orphan rows (the backup keeps them)\n")
                .contains("      set-null: keep the orphan rows, with their foreign key columns set to NULL");
        CliRun checks = CliRun.run("playbooks", "show", "fix-check-violations");
        assertThat(checks.exitCode()).as(checks.all()).isZero();
        assertThat(checks.out())
                .contains("Fixes:   CHECK_VIOLATION")
                .contains("policy (delete | set-column)")
                .contains("      delete: delete the rows that fail the CHECK (the backup keeps them)\n")
                .contains("fix-check-rows");
        CliRun unfit = CliRun.run("playbooks", "show", "fix-unconvertible-values");
        assertThat(unfit.exitCode()).as(unfit.all()).isZero();
        assertThat(unfit.out())
                .contains("Fixes:   TYPE_CONVERSION")
                .contains("policy (set-null | set-value | truncate | delete)")
                .contains("      truncate: keep the rows, with a string longer than the new length cut to it")
                .contains("fix-unfit-rows");
        CliRun duplicates = CliRun.run("playbooks", "show", "fix-duplicate-rows", "--format", "json");
        assertThat(duplicates.out())
                .contains("\"first\" : \"keep the row with the lowest primary key of each duplicate key");
        CliRun unknown = CliRun.run("playbooks", "show", "nope");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no playbook 'nope'");
    }
}
