package io.migrescue.cli;

import io.migrescue.app.RepairUseCase;
import io.migrescue.repair.StepGate;

/**
 * The person at the shell's terminal, as the commands see them. The shell implements it with JLine; the scripted
 * command line has none (a question it would ask ends the run with exit 6 and says which option answers it).
 */
public interface Interaction {
    /** Reads a secret without echoing it; an empty answer is returned as "", a cancelled prompt as null. */
    String secret(String prompt);

    /** A yes/no question; no unless the person answers yes. */
    boolean confirm(String question);

    /**
     * Multi-line text, such as an error pasted from a deploy log, ended by an empty line or a line holding just
     * {@code .}; null when nothing was pasted.
     */
    String paste(String prompt);

    /** Walks a repair step by step: decisions and parameters, then each step. */
    RepairUseCase.Dialog repairDialog();

    /** Walks a resumed repair's remaining steps. */
    StepGate resumeGate();

    /** Whether progress may be redrawn in place (a terminal that understands carriage returns). */
    boolean redraws();

    /**
     * While a repair runs: Ctrl-C goes to {@code handler} first, which says what it did (a statement waiting for a
     * lock cancelled), or null when the shell should do what it does otherwise. Null clears it.
     */
    default void interruptHandler(java.util.function.Supplier<String> handler) {}
}
