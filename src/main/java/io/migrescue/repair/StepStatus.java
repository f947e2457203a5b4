package io.migrescue.repair;

/** What became of one step of a repair, as reports and the journal's readers say it. */
public enum StepStatus {
    PLANNED("planned"),
    DONE("done"),
    /** its effect was already there (a resumed repair, or a person who chose to skip it) */
    SKIPPED("skipped"),
    NOT_RUN("not-run"),
    FAILED("failed"),
    ROLLED_BACK("rolled-back");

    private final String label;

    StepStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
