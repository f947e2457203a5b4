package io.migrescue.cli;

import picocli.CommandLine;

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
        CliContext context = new CliContext(environment, interactive);
        CommandLine cli = new CommandLine(new MigrescueCommand(), new ContextFactory(context));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler(new UsageErrorHandler());
        return cli;
    }
}
