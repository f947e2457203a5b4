package io.migrescue.shell;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The time a step (or the checks) has run so far: after a second, a line redrawn in place on a terminal that redraws,
 * so that a long VALIDATE or check is seen to move; and the seconds it took, for the line that reports it.
 */
final class StepTicker {
    private final Prompts prompts;
    private final boolean redraws;
    private long startedAt;
    private ScheduledExecutorService ticker;
    private ScheduledFuture<?> tick;
    private volatile boolean ticked;
    private int spins;

    StepTicker(Prompts prompts, boolean redraws) {
        this.prompts = prompts;
        this.redraws = redraws;
    }

    /** The clock restarted, with no line drawn (the backup draws its own progress). */
    void restart() {
        startedAt = System.nanoTime();
    }

    double seconds() {
        return (System.nanoTime() - startedAt) / 1e9;
    }

    void start(String what) {
        startedAt = System.nanoTime();
        ticked = false;
        if (redraws) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "migrescue-step-ticker");
                t.setDaemon(true);
                return t;
            });
            tick = ticker.scheduleAtFixedRate(
                    () -> {
                        PrintWriter out = prompts.out();
                        out.print(String.format(Locale.ROOT, "\r  %s %s… %.1f s\033[K", spinner(), what, seconds()));
                        out.flush();
                        ticked = true;
                    },
                    1000,
                    250,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** The ticking stopped and its line cleared. */
    void stop() {
        if (ticker != null) {
            tick.cancel(false);
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ticker = null;
            if (ticked) {
                prompts.out().print("\r\033[K");
            }
        }
    }

    private String spinner() {
        return String.valueOf("|/-\\".charAt(spins++ % 4));
    }
}
