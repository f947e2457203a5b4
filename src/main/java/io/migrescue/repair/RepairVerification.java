package io.migrescue.repair;

import io.migrescue.db.DatabaseSession;
import io.migrescue.playbook.Check;
import io.migrescue.playbook.Plan;
import io.migrescue.playbook.PlanStep;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The end of a repair: the plan's checks against the database, journaled; a failure goes to {@link RepairRollback}. */
final class RepairVerification {
    private final DatabaseSession session;
    private final List<String> schemas;
    private final RepairRollback rollback;

    RepairVerification(DatabaseSession session, List<String> schemas, RepairRollback rollback) {
        this.session = session;
        this.schemas = schemas;
        this.rollback = rollback;
    }

    RepairReport verify(
            Plan plan,
            Path backupDir,
            Journal journal,
            List<RepairReport.StepOutcome> outcomes,
            Map<String, Long> saved) {
        RepairReport failed;
        try {
            CrashPoint.reached("verifying");
            CrashPoint.change("verifying", session);
            List<CheckResult> results = new Verifier(session, schemas)
                    .verify(plan.checks(), plan.finding().migration(), saved, ranByRepair(plan, outcomes));
            boolean ok = results.stream().allMatch(CheckResult::holds);
            if (ok) {
                StepLedger.of(session, schemas, journal, backupDir)
                        .clear(); // before the line that ends the repair: a kill in between verifies again
            }
            journal.write(
                    (ok ? RepairStatus.VERIFIED : RepairStatus.VERIFICATION_FAILED).label(),
                    Map.of(
                            "checks",
                            results.stream()
                                    .map(r -> Map.of("check", r.check(), "holds", r.holds(), "detail", r.detail()))
                                    .toList()));
            failed = new RepairReport(
                    plan,
                    false,
                    ok ? RepairStatus.VERIFIED : RepairStatus.VERIFICATION_FAILED,
                    backupDir,
                    journal.file(),
                    outcomes,
                    results,
                    ok ? null : "verification failed; the backup is in " + backupDir);
            if (ok) {
                return failed;
            }
        } catch (SQLException e) {
            journal.write("verification-failed", Map.of("error", String.valueOf(e.getMessage())));
            failed = new RepairReport(
                    plan,
                    false,
                    RepairStatus.VERIFICATION_FAILED,
                    backupDir,
                    journal.file(),
                    outcomes,
                    List.of(),
                    "cannot verify: " + e.getMessage() + "; the backup is in " + backupDir);
        }
        return rollback.afterVerificationFailed(plan, backupDir, journal, failed);
    }

    /** Statements of the migration that steps of this repair ran and committed. */
    private static Set<Integer> ranByRepair(Plan plan, List<RepairReport.StepOutcome> outcomes) {
        Set<Integer> ran = new HashSet<>();
        for (RepairReport.StepOutcome o : outcomes) {
            PlanStep step = plan.steps().get(o.n() - 1);
            if (o.status() == StepStatus.DONE && step.done() instanceof Check.StatementInEffect s) {
                ran.add(s.n());
            }
        }
        return ran;
    }

    /** A record step whose writes the tool's history holds already is not run again: no history row is written twice. */
    static boolean alreadyRecorded(DatabaseSession session, List<String> schemas, PlanStep step) {
        if (!step.kind().equals("record") || !(step.done() instanceof Check.HistoryRecorded recorded)) {
            return false;
        }
        try {
            Verifier verifier = new Verifier(session, schemas);
            verifier.refresh();
            return verifier.evaluate(recorded, null, Map.of()).holds();
        } catch (SQLException e) {
            return false; // cannot tell: the step runs, and its own statements fail loudly if they must
        }
    }
}
