package io.migrescue.repair;

import java.util.Map;

/**
 * For tests of crash safety only: halts the JVM (exit 137, no shutdown hooks, nothing flushed: what SIGKILL does) at a
 * named point of a repair, given as the system property {@value #PROPERTY}. A point is a journal event with its step
 * (and statement) number, reached right after that line is on disk: {@code step-start:3}, {@code statement-done:3:2},
 * {@code step-done:3}, {@code backup-verified:1}, {@code rollback-start}, {@code rollback-undo:2}, {@code rollback-restored};
 * or {@code executed:3} (a transactional step committed, its journal line not yet written), {@code executed:3:2}
 * (statement 2 of a non-transactional step ran, its line not yet written), {@code backup-written:1} (the backup's
 * files are written, not yet verified in the journal).
 */
final class CrashPoint {
    static final String PROPERTY = "migrescue.test.crashAt";
    /**
     * For tests only: {@code <point> <statement>}, a statement run when the repair reaches {@code step-start:<n>} (before
     * that step) or {@code verifying} (after the last step), as a concurrent session's change would be.
     */
    static final String CHANGE_AT = "migrescue.test.changeAt";

    private CrashPoint() {}

    static void reached(String point) {
        String at = System.getProperty(PROPERTY);
        if (at != null && at.equals(point)) {
            Runtime.getRuntime().halt(137);
        }
    }

    /** After the journal line of {@code event} was forced to disk. */
    static void journalled(String event, Map<String, Object> fields) {
        if (System.getProperty(PROPERTY) == null) {
            return;
        }
        StringBuilder point = new StringBuilder(event);
        for (String key : new String[] {"n", "i", "k"}) {
            if (fields.get(key) != null) {
                point.append(':').append(fields.get(key));
            }
        }
        reached(point.toString());
    }

    /** Runs the test's "concurrent change" (committed at once, as another session's would be) when {@value #CHANGE_AT} names {@code point}. */
    static void change(String point, io.migrescue.db.DatabaseSession session) throws java.sql.SQLException {
        String at = System.getProperty(CHANGE_AT);
        if (at != null && at.startsWith(point + " ")) {
            String sql = at.substring(point.length() + 1);
            try (java.sql.Statement st = session.connection().createStatement()) {
                st.execute(sql);
            }
        }
    }
}
