package io.migrescue.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.migrescue.db.Redaction;

/** Stack traces with every known secret masked (driver messages may quote a URL). */
public final class ScrubbingThrowableConverter extends ThrowableProxyConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return Redaction.scrub(super.convert(event));
    }
}
