package io.migrescue.cli;

import io.migrescue.repair.StepControl;
import java.io.PrintWriter;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C while a repair (or resume) runs: a statement waiting for a lock is cancelled, so that the step ends stopped,
 * its transaction rolled back and the journal saying so (exit 4; {@code resume} continues); during a step that does
 * not wait, the repair stops after it.
 *
 * <p>On the command line this takes SIGINT through {@code sun.misc.Signal} (module jdk.unsupported, exported and
 * working on JDK 17 without flags). A shutdown hook would not do: it runs only once the JVM is already exiting, too
 * late for the step to stop cleanly and for the run to end with exit 4 rather than 130. The handler is installed for
 * the run only; a Ctrl-C outside a step, or a second one, goes to the handler there before (the JVM's: exit 130).
 * In the shell, JLine owns the terminal's Ctrl-C: it is handed on through {@link Interaction#interruptHandler}.
 */
final class CtrlC implements AutoCloseable {
    private static final Signal INT = new Signal("INT");

    private final Interaction shell;
    private final SignalHandler previous;

    private CtrlC(Interaction shell, SignalHandler previous) {
        this.shell = shell;
        this.previous = previous;
    }

    /**
     * @param shell   the shell's person, or null on the command line
     * @param walked  whether the shell walks the steps (it asks after a step itself); false for {@code --yes}
     */
    static CtrlC during(StepControl control, PrintWriter err, Interaction shell, boolean walked) {
        if (shell != null) {
            shell.interruptHandler(() -> switch (control.interrupt()) {
                case CANCELLED ->
                    "Ctrl-C: the statement waiting for a lock is cancelled; the step stops (the journal says so, resume continues).";
                case AFTER_STEP ->
                    walked ? null : "Ctrl-C: the repair stops after this step (at once if it waits for a lock).";
                case IDLE -> null;
            });
            return new CtrlC(shell, null);
        }
        SignalHandler[] before = new SignalHandler[1];
        boolean[] asked = new boolean[1];
        SignalHandler handler = signal -> {
            StepControl.Interrupted what = asked[0] ? StepControl.Interrupted.IDLE : control.interrupt();
            asked[0] = true;
            switch (what) {
                case CANCELLED ->
                    err.println("\nmigrescue: Ctrl-C: the statement waiting for a lock is cancelled; the step stops"
                            + " (the journal says so; resume continues). Ctrl-C again quits at once.");
                case AFTER_STEP ->
                    err.println(
                            "\nmigrescue: Ctrl-C: the repair stops after this step (at once if it waits for a lock);"
                                    + " Ctrl-C again quits at once.");
                case IDLE -> before[0].handle(signal);
            }
            err.flush();
        };
        try {
            before[0] = Signal.handle(INT, handler);
        } catch (IllegalArgumentException e) {
            // SIGINT is not ours to take (java -Xrs): Ctrl-C keeps doing what it did
            return new CtrlC(null, null);
        }
        return new CtrlC(null, before[0]);
    }

    @Override
    public void close() {
        if (shell != null) {
            shell.interruptHandler(null);
        } else if (previous != null) {
            Signal.handle(INT, previous);
        }
    }
}
