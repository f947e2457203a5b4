package io.migrescue.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Where the log goes: a file, never the terminal ({@code -Dmigrescue.log.dir}, {@code $MIGRESCUE_LOG_DIR}, else {@code ~/.migrescue/logs}).
 * Logging starts on first use only, so that a quick healthy {@code status} does not pay for it.
 */
public final class Logs {
    private Logs() {
    }

    public static Logger get(Class<?> type) {
        return LoggerFactory.getLogger(type);
    }

    public static Path file() {
        return LogFileConfigurator.logFile();
    }

    public static void verbose() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger("io.migrescue").setLevel(Level.DEBUG);
        }
    }
}
