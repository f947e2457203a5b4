package io.migrescue.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import io.migrescue.files.PrivateFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Programmatic Logback set-up (found through {@code META-INF/services}): quicker to start than XML, and it keeps
 * everything off the terminal. Every line passes through {@link ScrubbingMessageConverter} so no secret reaches it.
 */
public final class LogFileConfigurator extends ContextAwareBase implements Configurator {
    /** The file being written, once logging has started; null when there is none. */
    private static volatile Path active;

    static Path activeFile() {
        return active;
    }

    static Path logFile() {
        String dir = System.getProperty("migrescue.log.dir", System.getenv("MIGRESCUE_LOG_DIR"));
        Path base = dir != null && !dir.isBlank()
                ? Path.of(dir)
                : Path.of(System.getProperty("user.home"), ".migrescue", "logs");
        return base.resolve("migrescue.log");
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        context.getStatusManager().add(new ch.qos.logback.core.status.InfoStatus("migrescue logging", this));
        NopStatusListener nop = new NopStatusListener();
        context.getStatusManager().add(nop);
        @SuppressWarnings("unchecked")
        Map<String, String> rules =
                (Map<String, String>) context.getObject(ch.qos.logback.core.CoreConstants.PATTERN_RULE_REGISTRY);
        if (rules == null) {
            rules = new HashMap<>();
            context.putObject(ch.qos.logback.core.CoreConstants.PATTERN_RULE_REGISTRY, rules);
        }
        rules.put("scrubbed", ScrubbingMessageConverter.class.getName());
        rules.put("scrubbedEx", ScrubbingThrowableConverter.class.getName());

        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        context.getLogger("io.migrescue").setLevel(Level.INFO);
        Path file = logFile();
        try {
            PrivateFiles.createDirectories(file.getParent());
            PrivateFiles.restrict(file);
            if (!Files.isWritable(file)) {
                return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
            }
        } catch (Exception e) {
            // nowhere to log: no appender at all. NEUTRAL would let Logback fall back to the console.
            return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %scrubbed%n%scrubbedEx");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("file");
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        if (appender.isStarted()) {
            root.addAppender(appender);
            active = file;
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
