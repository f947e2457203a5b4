package io.migrescue.diagnosis;

import java.util.ArrayList;
import java.util.List;

/** Which built-in playbooks (playbooks.md) fit a finding, best first. */
public final class PlaybookRanking {
    private PlaybookRanking() {
    }

    public static List<String> rank(FindingKind kind, FailedMigration migration, boolean sameTable, boolean existingMatches) {
        List<String> ids = new ArrayList<>();
        switch (kind) {
            case DUPLICATE_CONSTRAINT_NAME -> ids.addAll(sameTable
                    ? List.of("replace-constraint", "revert-partial-migration")
                    : List.of("rename-conflicting-constraint", "revert-partial-migration"));
            case TABLE_ALREADY_EXISTS -> ids.addAll(existingMatches
                    ? List.of("adopt-existing-object", "move-aside-existing-table")
                    : List.of("move-aside-existing-table", "adopt-existing-object"));
            case DUPLICATE_COLUMN, DUPLICATE_INDEX_NAME -> ids.add("adopt-existing-object");
            case MISSING_TABLE -> ids.add("create-missing-table");
            case PARTIALLY_APPLIED -> ids.addAll(List.of("complete-partial-migration", "revert-partial-migration"));
            case FAILED_MIGRATION -> {
                if (migration != null && migration.fullyApplied()) {
                    ids.add("mark-applied");
                } else if (migration != null && migration.partiallyApplied()) {
                    ids.addAll(List.of("complete-partial-migration", "revert-partial-migration"));
                } else {
                    ids.add("mark-rolled-back");
                }
            }
            case DIRTY_VERSION -> ids.add("clear-dirty-version");
            case STUCK_LOCK -> ids.add("release-stale-lock");
            case FK_ORPHAN_ROWS -> ids.add("fix-orphan-rows");
            case DUPLICATE_ROWS -> ids.add("fix-duplicate-rows");
            case NULL_VALUES -> ids.add("fill-null-values");
            case MISSING_OBJECT_ON_DROP -> ids.add("mark-applied");
            default -> {
                // no built-in playbook (INVALID_INDEX, FK_INCOMPATIBLE, LOCK_TIMEOUT, CHECKSUM_MISMATCH, …): the
                // finding's evidence explains, the operator decides; never an id that has no playbook
            }
        }
        if (migration != null && migration.partiallyApplied() && kind != FindingKind.PARTIALLY_APPLIED
                && !ids.contains("revert-partial-migration")) {
            ids.add("revert-partial-migration");
        }
        // never a playbook whose plan the statement map already says will fail
        if (migration != null && migration.predictedToFail(false)) {
            ids.remove("complete-partial-migration");
        }
        if (migration != null && migration.predictedToFail(true)) {
            ids.remove("adopt-existing-object");
        }
        return ids;
    }

    /**
     * A finding about a migration whose next statement would fail, once the cause is known: the playbooks that remove
     * the cause come first (they also finish the migration), then the others (revert), without repeats.
     */
    public static List<String> causeFirst(List<String> ids, List<String> causeIds) {
        List<String> ranked = new ArrayList<>(causeIds);
        ids.stream().filter(id -> !ranked.contains(id)).forEach(ranked::add);
        return ranked;
    }
}
