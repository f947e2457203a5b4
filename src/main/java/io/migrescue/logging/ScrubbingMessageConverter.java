package io.migrescue.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.migrescue.db.Redaction;

/** The log message with every known secret masked. */
public final class ScrubbingMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return Redaction.scrub(super.convert(event));
    }
}
