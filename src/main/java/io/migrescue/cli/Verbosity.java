package io.migrescue.cli;

/** Whether {@code -v} or {@code -q} was given; one flag each for the whole run. */
final class Verbosity {
    private static volatile boolean verbose;
    private static volatile boolean quiet;

    static void quiet(boolean value) {
        quiet = value;
    }

    static boolean quiet() {
        return quiet;
    }

    /** A note for the person on stderr ("plan saved to …"), unless {@code -q}: scripts and cron logs get the result alone. */
    static void note(java.io.PrintWriter err, String text) {
        if (!quiet) {
            err.println(text);
            err.flush();
        }
    }

    private Verbosity() {}

    static void set(boolean value) {
        verbose = value;
    }

    static boolean on() {
        return verbose;
    }
}
