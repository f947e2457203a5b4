package io.migrescue.repair;

import io.migrescue.failure.ExitCode;

/** How a repair ended, as reports and the shell say it, and the exit code that goes with it (cli.md). */
public enum RepairStatus {
    PLANNED("planned", ExitCode.OK),
    VERIFIED("verified", ExitCode.OK),
    /** undone on the person's or the script's decision: the database is as before, which is a success */
    ROLLED_BACK("rolled-back", ExitCode.OK),
    VERIFICATION_FAILED("verification-failed", ExitCode.VERIFICATION_FAILED),
    STOPPED("stopped", ExitCode.REPAIR_STOPPED);

    private final String label;
    private final ExitCode exitCode;

    RepairStatus(String label, ExitCode exitCode) {
        this.label = label;
        this.exitCode = exitCode;
    }

    public String label() {
        return label;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** Reports print the label: the word scripts and people read. */
    @Override
    public String toString() {
        return label;
    }
}
