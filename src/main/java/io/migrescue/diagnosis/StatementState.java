package io.migrescue.diagnosis;

/** Where one statement of the failed migration stands in the live schema. */
public enum StatementState {
    APPLIED("applied"),
    FAILED("failed"),
    NOT_APPLIED("not-applied"),
    UNKNOWN("unknown");

    private final String id;

    StatementState(String id) {
        this.id = id;
    }

    /** The JSON spelling of cli.md. */
    public String id() {
        return id;
    }
}
