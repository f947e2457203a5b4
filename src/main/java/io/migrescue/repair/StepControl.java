package io.migrescue.repair;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

/**
 * Between a running repair and the person who started it: the step tells who holds the lock it waits for (the command
 * line and the shell show it; the core never prints), and Ctrl-C from the signal path reaches the step through
 * {@link #interrupt}. A statement known to wait for a lock is cancelled at once (it has changed nothing; its
 * transaction is rolled back); otherwise the step goes on and the repair stops at its next lock wait or, in scripts,
 * before the next step ({@link #runAll}).
 */
public final class StepControl {
    /** What a Ctrl-C did. */
    public enum Interrupted {
        /** a statement waiting for a lock was cancelled (or the wait between attempts cut short): the step stops */
        CANCELLED,
        /** a step runs and does not wait for a lock: it finishes; the repair stops at its next lock wait or after it */
        AFTER_STEP,
        /** no step of a repair runs */
        IDLE
    }

    private final Consumer<String> lockWaits;
    private final Object pause = new Object();
    private volatile int step;
    private volatile boolean waiting;
    private volatile boolean cancelled;
    private volatile boolean stopRequested;
    private volatile Statement statement;

    /** @param lockWaits told, one line each, while a step waits for a lock: who holds it, which attempt comes next */
    public StepControl(Consumer<String> lockWaits) {
        this.lockWaits = lockWaits;
    }

    /** Nobody is told, nobody interrupts. */
    public static StepControl none() {
        return new StepControl(line -> {});
    }

    /** Ctrl-C: safe to call from a signal handler's thread. */
    public Interrupted interrupt() {
        if (step == 0) {
            return Interrupted.IDLE;
        }
        stopRequested = true;
        if (!waiting) {
            return Interrupted.AFTER_STEP;
        }
        cancelled = true;
        Statement s = statement;
        if (s != null) {
            try {
                s.cancel();
            } catch (SQLException ignored) {
                // the statement ended meanwhile; the step stops at its next wait or after it
            }
        }
        synchronized (pause) {
            pause.notifyAll();
        }
        return Interrupted.CANCELLED;
    }

    /** Whether Ctrl-C asked the repair to stop (before its next step, when it came during one). */
    public boolean stopRequested() {
        return stopRequested;
    }

    /** A gate for scripts: every step runs, until Ctrl-C asks to stop; then the repair stops before the next one. */
    public StepGate runAll() {
        return (plan, next) -> stopRequested
                ? StepGate.Verdict.stop("Ctrl-C during the step before step " + next.n())
                : StepGate.Verdict.RUN;
    }

    /** A step begins: a Ctrl-C during the one before was answered already (the repair went on past it). */
    void stepStarted(int n) {
        waiting = false;
        cancelled = false;
        stopRequested = false;
        step = n;
    }

    void stepEnded() {
        step = 0;
        waiting = false;
        statement = null;
    }

    void executing(Statement s) {
        statement = s;
    }

    void executed() {
        statement = null;
    }

    /** The step waits for a lock: from here on Ctrl-C cancels its statement. */
    void lockWait(String line) {
        waiting = true;
        lockWaits.accept(line);
    }

    /** Whether Ctrl-C cancelled the statement that waited for a lock (its error is the cancellation, not a failure). */
    boolean cancelled() {
        return cancelled;
    }

    /** Sleeps between attempts; true when Ctrl-C came meanwhile (the sleep ends at once). */
    boolean pause(long ms) {
        long until = System.nanoTime() + ms * 1_000_000;
        synchronized (pause) {
            while (!cancelled && !stopRequested) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    pause.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            }
        }
        return true;
    }
}
