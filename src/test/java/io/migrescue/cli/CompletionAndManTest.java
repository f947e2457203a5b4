package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion scripts load in the shells and complete migrescue's commands; the man pages render. */
class CompletionAndManTest {
    private static final List<String> VISIBLE = List.of(
            "status",
            "diagnose",
            "explain",
            "playbooks",
            "history",
            "repair",
            "resume",
            "backup",
            "restore",
            "demo",
            "diff",
            "shell",
            "completion");

    @Test
    void bashScriptCompletesCommandsAndOptions(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.run("completion", "bash");
        assertThat(run.exitCode()).isZero();
        Path script = Files.writeString(dir.resolve("migrescue.bash"), run.out());
        String result = shell(
                "bash",
                "-c",
                "source " + script + " && complete -p migrescue"
                        + " && COMP_WORDS=(migrescue '') COMP_CWORD=1 COMP_LINE='migrescue ' COMP_POINT=10 && _complete_migrescue"
                        + " && echo \"commands: ${COMPREPLY[*]}\""
                        + " && COMP_WORDS=(migrescue repair --dr) COMP_CWORD=2 COMP_LINE='migrescue repair --dr' COMP_POINT=21"
                        + " && _complete_migrescue && echo \"options: ${COMPREPLY[*]}\"");
        assertThat(result).contains("-F _complete_migrescue migrescue").doesNotContain("completion is not available");
        String commands = line(result, "commands: ");
        assertThat(commands.split(" "))
                .contains("repair", "diagnose", "status", "completion")
                .doesNotContain("man");
        assertThat(line(result, "options: ")).contains("--dry-run");
    }

    @Test
    void zshScriptIsTheBashScriptForBashcompinit() {
        CliRun run = CliRun.run("completion", "zsh");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("# migrescue completion for zsh")
                .contains("bashcompinit")
                .contains(CliRun.run("completion", "bash").out());
    }

    @Test
    void unknownShellIsAUsageError() {
        CliRun run = CliRun.run("completion", "fish");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("fish").contains("bash, zsh").doesNotContain("Exception");
    }

    @Test
    void everyVisibleCommandHasAManPageThatRenders(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.run("man", dir.toString());
        assertThat(run.exitCode()).isZero();
        List<String> pages;
        try (Stream<Path> files = Files.list(dir)) {
            pages = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(pages)
                .contains("migrescue.1")
                .doesNotContain("migrescue-man.1")
                .containsAll(VISIBLE.stream().map(c -> "migrescue-" + c + ".1").toList());
        for (String page : pages) {
            String troff = Files.readString(dir.resolve(page));
            assertThat(troff)
                    .as(page)
                    .startsWith(".TH \"MIGRESCUE")
                    .contains(".SH NAME\n")
                    .contains(".SH SYNOPSIS\n");
            assertThat(troff.chars().allMatch(c -> c < 128))
                    .as(page + " is ASCII")
                    .isTrue();
            // groff warns about what it cannot read: there must be nothing to warn about
            assertThat(shell(
                            "groff",
                            "-man",
                            "-Tutf8",
                            "-ww",
                            "-z",
                            dir.resolve(page).toString()))
                    .as(page)
                    .isEmpty();
        }
        String rendered = shell(
                "env",
                "MANWIDTH=80",
                "man",
                "-l",
                dir.resolve("migrescue-status.1").toString());
        assertThat(rendered)
                .contains("MIGRESCUE-STATUS(1)")
                .contains("NAME")
                .contains("migrescue-status - What state")
                .contains("--url URL")
                .contains("--password-env VAR")
                .contains("SEE ALSO")
                .contains("migrescue(1)");
        // no hyphenation: words and URLs stay whole
        assertThat(rendered).doesNotContain("\u2010\n");
        String root = shell(
                "env", "MANWIDTH=80", "man", "-l", dir.resolve("migrescue.1").toString());
        assertThat(root)
                .contains("COMMANDS")
                .contains("diagnose")
                .contains("EXIT CODES")
                .contains("70  internal error");
    }

    /** Runs a program and returns what it printed (stdout and stderr together); fails on a non-zero exit. */
    private static String shell(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }

    private static String line(String text, String prefix) {
        return text.lines()
                .filter(l -> l.startsWith(prefix))
                .findFirst()
                .map(l -> l.substring(prefix.length()))
                .orElseThrow(() -> new AssertionError("no line starting with '" + prefix + "' in:\n" + text));
    }
}
