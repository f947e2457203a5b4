package io.migrescue.repair;

import io.migrescue.db.DatabaseSession;
import io.migrescue.db.Redaction;
import io.migrescue.failure.ExitCode;
import io.migrescue.failure.MigrescueException;
import io.migrescue.playbook.Plan;
import io.migrescue.playbook.PlanStep;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a repair ends when it cannot finish: stopped with the journal as the truth, or (in scripts) rolled back from the
 * journal and the backup, and reported as rolled back only when the fingerprint proves it.
 */
final class RepairRollback {
    private final DatabaseSession session;
    private final Backups backups;
    private final List<String> schemas;
    private final StepControl control;
    private final boolean rollBackOnFailure;

    RepairRollback(
            DatabaseSession session,
            Backups backups,
            List<String> schemas,
            StepControl control,
            boolean rollBackOnFailure) {
        this.session = session;
        this.backups = backups;
        this.schemas = schemas;
        this.control = control;
        this.rollBackOnFailure = rollBackOnFailure;
    }

    /** The report of a repair that stopped: the journal says where, and resume goes on or rolls back from there. */
    static RepairReport stopped(
            Plan plan, Path backupDir, Journal journal, List<RepairReport.StepOutcome> outcomes, String message) {
        journal.write("stopped", Map.of("message", message));
        String said = message + "; the database is as the journal " + journal.file()
                + " says; `migrescue resume` continues or rolls back";
        return report(plan, RepairStatus.STOPPED, backupDir, journal, outcomes, List.of(), said);
    }

    /** After verification failed: rolled back when scripts ask for it, else {@code failed} as it is. */
    RepairReport afterVerificationFailed(Plan plan, Path backupDir, Journal journal, RepairReport failed) {
        if (!rollBackOnFailure) {
            return failed;
        }
        RepairReport rolledBack = rollBackAfter(plan, backupDir, journal, "verification failed");
        List<RepairReport.StepOutcome> steps = rolledBack.steps();
        String said = rolledBack.message();
        return report(plan, RepairStatus.VERIFICATION_FAILED, backupDir, journal, steps, failed.verification(), said);
    }

    /** After a step failed: in scripts, when earlier steps changed the database, everything is undone at once. */
    RepairReport afterFailure(Plan plan, Path backupDir, Journal journal, RepairReport stopped) {
        // Ctrl-C is the operator's stop, not a failure: the journal is consistent and resume goes on from there
        if (!rollBackOnFailure || control.cancelled() || control.stopRequested()) {
            return stopped;
        }
        Resumer.State state = Resumer.read(journal.read(), backupDir);
        boolean changed = state.backupVerified()
                && (plan.steps().stream()
                                .anyMatch(p -> p.changesDatabase()
                                        && p.n() <= state.doneUpTo()
                                        && !state.skipped().contains(p.n()))
                        || !state.statementsDone().isEmpty());
        if (!changed) {
            return stopped;
        }
        RepairReport rolledBack =
                rollBackAfter(plan, backupDir, journal, stopped.message().replaceFirst(";.*", ""));
        RepairStatus status =
                rolledBack.status() == RepairStatus.ROLLED_BACK ? RepairStatus.STOPPED : rolledBack.status();
        return report(plan, status, backupDir, journal, rolledBack.steps(), List.of(), rolledBack.message());
    }

    private RepairReport rollBackAfter(Plan plan, Path backupDir, Journal journal, String why) {
        try {
            RepairReport r = rollBack(plan, backupDir, journal, Resumer.read(journal.read(), backupDir));
            String said = why + ", so the repair was rolled back: " + r.message();
            return report(plan, r.status(), backupDir, journal, r.steps(), List.of(), said);
        } catch (RuntimeException e) {
            String error = Redaction.scrub(String.valueOf(e.getMessage()));
            journal.write("rollback-failed", Map.of("error", error));
            String said = why + "; rolling it back failed too (" + error + "): the database is as the journal "
                    + journal.file() + " says; `migrescue resume --rollback` finishes the roll back";
            return report(plan, RepairStatus.STOPPED, backupDir, journal, List.of(), List.of(), said);
        }
    }

    /**
     * Undoes the repair ({@link Rollback}) and says {@code rolled-back} only when the fingerprint equals the one taken
     * before it; otherwise {@code stopped} (exit 4) with what differs.
     */
    RepairReport rollBack(Plan plan, Path dir, Journal journal, Resumer.State state) {
        Rollback.Outcome outcome;
        try {
            outcome = new Rollback(session, backups, schemas).run(plan, dir, journal, state);
        } catch (SQLException e) {
            String error = Redaction.scrub(String.valueOf(e.getMessage()));
            journal.write("rollback-failed", Map.of("error", error));
            throw new MigrescueException(
                    ExitCode.REPAIR_STOPPED,
                    "the roll back stopped: " + error + "; what was undone so far is in the journal " + journal.file()
                            + "; run resume --rollback again to finish it",
                    e);
        }
        List<RepairReport.StepOutcome> outcomes = new ArrayList<>();
        for (PlanStep s : plan.steps()) {
            boolean ran = s.n() <= state.doneUpTo() && !state.skipped().contains(s.n())
                    || state.interrupted() != null && s.n() == state.interrupted();
            outcomes.add(StepOutcomes.of(s, ran ? StepStatus.ROLLED_BACK : StepStatus.NOT_RUN));
        }
        String undone = outcome.undone().isEmpty()
                ? "nothing needed undoing"
                : "undone: " + String.join("; ", outcome.undone());
        if (!outcome.exact()) {
            journal.write(
                    "rollback-incomplete", Map.of("undone", outcome.undone(), "differences", outcome.differences()));
            return new RepairReport(
                    plan,
                    false,
                    RepairStatus.STOPPED,
                    dir,
                    journal.file(),
                    outcomes,
                    List.of(),
                    "the roll back did not bring back"
                            + " the database as it was before the repair: " + String.join("; ", outcome.differences())
                            + " (" + undone
                            + "); the backup is in " + dir);
        }
        journal.write("rolled-back", Map.of("undone", outcome.undone()));
        return new RepairReport(
                plan,
                false,
                RepairStatus.ROLLED_BACK,
                dir,
                journal.file(),
                outcomes,
                List.of(),
                !state.backupVerified()
                        ? "the repair stopped before any change; the database is as before"
                        : undone
                                + "; the database is as before the repair (its fingerprint equals the one taken before it)");
    }

    /** A report of this run (never a dry run), its journal beside its backup. */
    private static RepairReport report(
            Plan plan,
            RepairStatus status,
            Path backupDir,
            Journal journal,
            List<RepairReport.StepOutcome> steps,
            List<CheckResult> verification,
            String message) {
        return new RepairReport(plan, false, status, backupDir, journal.file(), steps, verification, message);
    }
}
