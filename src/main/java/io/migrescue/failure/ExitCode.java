package io.migrescue.failure;

/** The exit codes of the command-line contract (docs: cli.md). One place decides them. */
public enum ExitCode {
    OK(0, "success, nothing wrong", "success"),
    ATTENTION(1, "findings or differences", "findings"),
    USAGE(2, "usage error", "usage"),
    CONNECTION(3, "cannot connect, or not permitted", "cannot connect"),
    REPAIR_STOPPED(4, "repair stopped (see its journal)", "stopped (see the journal)"),
    VERIFICATION_FAILED(5, "verification failed (the repair was rolled back)", "verification failed"),
    CONFIRMATION_NEEDED(6, "confirmation or a decision needed (--yes, --param)", "--yes needed"),
    /** the saved plan ({@code repair --plan}) no longer fits: the database changed since {@code --save-plan} */
    PLAN_CHANGED(7, "the saved plan no longer fits (repair --plan)", "the saved plan no longer fits"),
    INTERNAL(70, "internal error (see the log)", "internal error");

    private final int code;
    private final String meaning;
    private final String brief;

    ExitCode(int code, String meaning, String brief) {
        this.code = code;
        this.meaning = meaning;
        this.brief = brief;
    }

    /** The few words a command's "Exit:" line uses when the command says nothing more specific. */
    public String brief() {
        return brief;
    }

    /** What the code tells a script, as help lists it. */
    public String meaning() {
        return meaning;
    }

    public int code() {
        return code;
    }
}
