package io.migrescue.backup;

/**
 * Told how far a long step has come. The backup code never prints: the command line decides whether a step is slow
 * enough to be worth a progress line, and where it goes.
 */
public interface Progress {
    /** Nothing to report to. */
    Progress NONE = new Progress() {
        @Override
        public void start(String label, long total) {}

        @Override
        public void advance(long n) {}

        @Override
        public void done() {}
    };

    /**
     * A step begins.
     *
     * @param total how many units (rows) it will take, or -1 when unknown
     */
    void start(String label, long total);

    /** {@code n} more units are done. */
    void advance(long n);

    /** The step that began last is over. */
    void done();
}
