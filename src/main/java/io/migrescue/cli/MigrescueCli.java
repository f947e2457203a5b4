package io.migrescue.cli;

import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Map;

/** Builds the configured command line; {@code Main} and the in-process tests both use it. */
public final class MigrescueCli {
    private MigrescueCli() {
    }

    /**
     * @param environment the process environment (password variables are read from it)
     * @param interactive whether a person is at a terminal
     */
    public static CommandLine create(PrintWriter out, PrintWriter err, Map<String, String> environment, boolean interactive) {
        return create(out, err, environment, interactive, System.in);
    }

    public static CommandLine create(PrintWriter out, PrintWriter err, Map<String, String> environment, boolean interactive,
                                     InputStream stdin) {
        return create(out, err, environment, interactive, stdin, new String[0]);
    }

    /** @param args the command line to be run: when it names a subcommand, only that one is built (start-up time) */
    public static CommandLine create(PrintWriter out, PrintWriter err, Map<String, String> environment, boolean interactive,
                                     InputStream stdin, String[] args) {
        CliContext context = new CliContext(environment, interactive, stdin);
        ContextFactory factory = new ContextFactory(context);
        CommandLine cli = new CommandLine(new MigrescueCommand(), factory);
        String wanted = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(null);
        boolean known = MigrescueCommand.SUBCOMMANDS.stream().anyMatch(c -> name(c).equals(wanted));
        for (Class<?> command : MigrescueCommand.SUBCOMMANDS) {
            if (!known || name(command).equals(wanted)) {
                cli.addSubcommand(name(command), new CommandLine(command, factory));
            }
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler(new UsageErrorHandler());
        return cli;
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(CommandLine.Command.class).name();
    }
}
