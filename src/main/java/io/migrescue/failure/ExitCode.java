package io.migrescue.failure;

/** The exit codes of the command-line contract (docs: cli.md). One place decides them. */
public enum ExitCode {
    OK(0),
    ATTENTION(1),
    USAGE(2),
    CONNECTION(3),
    REPAIR_STOPPED(4),
    VERIFICATION_FAILED(5),
    CONFIRMATION_NEEDED(6),
    /** the saved plan ({@code repair --plan}) no longer fits: the database changed since {@code --save-plan} */
    PLAN_CHANGED(7),
    INTERNAL(70);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
