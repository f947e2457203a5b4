package io.migrescue.diagnosis;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The conditions a playbook's {@code recommend:} rules may name (playbooks.md): a small typed vocabulary the pure
 * diagnosis evaluates from the finding, never free-form code.
 */
public enum Situation {
    /** The conflicting constraint is on the migration's own table (PostgreSQL 42710). */
    SAME_TABLE,
    /** The conflicting constraint is held by another table. */
    OTHER_TABLE,
    /** The object in the way has the shape the migration means. */
    EXISTING_MATCHES,
    /** The object in the way has another shape. */
    EXISTING_DIFFERS,
    /** Every statement of the failed migration is in effect. */
    FULLY_APPLIED,
    /** Some statements are in effect, some not. */
    PARTIALLY_APPLIED,
    /** No migration known, or none of its statements in effect. */
    NOTHING_APPLIED,
    /** The statement map predicts no statement still to run (failed one included) would fail. */
    FINISHING_WOULD_RUN,
    /** The statement map predicts no statement after the failed one would fail. */
    LATER_STATEMENTS_WOULD_RUN;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Situation> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }

    boolean holds(FailedMigration m, boolean sameTable, boolean existingMatches) {
        return switch (this) {
            case SAME_TABLE -> sameTable;
            case OTHER_TABLE -> !sameTable;
            case EXISTING_MATCHES -> existingMatches;
            case EXISTING_DIFFERS -> !existingMatches;
            case FULLY_APPLIED -> m != null && m.fullyApplied();
            case PARTIALLY_APPLIED -> m != null && m.partiallyApplied();
            case NOTHING_APPLIED -> m == null || !m.fullyApplied() && !m.partiallyApplied();
            case FINISHING_WOULD_RUN -> m == null || !m.predictedToFail(false);
            case LATER_STATEMENTS_WOULD_RUN -> m == null || !m.predictedToFail(true);
        };
    }
}
