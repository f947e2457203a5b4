package io.migrescue.playbook;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The checks a {@code verify} step may name: declared once, so the loader accepts exactly the checks the planner's
 * exhaustive switch plans.
 */
public enum CheckName {
    MIGRATION_EFFECTS_PRESENT,
    MIGRATION_EFFECTS_ABSENT,
    HISTORY_CLEAN,
    CONSTRAINTS_FREED,
    NO_ORPHANS,
    NO_DUPLICATES,
    NO_NULLS,
    NO_CHECK_VIOLATIONS,
    NO_UNFIT_VALUES,
    LOCK_RELEASED,
    CONSTRAINTS_VALIDATED,
    ROW_COUNTS_KEPT,
    TABLES_PRESENT,
    MIGRATION_SETTLED,
    INDEXES_VALID,
    COLUMN_TYPES_ALIGNED;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<CheckName> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(CheckName::id).toList();
    }
}
