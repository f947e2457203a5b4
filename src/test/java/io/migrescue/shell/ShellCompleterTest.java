package io.migrescue.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.cli.CliContext;
import io.migrescue.cli.MigrescueCli;
import io.migrescue.cli.ShellSession;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;

/** Tab completion: commands, options, option values and playbook ids, from the model the commands run on. */
class ShellCompleterTest {
    private final ShellSession session = new ShellSession();
    private final ShellCompleter completer = new ShellCompleter(
            MigrescueCli.forShell(
                    new PrintWriter(new StringWriter()),
                    new PrintWriter(new StringWriter()),
                    new CliContext(Map.of(), true, InputStream.nullInputStream(), session, null, null),
                    false),
            List.of("help", "exit", "quit"),
            session);

    @Test
    void commands() {
        assertThat(complete(""))
                .contains(
                        "connect",
                        "status",
                        "diagnose",
                        "plan",
                        "repair",
                        "resume",
                        "backup",
                        "restore",
                        "diff",
                        "help",
                        "exit")
                .doesNotContain("shell");
        assertThat(complete("help ")).contains("repair", "connect");
    }

    @Test
    void optionsAndTheirValues() {
        assertThat(complete("status --f")).contains("--format");
        assertThat(complete("status --format ")).containsExactlyInAnyOrder("text", "json", "markdown");
        assertThat(complete("connect --")).contains("--migrations", "--password-env", "--schema");
    }

    @Test
    void playbookIds() {
        assertThat(complete("repair "))
                .contains("rename-conflicting-constraint", "fix-orphan-rows", "revert-partial-migration");
        assertThat(complete("plan ")).contains("rename-conflicting-constraint");
    }

    @Test
    void tableAndConstraintNamesOfTheConnectedDatabaseForParams() {
        session.names(
                List.of("skp_tahunan", "skp_tahunan_backup_v1", "users"),
                List.of("fk_skp_tahunan_user", "users_email_uq"));
        assertThat(complete("backup --table ")).contains("skp_tahunan_backup_v1", "users");
        assertThat(complete("repair rename-conflicting-constraint --param heldBy="))
                .contains("heldBy=skp_tahunan_backup_v1");
        assertThat(complete("repair replace-constraint --param constraint="))
                .containsExactly("constraint=fk_skp_tahunan_user", "constraint=users_email_uq");
        assertThat(complete("repair fix-orphan-rows --param policy=")).isEmpty();
    }

    private List<String> complete(String line) {
        ParsedLine parsed = new DefaultParser().parse(line, line.length());
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, parsed, candidates);
        return candidates.stream().map(Candidate::value).toList();
    }
}
