package io.migrescue.failure;

/** The exit codes of the command-line contract (docs: cli.md). One place decides them. */
public enum ExitCode {
    OK(0, "success, nothing wrong"),
    ATTENTION(1, "findings or differences"),
    USAGE(2, "usage error"),
    CONNECTION(3, "cannot connect, or not permitted"),
    REPAIR_STOPPED(4, "repair stopped (see its journal)"),
    VERIFICATION_FAILED(5, "verification failed (the repair was rolled back)"),
    CONFIRMATION_NEEDED(6, "confirmation or a decision needed (--yes, --param)"),
    /** the saved plan ({@code repair --plan}) no longer fits: the database changed since {@code --save-plan} */
    PLAN_CHANGED(7, "the saved plan no longer fits (repair --plan)"),
    INTERNAL(70, "internal error (see the log)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** What the code tells a script, as help lists it. */
    public String meaning() {
        return meaning;
    }

    public int code() {
        return code;
    }
}
