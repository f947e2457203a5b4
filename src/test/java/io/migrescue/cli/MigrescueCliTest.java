package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MigrescueCliTest {
    /** The launcher path finds the command to build by its class's name: it must be the one its annotation gives. */
    @Test
    void everyCommandsNameIsItsClasssName() {
        List<Class<?>> all = new ArrayList<>(MigrescueCommand.SUBCOMMANDS);
        all.addAll(MigrescueCli.SHELL_ONLY);
        for (Class<?> command : all) {
            assertThat(MigrescueCli.name(command))
                    .as(command.getName())
                    .isEqualTo(command.getAnnotation(CommandLine.Command.class).name());
        }
    }
}
