package io.migrescue.playbook;

import io.migrescue.diagnosis.CatalogLookup;
import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.diagnosis.Finding;
import io.migrescue.diagnosis.StatementState;
import io.migrescue.diagnosis.StatementVerdict;
import io.migrescue.sql.Effect;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The failed migration carried forward or taken back, statement by statement from its statement map: what is not in
 * effect run, or what is in effect undone newest first, and which of the two a dirty version goes.
 *
 * @param failingStatementDone whether a data fix of this plan already did what the failed statement does
 */
record MigrationSettling(
        FailedMigration migration,
        Finding finding,
        CatalogLookup lookup,
        DdlWriter ddl,
        PlanDraft draft,
        TemplateValues values,
        BooleanSupplier failingStatementDone) {

    void finish(boolean skipFailed) {
        FailedMigration m = requireStatements("finish");
        MigrationSteps migrationSteps = new MigrationSteps(lookup, ddl);
        for (StatementVerdict v : m.statements()) {
            boolean pending = v.state() == StatementState.NOT_APPLIED || v.state() == StatementState.FAILED;
            boolean failedButDone = v.state() == StatementState.FAILED && failingStatementDone.getAsBoolean();
            if (!pending
                    || failedButDone
                    || draft.runByPlan.contains(v.n())
                    || skipFailed && v.state() == StatementState.FAILED) {
                continue;
            }
            draft.add(migrationSteps.forward(m, v));
            draft.validated.addAll(migrationSteps.foreignKeysAdded(v));
        }
    }

    void revert(StepSpec step, String tablesDecision) {
        FailedMigration m = requireStatements("revert");
        MigrationSteps migrationSteps = new MigrationSteps(lookup, ddl);
        List<StatementVerdict> applied = new ArrayList<>(m.statements().stream()
                .filter(v -> v.state() == StatementState.APPLIED)
                .toList());
        Collections.reverse(applied);
        List<String> tables = applied.stream()
                .flatMap(v -> v.effects().stream())
                .filter(e -> e instanceof Effect.CreateTable || e instanceof Effect.RenameTable)
                .map(e -> e instanceof Effect.CreateTable c
                        ? "drop " + c.table()
                        : "rename " + ((Effect.RenameTable) e).to() + " back to " + ((Effect.RenameTable) e).from())
                .toList();
        if (!tables.isEmpty()) {
            values.decided(step, tablesDecision, String.join(", ", tables));
        }
        for (StatementVerdict v : applied) {
            draft.add(migrationSteps.backward(m, v));
        }
    }

    /**
     * Forward when what is missing can run (no statement not in effect is predicted to fail) and something took
     * effect; back otherwise: then the version before it is what the database really is. True for forward.
     */
    boolean settlesForward(String direction) {
        FailedMigration m = requireStatements("settle the dirty version of");
        boolean blocked = m.statements().stream()
                .anyMatch(v -> v.prediction() != null
                        && (v.state() == StatementState.NOT_APPLIED || v.state() == StatementState.FAILED));
        String chosen = switch (direction) {
            case "forward", "back" -> direction;
            case "auto" -> m.nothingApplied() || blocked ? "back" : "forward";
            default -> throw new PlanningException("direction must be forward, back or auto");
        };
        long applied = m.statements().stream()
                .filter(v -> v.state() == StatementState.APPLIED)
                .count();
        draft.explanations.add(
                "going " + chosen + ": " + applied + " of " + m.statements().size() + " statements of version " + m.id()
                        + " are in effect" + (blocked ? ", and what is missing would fail as it stands" : "")
                        + (direction.equals("auto") ? " (give --param direction=forward|back to choose otherwise)" : "")
                        + matchedVersion());
        return chosen.equals("forward");
    }

    /** What scoring every version against the schema found (DirtyVersionMatch), to say which version and why. */
    private String matchedVersion() {
        String matches = finding.objects().get("matches");
        if (matches == null) {
            return "";
        }
        String next = finding.objects().getOrDefault("next", "");
        return "; of every version, the schema matches " + (matches.equals("none") ? "none (nothing applied)" : matches)
                + " exactly" + (next.isEmpty() ? "" : ", and migrate up runs " + next + " after it");
    }

    FailedMigration requireStatements(String what) {
        FailedMigration m = migration;
        if (m == null || m.statements().isEmpty()) {
            throw new PlanningException(
                    "to " + what + " the migration migrescue needs its statements: give --migrations DIR"
                            + (m == null ? "" : " (the folder holding migration " + m.id() + ")"));
        }
        return m;
    }

    /** The text of the statement that failed, or null when no statement map says which. */
    String failingSql() {
        if (migration != null) {
            for (StatementVerdict v : migration.statements()) {
                if (v.state() == StatementState.FAILED) {
                    return v.sql();
                }
            }
        }
        return null;
    }

    /** The effects of the statement that failed, or none when no statement map says which. */
    List<Effect> failingEffects() {
        if (migration != null) {
            for (StatementVerdict v : migration.statements()) {
                if (v.state() == StatementState.FAILED) {
                    return v.effects();
                }
            }
        }
        return List.of();
    }
}
