package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.failure.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Each command's "Exit:" line is made from its {@link Exits} declaration and {@link ExitCode}, never typed by hand. */
class ExitsTest {
    /** Commands whose end is not a verdict a script acts on: they open the shell or print a file. */
    private static final List<String> WITHOUT_EXITS = List.of("shell", "completion", "man", "demo", "playbooks");

    @Test
    void everyCommandAScriptRunsDeclaresItsExitCodesAndItsHelpShowsThem() {
        CommandLine root = MigrescueCli.create(
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of(), false);
        root.setUsageHelpAutoWidth(false);
        root.setUsageHelpWidth(120);
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            Exits exits = e.getValue().getCommandSpec().userObject().getClass().getAnnotation(Exits.class);
            if (WITHOUT_EXITS.contains(e.getKey())) {
                continue;
            }
            assertThat(exits).as(e.getKey() + " declares @Exits").isNotNull();
            String help = e.getValue().getUsageMessage().replaceAll("\\s+", " "); // wrapped lines joined
            assertThat(help).as(e.getKey()).containsOnlyOnce("Exit: ");
            for (Exits.Exit exit : exits.value()) {
                String meaning = exit.means().isEmpty() ? exit.value().brief() : exit.means();
                assertThat(help).as(e.getKey()).contains(exit.value().code() + " " + meaning);
            }
        }
    }

    @Test
    void aCodeWithoutItsOwnWordsUsesTheBriefMeaningOfExitCode() {
        @Exits({@Exits.Exit(value = ExitCode.OK, means = "same"), @Exits.Exit(ExitCode.CONNECTION)})
        final class Sample {}
        assertThat(HelpLayout.exitsLine(new Sample())).isEqualTo("Exit: 0 same, 3 cannot connect.");
        assertThat(HelpLayout.exitsLine(new Object())).isNull();
    }
}
