package io.migrescue.shell;

import io.migrescue.cli.HistoryLines;
import org.jline.reader.impl.history.DefaultHistory;

import java.time.Instant;

/** The shell's history: what reaches it (and so the history file) never holds a password. */
final class RedactingHistory extends DefaultHistory {
    @Override
    public void add(Instant time, String line) {
        String safe = HistoryLines.safe(line);
        if (safe != null) {
            super.add(time, safe);
        }
    }
}
