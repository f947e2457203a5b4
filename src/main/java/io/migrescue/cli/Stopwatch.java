package io.migrescue.cli;

import java.io.PrintWriter;

/** With {@code -v}, says on stderr what was done and how long it took. */
final class Stopwatch {
    private final PrintWriter err;
    private long last = System.nanoTime();

    Stopwatch(PrintWriter err) {
        this.err = err;
    }

    void lap(String what) {
        long now = System.nanoTime();
        if (Verbosity.on()) {
            err.printf("migrescue: %s (%d ms)%n", what, (now - last) / 1_000_000);
            err.flush();
        }
        last = now;
    }
}
