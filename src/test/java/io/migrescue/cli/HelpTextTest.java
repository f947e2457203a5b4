package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Help reads at any width: nothing cut, no word, file name or URL split across lines, no hand-wrapped text. */
class HelpTextTest {

    /** Every command a user can ask help of: the command line's and the shell's own. */
    private static List<CommandLine> everyCommand(int width) {
        PrintWriter sink = new PrintWriter(new StringWriter());
        CliContext context = new CliContext(Map.of(), false, new ByteArrayInputStream(new byte[0]));
        List<CommandLine> all = new ArrayList<>();
        for (CommandLine root : List.of(
                MigrescueCli.create(sink, sink, Map.of(), false), MigrescueCli.forShell(sink, sink, context, false))) {
            root.setUsageHelpAutoWidth(false);
            root.setUsageHelpWidth(width);
            all.add(root);
            all.addAll(root.getSubcommands().values());
        }
        return all;
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 80, 132})
    void noLineIsWiderThanTheTerminalUnlessItIsOneWord(int width) {
        for (CommandLine command : everyCommand(width)) {
            for (String line : command.getUsageMessage().split("\n")) {
                if (line.length() > width) {
                    assertThat(line.strip())
                            .as(command.getCommandSpec().qualifiedName() + " at " + width)
                            .doesNotContain(" ");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 80, 132})
    void everyWordOfTheTextIsShownWhole(int width) {
        for (CommandLine command : everyCommand(width)) {
            Set<String> shown =
                    new HashSet<>(Arrays.asList(command.getUsageMessage().split("\\s+")));
            String name = command.getCommandSpec().qualifiedName();
            for (String word : words(command.getCommandSpec()).toList()) {
                assertThat(shown)
                        .as(name + " at " + width + " shows the word whole")
                        .contains(word);
            }
        }
    }

    @Test
    void noDescriptionOrFooterIsWrappedByHand() {
        for (CommandLine command : everyCommand(80)) {
            CommandSpec spec = command.getCommandSpec();
            List<String[]> texts = new ArrayList<>(List.of(
                    spec.usageMessage().description(), spec.usageMessage().footer()));
            spec.args().forEach(a -> texts.add(a.description()));
            for (String[] text : texts) {
                for (int i = 0; i + 1 < text.length; i++) {
                    String next = text[i + 1];
                    boolean continues = !next.isEmpty() && Character.isLowerCase(next.charAt(0));
                    assertThat(continues)
                            .as(spec.qualifiedName() + ": '" + text[i] + "' is continued by hand on the next"
                                    + " line; write the paragraph as one string, help wraps it")
                            .isFalse();
                }
            }
        }
    }

    @Test
    void commandListShowsWholeSentences() {
        String help = everyCommand(80).get(0).getUsageMessage();
        String commands = help.substring(help.indexOf("Commands:"), help.indexOf("Exit codes:"));
        for (String entry : commands.split("\n  (?=\\S)")) {
            if (!entry.startsWith("Commands:")) {
                assertThat(entry.strip())
                        .as("a summary ends where its sentence ends")
                        .endsWith(".");
            }
        }
    }

    @Test
    void helpSaysNothingInternal() {
        for (CommandLine command : everyCommand(80)) {
            assertThat(command.getUsageMessage()).doesNotContainIgnoringCase("field report");
        }
    }

    @Test
    void exitCodesComeFromTheExitCodeList() {
        String help = everyCommand(80).get(0).getUsageMessage();
        for (io.migrescue.failure.ExitCode code : io.migrescue.failure.ExitCode.values()) {
            assertThat(help)
                    .contains(code.code()
                            + " ".repeat(4 - String.valueOf(code.code()).length())
                            + code.meaning().split(" ")[0]);
        }
    }

    /** The words help is made of (descriptions, footers, option texts), as a user would read them. */
    private static Stream<String> words(CommandSpec spec) {
        List<String> texts = new ArrayList<>();
        texts.addAll(List.of(spec.usageMessage().description()));
        texts.addAll(List.of(spec.usageMessage().footer()));
        for (ArgSpec arg : spec.args()) {
            if (!arg.hidden()) {
                texts.addAll(List.of(arg.description()));
            }
        }
        return texts.stream()
                .flatMap(t -> Arrays.stream(t.replace("%n", " ").split("\\s+")))
                .filter(w -> w.length() > 2 && !w.contains("%"));
    }
}
