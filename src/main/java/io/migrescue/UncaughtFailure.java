package io.migrescue;

import io.migrescue.db.Redaction;
import io.migrescue.failure.ExitCode;
import io.migrescue.logging.Logs;
import java.io.PrintWriter;

/** What escaped every handler (an Error such as a stack overflow): logged if a log can be written, one line, exit 70. */
final class UncaughtFailure {
    private UncaughtFailure() {}

    static int report(Throwable t, PrintWriter err) {
        String details = "no log could be written";
        try {
            Logs.get(Main.class).error("internal error", t);
            details = Logs.whereDetailsAre();
        } catch (Throwable ignored) {
            // logging itself failed: the line below still goes out
        }
        err.println("migrescue: internal error: " + Redaction.scrub(t.getClass().getName()) + " (this is a bug; "
                + details + ")");
        err.flush();
        return ExitCode.INTERNAL.code();
    }
}
