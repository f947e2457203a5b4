package io.migrescue.shell;

import io.migrescue.cli.HistoryLines;
import java.time.Instant;
import org.jline.reader.impl.history.DefaultHistory;

/** The shell's history: command lines only, and never with a password in them (nor in the history file). */
final class RedactingHistory extends DefaultHistory {
    private volatile boolean paused;

    /** While paused (a question is being answered, a password typed), nothing is added. */
    void pause(boolean paused) {
        this.paused = paused;
    }

    @Override
    public void add(Instant time, String line) {
        if (paused) {
            return;
        }
        String safe = HistoryLines.safe(line);
        if (safe != null) {
            super.add(time, safe);
        }
    }
}
