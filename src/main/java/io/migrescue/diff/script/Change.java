package io.migrescue.diff.script;

import java.util.List;

/**
 * What one difference (or, on MySQL, all differences of one column) takes to fix, and to undo.
 *
 * @param summary      for the script's comments, e.g. {@code add column public.orders.note}
 * @param forward      makes the target like the source
 * @param rollback     undoes {@code forward}: brings the target back as it was (its structure; data a destructive
 *                     statement removed is not brought back)
 * @param destructive  {@code forward} loses data (a dropped table, column, sequence, type, schema, or a narrowing type
 *                     change): commented out unless {@code --allow-destructive}
 * @param warning      why a statement may fail on the data it meets (NULLs under NOT NULL, orphans under a foreign key), or null
 * @param manual       why this cannot be scripted and must be done by hand (forward is then empty), or null
 * @param rollbackManual why the rollback cannot undo it (PostgreSQL enum values cannot be removed), or null
 */
public record Change(
        String summary,
        List<Step> forward,
        List<Step> rollback,
        boolean destructive,
        String warning,
        String manual,
        String rollbackManual) {
    static Change of(String summary, List<Step> forward, List<Step> rollback) {
        return new Change(summary, List.copyOf(forward), List.copyOf(rollback), false, null, null, null);
    }

    static Change manual(String summary, String why) {
        return new Change(summary, List.of(), List.of(), false, null, why, null);
    }

    Change asDestructive() {
        return new Change(summary, forward, rollback, true, warning, manual, rollbackManual);
    }

    Change withWarning(String text) {
        return new Change(summary, forward, rollback, destructive, text, manual, rollbackManual);
    }

    Change withRollbackManual(String text) {
        return new Change(summary, forward, rollback, destructive, warning, manual, text);
    }
}
