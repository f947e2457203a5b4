package io.migrescue.catalog;

import java.util.Locale;

/**
 * Tables migrescue itself keeps in the database while a repair runs. They are never part of a catalog snapshot, so
 * diagnose, diff, verification, backups and fingerprints never count them as the user's tables.
 */
public final class OwnTables {
    /** Which steps of which repair have committed: written in the same transaction as the step (see repair.StepLedger). */
    public static final String REPAIR_STEPS = "migrescue_repair_steps";

    private OwnTables() {}

    public static boolean isOwn(String table) {
        return table != null && table.toLowerCase(Locale.ROOT).equals(REPAIR_STEPS);
    }
}
