package io.migrescue.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What Ctrl-C does, depending on where the repair is. */
class StepControlTest {
    private static final StepGate.Step STEP = new StepGate.Step(3, 4, "sql", "d", List.of(), true);

    @Test
    void outsideAStepNothingIsInterrupted() {
        StepControl control = StepControl.none();
        assertThat(control.interrupt()).isEqualTo(StepControl.Interrupted.IDLE);
        assertThat(control.stopRequested()).isFalse();
        assertThat(control.runAll().before(null, STEP)).isEqualTo(StepGate.Verdict.RUN);
    }

    @Test
    void duringAStepThatDoesNotWaitTheRepairStopsAfterIt() {
        StepControl control = StepControl.none();
        control.stepStarted(2);
        assertThat(control.interrupt()).isEqualTo(StepControl.Interrupted.AFTER_STEP);
        assertThat(control.cancelled()).isFalse();
        control.stepEnded();
        assertThat(control.runAll().before(null, STEP).kind()).isEqualTo(StepGate.Verdict.Kind.STOP);
        control.stepStarted(3); // the operator went on (the shell asked): the Ctrl-C is answered
        assertThat(control.stopRequested()).isFalse();
    }

    @Test
    void whileAStepWaitsForALockTheWaitIsCancelled() throws Exception {
        List<String> told = new ArrayList<>();
        StepControl control = new StepControl(told::add);
        control.stepStarted(2);
        control.lockWait("step 2 waiting for a lock on users held by pid 1 (…); attempt 2 of 5");
        assertThat(told).containsExactly("step 2 waiting for a lock on users held by pid 1 (…); attempt 2 of 5");
        Thread ctrlC = new Thread(() -> {
            while (true) {
                if (control.interrupt() == StepControl.Interrupted.CANCELLED) {
                    return;
                }
            }
        });
        ctrlC.start();
        assertThat(control.pause(600_000)).isTrue(); // ends at the Ctrl-C, not after ten minutes
        ctrlC.join();
        assertThat(control.cancelled()).isTrue();
    }

    @Test
    void aPauseWithoutCtrlCRunsItsCourse() {
        StepControl control = StepControl.none();
        control.stepStarted(1);
        assertThat(control.pause(1)).isFalse();
    }
}
