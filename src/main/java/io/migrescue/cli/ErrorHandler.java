package io.migrescue.cli;

import io.migrescue.db.Redaction;
import io.migrescue.failure.ExitCode;
import io.migrescue.failure.FileFailures;
import io.migrescue.failure.MigrescueException;
import io.migrescue.logging.Logs;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The one error handler: a known failure becomes one line and its exit code; a file the system would not let
 * migrescue use is the environment's problem (one line naming the file, exit 2); anything else is a bug, logged with
 * its stack trace to the log file (never the terminal), exit 70.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        MigrescueException known = findKnown(ex);
        if (known == null) {
            IOException files = FileFailures.fileSystemCause(ex);
            if (files != null) {
                String file = ((FileSystemException) files).getFile();
                known = FileFailures.usage("use", file == null ? null : Path.of(file), files, null);
            }
        }
        if (known != null) {
            if (known.getCause() != null || Verbosity.on()) {
                Logs.get(ErrorHandler.class)
                        .info(
                                "{} (exit {})",
                                known.getMessage(),
                                known.exitCode().code(),
                                known);
            }
            cmd.getErr().println("migrescue: " + Redaction.scrub(known.getMessage()));
            cmd.getErr().flush();
            return known.exitCode().code();
        }
        Logs.get(ErrorHandler.class).error("internal error in '{}'", cmd.getCommandName(), ex);
        cmd.getErr()
                .println("migrescue: internal error: " + Redaction.scrub(String.valueOf(ex)) + " (this is a bug; "
                        + Logs.whereDetailsAre() + ")");
        cmd.getErr().flush();
        return ExitCode.INTERNAL.code();
    }

    private static MigrescueException findKnown(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof MigrescueException m) {
                return m;
            }
        }
        return null;
    }
}
