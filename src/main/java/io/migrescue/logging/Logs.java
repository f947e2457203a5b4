package io.migrescue.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the log goes: a file, never the terminal ({@code -Dmigrescue.log.dir}, {@code $MIGRESCUE_LOG_DIR}, else {@code ~/.migrescue/logs}).
 * A log that cannot be written is no failure: nothing is logged then, and nothing names a log file.
 * Logging starts on first use only, so that a quick healthy {@code status} does not pay for it.
 */
public final class Logs {
    private Logs() {}

    public static Logger get(Class<?> type) {
        return LoggerFactory.getLogger(type);
    }

    /** The log file being written, or null when none can be (an unwritable {@code MIGRESCUE_LOG_DIR}: logging is then silent). */
    public static Path file() {
        LoggerFactory.getILoggerFactory(); // starts logging if nothing has yet
        return LogFileConfigurator.activeFile();
    }

    /** For a bug report: where the details are, or how to keep them when no log can be written. */
    public static String whereDetailsAre() {
        Path log = file();
        return log != null
                ? "the details are in " + log
                : "no log could be written: set MIGRESCUE_LOG_DIR to a writable directory to keep the details";
    }

    public static void verbose() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger("io.migrescue").setLevel(Level.DEBUG);
        }
    }
}
