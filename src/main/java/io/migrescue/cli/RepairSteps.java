package io.migrescue.cli;

import io.migrescue.repair.RepairReport;
import io.migrescue.repair.StepControl;
import io.migrescue.repair.StepGate;

/**
 * How repair, repair --plan and resume run a repair's steps: progress on stderr (redrawn in the shell) and Ctrl-C
 * stopping a step cleanly for the run only. One place, so that the three cannot drift apart.
 */
final class RepairSteps {
    private RepairSteps() {}

    /** The run itself, given where progress goes, who says yes to each step, and the control Ctrl-C goes through. */
    interface Steps {
        RepairReport run(StderrProgress progress, StepGate gate, StepControl control);
    }

    /** @param person the shell's person walking the steps (asked before each), or null for a scripted run (all run) */
    static RepairReport run(DatabaseCommand command, Interaction person, Steps steps) {
        StderrProgress progress = new StderrProgress(command.err(), person != null && person.redraws());
        StepControl control = new StepControl(progress::lockWait);
        try (CtrlC ignored = CtrlC.during(
                control,
                command.err(),
                command.context == null ? null : command.context.interaction(),
                person != null)) {
            return steps.run(progress, person == null ? control.runAll() : person.resumeGate(), control);
        }
    }
}
