package io.migrescue.cli;

import io.migrescue.db.Redaction;
import io.migrescue.failure.ExitCode;
import picocli.CommandLine;

/** A mistake on the command line: one line saying what, one saying where help is; exit 2. */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        if (triesPasswordOption(args)) {
            // Never echo what followed: it is probably the password itself.
            cmd.getErr().println("migrescue: there is no --password option: a password on the command line ends up in"
                    + " shell history and process lists; use --password-env VAR, --password-file FILE or MIGRESCUE_PASSWORD");
        } else {
            cmd.getErr().println("migrescue: " + Redaction.scrub(ex.getMessage()));
        }
        cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
        cmd.getErr().flush();
        return ExitCode.USAGE.code();
    }

    private static boolean triesPasswordOption(String[] args) {
        for (String arg : args) {
            if (arg.equals("-p") || arg.equals("--password") || arg.startsWith("--password=") || arg.startsWith("-p")
                    && !arg.startsWith("--")) {
                return true;
            }
        }
        return false;
    }
}
