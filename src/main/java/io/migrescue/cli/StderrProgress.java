package io.migrescue.cli;

import io.migrescue.backup.Progress;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress line on stderr for a step that takes longer than a second; quick steps say nothing. On a terminal the
 * line is redrawn in place a few times a second; without one (a CI log) a line is written every few seconds.
 */
final class StderrProgress implements Progress {
    private static final long SECOND = 1_000_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier clock;
    private String label;
    private long total;
    private long done;
    private long started;
    private long lastShown;
    private boolean shown;

    StderrProgress(PrintWriter err, boolean terminal) {
        this(err, terminal, System::nanoTime);
    }

    StderrProgress(PrintWriter err, boolean terminal, LongSupplier clock) {
        this.err = err;
        this.terminal = terminal;
        this.clock = clock;
    }

    @Override
    public void start(String label, long total) {
        this.label = label;
        this.total = total;
        this.done = 0;
        this.started = clock.getAsLong();
        this.shown = false;
    }

    @Override
    public void advance(long n) {
        done += n;
        long now = clock.getAsLong();
        if (now - started >= SECOND && (!shown || now - lastShown >= (terminal ? SECOND / 5 : 5 * SECOND))) {
            show(now, false);
        }
    }

    @Override
    public void done() {
        if (shown) {
            show(clock.getAsLong(), true);
        }
    }

    private void show(long now, boolean last) {
        String line = String.format(Locale.ROOT, "migrescue: %s  %,d%s rows  %.1f s%s", label, done,
                total > 0 ? String.format(Locale.ROOT, " of %,d", total) : "", (now - started) / 1e9, last ? "  done" : "");
        if (terminal) {
            err.print("\r" + line + "\033[K" + (last ? "\n" : ""));
        } else {
            err.println(line);
        }
        err.flush();
        shown = true;
        lastShown = now;
    }
}
