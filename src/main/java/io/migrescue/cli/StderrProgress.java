package io.migrescue.cli;

import io.migrescue.backup.Progress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress line on stderr for a step that takes longer than a second; quick steps say nothing. On a terminal the
 * line, with a bar, is redrawn in place a few times a second; without one (a CI log) a line is written every few
 * seconds.
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
        if (!Verbosity.quiet()
                && now - started >= SECOND
                && (!shown || now - lastShown >= (terminal ? SECOND / 5 : 5 * SECOND))) {
            show(now, false);
        }
    }

    @Override
    public void done() {
        if (shown) {
            show(clock.getAsLong(), true);
        }
    }

    /**
     * On a terminal: a bar filled to the share done when the total is known ({@code [#######.............]  35%  }),
     * else a marker sweeping to and fro, so that a long count is seen to move.
     */
    private String bar(long now, boolean last) {
        int width = 20;
        StringBuilder b = new StringBuilder("[");
        if (total > 0) {
            int filled = (int) Math.min(width, done * width / total);
            b.append("#".repeat(filled))
                    .append(".".repeat(width - filled))
                    .append("]  ")
                    .append(String.format(Locale.ROOT, "%3d%%", Math.min(100, done * 100 / total)))
                    .append("  ");
        } else {
            int tick = (int) ((now - started) / (SECOND / 4)) % (2 * (width - 3));
            int at = last ? width - 3 : tick < width - 3 ? tick : 2 * (width - 3) - tick;
            b.append(" ".repeat(at))
                    .append("<=>")
                    .append(" ".repeat(width - 3 - at))
                    .append("]  ");
        }
        return b.toString();
    }

    /** A step waits for a lock: who holds it, which attempt comes next (a line of its own, also on a terminal). */
    void lockWait(String line) {
        err.print((terminal ? "\r\033[K" : "") + "migrescue: " + line + System.lineSeparator());
        err.flush();
    }

    private void show(long now, boolean last) {
        String line = String.format(
                Locale.ROOT,
                "migrescue: %s  %s%,d%s rows  %.1f s%s",
                label,
                terminal ? bar(now, last) : "",
                done,
                total > 0 ? String.format(Locale.ROOT, " of %,d", total) : "",
                (now - started) / 1e9,
                last ? "  done" : "");
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
