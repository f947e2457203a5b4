package io.migrescue.cli;

import java.io.InputStream;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * What every command may need from its surroundings, injected so that tests control it. The scripted command line
 * has no session and no interaction; the shell passes both, so that a command does not need to know which of the two
 * runs it: the connection, the error text and the migrations folder come from the session when not given, and
 * questions go to the person at the terminal instead of ending the run with exit 6.
 *
 * @param stdin       read for {@code --error-file -} and by {@code explain} when no error is given
 * @param session     the shell's session (what {@code connect} and {@code diagnose} remembered), or null
 * @param interaction the person at the shell's terminal, or null
 * @param shell       opens the interactive shell ({@code migrescue shell}, bare {@code migrescue} on a terminal), or
 *                    null where there is none (in-process tests, inside the shell itself)
 */
public record CliContext(
        Map<String, String> environment,
        boolean interactive,
        InputStream stdin,
        ShellSession session,
        Interaction interaction,
        IntSupplier shell) {
    public CliContext {
        environment = Map.copyOf(environment);
    }

    public CliContext(Map<String, String> environment, boolean interactive, InputStream stdin) {
        this(environment, interactive, stdin, null, null, null);
    }
}
