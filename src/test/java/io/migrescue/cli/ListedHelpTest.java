package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code migrescue --help} lists the commands from their annotations without building them (start-up): what it
 * prints must be what picocli prints from the whole model, every command built.
 */
class ListedHelpTest {

    private static String usage(CommandLine root, int width) {
        root.setUsageHelpAutoWidth(false);
        root.setUsageHelpWidth(width);
        return root.getUsageMessage();
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 80, 132})
    void topLevelHelpIsThatOfTheWholeModel(int width) {
        PrintWriter sink = new PrintWriter(new StringWriter());
        CommandLine whole = MigrescueCli.create(sink, sink, Map.of(), false);
        CommandLine listed = MigrescueCli.create(
                sink, sink, Map.of(), false, new ByteArrayInputStream(new byte[0]), new String[] {"--help"});

        assertThat(listed.getSubcommands().keySet())
                .containsExactlyElementsOf(whole.getSubcommands().keySet());
        // the listing is what is compared: no command object was built for it
        assertThat(listed.getSubcommands().get("status").getCommandSpec().userObject())
                .isNull();
        assertThat(whole.getSubcommands().get("status").getCommandSpec().userObject())
                .isInstanceOf(StatusCommand.class);
        assertThat(usage(listed, width)).isEqualTo(usage(whole, width)).contains("status");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "-v"})
    void runningWithoutACommandPrintsTheSameListAsTheWholeModel(String option) {
        StringWriter listedOut = new StringWriter();
        StringWriter wholeOut = new StringWriter();
        String[] args = {option};
        int listedCode = MigrescueCli.create(
                        new PrintWriter(listedOut, true),
                        new PrintWriter(listedOut, true),
                        Map.of(),
                        false,
                        new ByteArrayInputStream(new byte[0]),
                        args)
                .execute(args);
        int wholeCode = MigrescueCli.create(
                        new PrintWriter(wholeOut, true), new PrintWriter(wholeOut, true), Map.of(), false)
                .execute(args);
        assertThat(listedCode).isEqualTo(wholeCode);
        assertThat(listedOut.toString()).isEqualTo(wholeOut.toString()).contains("diagnose");
    }
}
