package io.migrescue.cli;

import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintWriter;
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
        CliContext context = new CliContext(environment, interactive, stdin);
        CommandLine cli = new CommandLine(new MigrescueCommand(), new ContextFactory(context));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler(new UsageErrorHandler());
        return cli;
    }
}
