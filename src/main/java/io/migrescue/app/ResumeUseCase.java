package io.migrescue.app;

import io.migrescue.backup.Progress;
import io.migrescue.db.DatabaseSession;
import io.migrescue.repair.RepairReport;
import io.migrescue.repair.Resumer;
import io.migrescue.repair.StepControl;
import io.migrescue.repair.StepGate;
import java.nio.file.Path;

/** {@code resume}: continue an interrupted repair from its journal, or roll it back. */
public final class ResumeUseCase {
    private ResumeUseCase() {}

    public static RepairReport run(DatabaseSession session, Path dir, boolean rollback, Progress progress) {
        return run(session, dir, rollback, progress, StepGate.RUN_ALL);
    }

    /** @param gate asked before each step still to run (the shell walks them as it walks a repair) */
    public static RepairReport run(
            DatabaseSession session, Path dir, boolean rollback, Progress progress, StepGate gate) {
        return run(session, dir, rollback, progress, gate, StepControl.none());
    }

    /** @param control told of lock waits; Ctrl-C reaches the steps through it */
    public static RepairReport run(
            DatabaseSession session,
            Path dir,
            boolean rollback,
            Progress progress,
            StepGate gate,
            StepControl control) {
        return new Resumer(session, new BackupStore(progress))
                .controlledBy(control)
                .resume(dir, rollback, gate);
    }
}
