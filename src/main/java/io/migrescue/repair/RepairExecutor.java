package io.migrescue.repair;

import io.migrescue.db.DatabaseSession;
import io.migrescue.db.Redaction;
import io.migrescue.playbook.Plan;
import io.migrescue.playbook.PlanStep;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries out a plan under the safety rules: the repair lock, short lock timeouts, a verified backup before the
 * first change, a journal line before and after every step, verification at the end. Stops at the first failure
 * with the database exactly as the journal says.
 */
public final class RepairExecutor {
    private final DatabaseSession session;
    private final Backups backups;
    private final List<String> schemas;
    private boolean rollBackOnFailure;
    private StepControl control = StepControl.none();

    public RepairExecutor(DatabaseSession session, Backups backups, List<String> schemas) {
        this.session = session;
        this.backups = backups;
        this.schemas = schemas;
    }

    /**
     * When verification fails, or a step fails after others changed the database, everything is undone at once from
     * the journal and the backup (scripts: nobody is there to decide; the shell offers it instead).
     */
    public RepairExecutor rollingBackOnFailure() {
        this.rollBackOnFailure = true;
        return this;
    }

    /** Lock waits are told to, and Ctrl-C reaches the steps through, {@code control}. */
    public RepairExecutor controlledBy(StepControl control) {
        this.control = control;
        return this;
    }

    /** The plan as a dry run reports it: nothing is executed. */
    public static RepairReport preview(Plan plan, Path backupDir) {
        List<RepairReport.StepOutcome> steps = plan.steps().stream()
                .map(s -> StepOutcomes.of(s, StepStatus.PLANNED))
                .toList();
        List<CheckResult> checks = plan.checks().stream()
                .map(c -> new CheckResult(c.describe(), false, "not run (dry run)"))
                .toList();
        return new RepairReport(
                plan, true, RepairStatus.PLANNED, backupDir, backupDir.resolve("journal.jsonl"), steps, checks, null);
    }

    public RepairReport run(Plan plan, Path backupDir) {
        return run(plan, backupDir, StepGate.RUN_ALL);
    }

    /** Carries out the plan, asking {@code gate} before each step. */
    public RepairReport run(Plan plan, Path backupDir, StepGate gate) {
        Journal journal = Journal.create(backupDir.resolve("journal.jsonl"));
        PlanCodec.write(plan, backupDir);
        Map<String, Object> planned =
                new LinkedHashMap<>(PlanJson.of(plan, session.info().url(), schemas));
        planned.put("repair", java.util.UUID.randomUUID().toString());
        journal.write("plan", planned);
        try (RepairLock ignored = RepairLock.acquire(session)) {
            StepRunner runner = new StepRunner(session, journal, control);
            runner.applySessionLimits();
            // what a roll back must bring back exactly, taken before anything changes
            journal.write(
                    "fingerprint",
                    Map.of(
                            "tables",
                            DatabaseFingerprint.take(session, schemas, touched(plan))
                                    .toJson()));
            return runSteps(plan, backupDir, journal, runner, 0, Map.of(), gate);
        } catch (SQLException e) {
            journal.write("stopped", Map.of("error", Redaction.scrub(String.valueOf(e.getMessage()))));
            return RepairRollback.stopped(
                    plan, backupDir, journal, List.of(), "cannot prepare the session: " + e.getMessage());
        }
    }

    /**
     * Runs the steps after {@code doneUpTo} (0 = all) and then the verification.
     *
     * @param savedRows row counts of the backup, when it was taken in an earlier run (resume)
     */
    RepairReport runSteps(
            Plan plan,
            Path backupDir,
            Journal journal,
            StepRunner runner,
            int doneUpTo,
            Map<String, Long> savedRows,
            StepGate gate) {
        List<RepairReport.StepOutcome> outcomes = new ArrayList<>();
        Map<String, Long> saved = new LinkedHashMap<>(savedRows);
        Plan current = plan;
        int i = 0;
        while (i < current.steps().size()) {
            PlanStep step = current.steps().get(i);
            if (step.n() <= doneUpTo) {
                outcomes.add(StepOutcomes.of(step, StepStatus.DONE));
                i++;
                continue;
            }
            StepGate.Verdict verdict = gate.before(current, StepOutcomes.view(current, step));
            switch (verdict.kind()) {
                case REPLAN -> {
                    String refusal = differsInWhatRan(current, verdict.replacement(), step.n());
                    if (refusal != null) {
                        gate.refused(StepOutcomes.view(current, step), refusal);
                    } else {
                        current = verdict.replacement();
                        PlanCodec.write(current, backupDir);
                        journal.write("replanned", Map.of("n", step.n(), "params", current.params()));
                    }
                    continue; // ask about the step again, as the new plan has it
                }
                case SKIP -> {
                    journal.write("step-skipped", Map.of("n", step.n()));
                    outcomes.add(StepOutcomes.of(step, StepStatus.SKIPPED));
                    i++;
                    continue;
                }
                case STOP, ABORT -> {
                    String who = verdict.kind() == StepGate.Verdict.Kind.ABORT ? "aborted" : "declined";
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("n", step.n());
                    fields.put("reason", String.valueOf(verdict.reason()));
                    journal.write(who, fields);
                    outcomes.add(StepOutcomes.of(step, StepStatus.NOT_RUN));
                    return RepairRollback.stopped(
                            current,
                            backupDir,
                            journal,
                            StepOutcomes.withRestNotRun(current, outcomes),
                            "the operator "
                                    + (who.equals("aborted") ? "aborted the repair" : "stopped it") + " before step "
                                    + step.n()
                                    + (verdict.reason() == null ? "" : " (" + verdict.reason() + ")"));
                }
                case RUN -> {
                    // below
                }
            }
            if (RepairVerification.alreadyRecorded(session, schemas, step)) {
                journal.write("step-done", Map.of("n", step.n(), "alreadyRecorded", true));
                outcomes.add(StepOutcomes.of(step, StepStatus.DONE));
                i++;
                continue;
            }
            journal.write("step-start", Map.of("n", step.n(), "kind", step.kind()));
            String stop;
            String why;
            try {
                CrashPoint.change("step-start:" + step.n(), session);
                if (step.kind().equals("backup")) {
                    saved.putAll(backups.save(session, current.backup(), historyOf(current), backupDir));
                    CrashPoint.reached("backup-written:" + step.n());
                    journal.write("backup-verified", Map.of("n", step.n(), "rows", saved));
                    StepLedger ledger = StepLedger.of(session, schemas, journal, backupDir);
                    ledger.create(); // only now: nothing changes before a verified backup
                    runner.recordIn(ledger);
                    stop = null;
                } else if (step.kind().equals(io.migrescue.playbook.LockWaits.KIND)) {
                    stop = new LockWait(session, journal, control).run(step);
                } else {
                    stop = runner.run(step);
                }
                why = "step " + step.n() + " stopped: " + stop;
            } catch (SQLException | RuntimeException e) {
                stop = Redaction.scrub(
                        e.getMessage() == null
                                ? e.toString()
                                : e.getMessage().lines().findFirst().orElse(""));
                why = "step " + step.n() + " (" + step.description() + ") failed: " + stop;
            }
            if (stop != null) {
                return failed(current, backupDir, journal, gate, outcomes, step, stop, why);
            }
            Long rows = step.rows().isEmpty() ? null : runner.rowsChanged();
            journal.write(
                    "step-done",
                    rows == null
                            ? Map.of("n", step.n())
                            : Map.of("n", step.n(), "rows", rows, "counted", step.rowsToChange()));
            RepairReport.StepOutcome done = new RepairReport.StepOutcome(
                    step.n(), step.kind(), step.description(), StepStatus.DONE, StepOutcomes.display(step), null, rows);
            outcomes.add(done);
            gate.after(current, done);
            i++;
        }
        gate.verifying(current);
        RepairReport report = new RepairVerification(session, schemas, rollback())
                .verify(current, backupDir, journal, outcomes, saved);
        gate.verified(current, report.status() == RepairStatus.VERIFIED);
        return report;
    }

    /** A step failed with {@code error}: journaled, shown to the gate, and the repair stops (or rolls back). */
    private RepairReport failed(
            Plan plan,
            Path backupDir,
            Journal journal,
            StepGate gate,
            List<RepairReport.StepOutcome> outcomes,
            PlanStep step,
            String error,
            String message) {
        journal.write("step-failed", Map.of("n", step.n(), "error", error));
        RepairReport.StepOutcome failed = StepOutcomes.of(step, StepStatus.FAILED, error);
        outcomes.add(failed);
        gate.after(plan, failed);
        return rollback()
                .afterFailure(
                        plan,
                        backupDir,
                        journal,
                        RepairRollback.stopped(
                                plan, backupDir, journal, StepOutcomes.withRestNotRun(plan, outcomes), message));
    }

    /** Why {@code next} cannot take over before step {@code n}: the steps already run (and the backup) must be the same in it. */
    static String differsInWhatRan(Plan current, Plan next, int n) {
        if (next.steps().size() < n) {
            return "the new values leave out steps that have run already";
        }
        if (n > 1 && !next.backup().equals(current.backup())) {
            return "the new values need another backup than the one taken; stop, and run repair again with them";
        }
        for (int k = 0; k < n - 1; k++) {
            PlanStep a = current.steps().get(k);
            PlanStep b = next.steps().get(k);
            if (!a.kind().equals(b.kind()) || !StepOutcomes.display(a).equals(StepOutcomes.display(b))) {
                return "with the new values step " + a.n()
                        + ", which has run already, would be different; stop (and roll back), then run repair again with them";
            }
        }
        return null;
    }

    /** Undoes the repair; see {@link RepairRollback#rollBack}. */
    RepairReport rollBack(Plan plan, Path dir, Journal journal, Resumer.State state) {
        return rollback().rollBack(plan, dir, journal, state);
    }

    private RepairRollback rollback() {
        return new RepairRollback(session, backups, schemas, control, rollBackOnFailure);
    }

    /** The tables whose rows the fingerprint checks: those the plan backs up, and the migration tool's history. */
    private java.util.Set<String> touched(Plan plan) throws SQLException {
        java.util.Set<String> tables = new java.util.LinkedHashSet<>();
        plan.backup().tables().forEach(t -> tables.add(t.schema() + "." + t.table()));
        for (io.migrescue.model.MigrationHistory h : historyOf(plan)) {
            if (h.tool().equals(plan.backup().historyTool())) {
                tables.add(h.schema() + "." + h.table());
                if (h.lock() != null) {
                    tables.add(h.schema() + "." + h.lock().table());
                }
            }
        }
        return tables;
    }

    private List<io.migrescue.model.MigrationHistory> historyOf(Plan plan) throws SQLException {
        return io.migrescue.history.HistoryReader.readAll(session, schemas, io.migrescue.history.HistoryAdapters.all());
    }
}
