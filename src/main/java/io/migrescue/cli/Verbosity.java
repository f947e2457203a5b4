package io.migrescue.cli;

/** Whether {@code -v} was given; one flag for the whole run. */
final class Verbosity {
    private static volatile boolean verbose;

    private Verbosity() {
    }

    static void set(boolean value) {
        verbose = value;
    }

    static boolean on() {
        return verbose;
    }
}
