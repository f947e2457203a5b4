package io.migrescue.cli;

import io.migrescue.failure.MigrescueException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(
        name = "shell",
        mixinStandardHelpOptions = true,
        description = {
            "The interactive shell: connect once, then diagnose (paste the error), plan, and repair step by "
                    + "step, asked before every change. History in ~/.migrescue/history (passwords never recorded); Tab "
                    + "completes commands, options and playbook ids; Ctrl-C cancels the line, Ctrl-D leaves.",
            ""
        },
        footer = {"", "Example: migrescue shell        (then: connect mariadb://app@db:3306/shop)"})
final class ShellCommand extends ContextAware implements Callable<Integer> {
    @Override
    public Integer call() {
        if (context.shell() == null) {
            throw MigrescueException.usage(
                    context.session() != null ? "already in the shell" : "the shell is not available here");
        }
        return context.shell().getAsInt();
    }
}
