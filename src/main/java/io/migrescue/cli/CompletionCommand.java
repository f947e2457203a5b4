package io.migrescue.cli;

import io.migrescue.failure.MigrescueException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the shell completion script for bash or zsh.",
            "Load it now with `source <(migrescue completion bash)`, or add that line to ~/.bashrc (~/.zshrc for zsh).",
            ""
        })
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    String shell;

    @Override
    public Integer call() {
        String wanted = shell.toLowerCase(Locale.ROOT);
        if (!wanted.equals("bash") && !wanted.equals("zsh")) {
            throw MigrescueException.usage("no completion for '" + shell + "'; known: bash, zsh");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(script(wanted));
        out.flush();
        return 0;
    }

    /** The script for {@code shell} (bash or zsh), generated from every command migrescue has. */
    static String script(String shell) {
        String bash = AutoComplete.bash("migrescue", EveryCommand.quiet());
        if (shell.equals("bash")) {
            return bash;
        }
        // picocli's script loads zsh's bashcompinit itself when run by zsh, so one script serves both
        return "# migrescue completion for zsh: add `source <(migrescue completion zsh)` to ~/.zshrc\n"
                + "# (the bash script below runs under zsh's bashcompinit, which it loads)\n" + bash;
    }
}
