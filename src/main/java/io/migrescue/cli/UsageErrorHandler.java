package io.migrescue.cli;

import io.migrescue.db.Redaction;
import io.migrescue.failure.ExitCode;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/** A mistake on the command line: one line saying what, one saying where help is; exit 2. */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        if (triesPasswordOption(args)) {
            // Never echo what followed: it is probably the password itself.
            cmd.getErr()
                    .println(
                            "migrescue: there is no --password option: a password on the command line ends up in"
                                    + " shell history and process lists; use --password-env VAR, --password-file FILE or MIGRESCUE_PASSWORD");
        } else if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && typo(unmatched) != null) {
            cmd.getErr().println("migrescue: " + typo(unmatched));
        } else {
            cmd.getErr().println("migrescue: " + Redaction.scrub(ex.getMessage()));
        }
        cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
        cmd.getErr().flush();
        return ExitCode.USAGE.code();
    }

    /** "unknown command 'stauts': did you mean 'status'?"; null when picocli's own message says it better. */
    static String typo(CommandLine.UnmatchedArgumentException ex) {
        if (ex.getUnmatched().isEmpty()) {
            return null;
        }
        String word = ex.getUnmatched().get(0).replaceFirst("=.*", "");
        boolean option = word.startsWith("-");
        CommandLine.Model.CommandSpec spec = ex.getCommandLine().getCommandSpec();
        List<String> names = option
                ? spec.options().stream()
                        .filter(o -> !o.hidden())
                        .flatMap(o -> Arrays.stream(o.names()))
                        .toList()
                : List.copyOf(spec.subcommands().keySet());
        List<String> close = Typos.closest(word, names);
        if (close.isEmpty()) {
            return option
                    ? "unknown option '" + Redaction.scrub(word) + "'"
                    : (spec.parent() == null ? "unknown command '" : "unexpected argument '") + Redaction.scrub(word)
                            + "'";
        }
        return "unknown " + (option ? "option" : "command") + " '" + Redaction.scrub(word) + "': did you mean '"
                + String.join("' or '", close) + "'?";
    }

    private static boolean triesPasswordOption(String[] args) {
        for (String arg : args) {
            if (arg.equals("-p")
                    || arg.equals("--password")
                    || arg.startsWith("--password=")
                    || arg.startsWith("-p") && !arg.startsWith("--")) {
                return true;
            }
        }
        return false;
    }
}
