package io.migrescue.repair;

import io.migrescue.db.DatabaseSession;
import io.migrescue.db.Redaction;
import io.migrescue.playbook.Check;
import io.migrescue.playbook.Plan;
import io.migrescue.playbook.PlanStep;
import io.migrescue.sql.BoundStatement;
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
                .map(s -> new RepairReport.StepOutcome(
                        s.n(), s.kind(), s.description(), StepStatus.PLANNED, display(s), null))
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
            return stopped(plan, backupDir, journal, List.of(), "cannot prepare the session: " + e.getMessage());
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
                outcomes.add(new RepairReport.StepOutcome(
                        step.n(), step.kind(), step.description(), StepStatus.DONE, display(step), null));
                i++;
                continue;
            }
            StepGate.Verdict verdict = gate.before(current, view(current, step));
            switch (verdict.kind()) {
                case REPLAN -> {
                    String refusal = differsInWhatRan(current, verdict.replacement(), step.n());
                    if (refusal != null) {
                        gate.refused(view(current, step), refusal);
                    } else {
                        current = verdict.replacement();
                        PlanCodec.write(current, backupDir);
                        journal.write("replanned", Map.of("n", step.n(), "params", current.params()));
                    }
                    continue; // ask about the step again, as the new plan has it
                }
                case SKIP -> {
                    journal.write("step-skipped", Map.of("n", step.n()));
                    outcomes.add(new RepairReport.StepOutcome(
                            step.n(), step.kind(), step.description(), StepStatus.SKIPPED, display(step), null));
                    i++;
                    continue;
                }
                case STOP, ABORT -> {
                    String who = verdict.kind() == StepGate.Verdict.Kind.ABORT ? "aborted" : "declined";
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("n", step.n());
                    fields.put("reason", String.valueOf(verdict.reason()));
                    journal.write(who, fields);
                    outcomes.add(new RepairReport.StepOutcome(
                            step.n(), step.kind(), step.description(), StepStatus.NOT_RUN, display(step), null));
                    return stopped(
                            current,
                            backupDir,
                            journal,
                            notRun(current, outcomes),
                            "the operator "
                                    + (who.equals("aborted") ? "aborted the repair" : "stopped it") + " before step "
                                    + step.n()
                                    + (verdict.reason() == null ? "" : " (" + verdict.reason() + ")"));
                }
                case RUN -> {
                    // below
                }
            }
            if (alreadyRecorded(step)) {
                journal.write("step-done", Map.of("n", step.n(), "alreadyRecorded", true));
                outcomes.add(new RepairReport.StepOutcome(
                        step.n(), step.kind(), step.description(), StepStatus.DONE, display(step), null));
                i++;
                continue;
            }
            journal.write("step-start", Map.of("n", step.n(), "kind", step.kind()));
            try {
                CrashPoint.change("step-start:" + step.n(), session);
                String stop;
                if (step.kind().equals("backup")) {
                    saved.putAll(backups.save(session, current.backup(), historyOf(current), backupDir));
                    CrashPoint.reached("backup-written:" + step.n());
                    journal.write("backup-verified", Map.of("n", step.n(), "rows", saved));
                    StepLedger ledger = ledger(journal, backupDir);
                    ledger.create(); // only now: nothing changes before a verified backup
                    runner.recordIn(ledger);
                    stop = null;
                } else if (step.kind().equals(io.migrescue.playbook.LockWaits.KIND)) {
                    stop = new LockWait(session, journal, control).run(step);
                } else {
                    stop = runner.run(step);
                }
                if (stop != null) {
                    journal.write("step-failed", Map.of("n", step.n(), "error", stop));
                    RepairReport.StepOutcome failed = new RepairReport.StepOutcome(
                            step.n(), step.kind(), step.description(), StepStatus.FAILED, display(step), stop);
                    outcomes.add(failed);
                    gate.after(current, failed);
                    return afterFailure(
                            current,
                            backupDir,
                            journal,
                            stopped(
                                    current,
                                    backupDir,
                                    journal,
                                    notRun(current, outcomes),
                                    "step " + step.n() + " stopped: " + stop));
                }
            } catch (SQLException | RuntimeException e) {
                String error = Redaction.scrub(
                        e.getMessage() == null
                                ? e.toString()
                                : e.getMessage().lines().findFirst().orElse(""));
                journal.write("step-failed", Map.of("n", step.n(), "error", error));
                RepairReport.StepOutcome failed = new RepairReport.StepOutcome(
                        step.n(), step.kind(), step.description(), StepStatus.FAILED, display(step), error);
                outcomes.add(failed);
                gate.after(current, failed);
                return afterFailure(
                        current,
                        backupDir,
                        journal,
                        stopped(
                                current,
                                backupDir,
                                journal,
                                notRun(current, outcomes),
                                "step " + step.n() + " (" + step.description() + ") failed: " + error));
            }
            Long rows = step.rows().isEmpty() ? null : runner.rowsChanged();
            journal.write(
                    "step-done",
                    rows == null
                            ? Map.of("n", step.n())
                            : Map.of("n", step.n(), "rows", rows, "counted", step.rowsToChange()));
            RepairReport.StepOutcome done = new RepairReport.StepOutcome(
                    step.n(), step.kind(), step.description(), StepStatus.DONE, display(step), null, rows);
            outcomes.add(done);
            gate.after(current, done);
            i++;
        }
        gate.verifying(current);
        RepairReport report = verify(current, backupDir, journal, outcomes, saved);
        gate.verified(current, report.status() == RepairStatus.VERIFIED);
        return report;
    }

    static StepGate.Step view(Plan plan, PlanStep step) {
        return new StepGate.Step(
                step.n(),
                plan.steps().size(),
                step.kind(),
                step.description(),
                display(step),
                step.changesDatabase(),
                step.rows().stream()
                        .map(io.migrescue.playbook.RowsTouched::describe)
                        .toList());
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
            if (!a.kind().equals(b.kind()) || !display(a).equals(display(b))) {
                return "with the new values step " + a.n()
                        + ", which has run already, would be different; stop (and roll back), then run repair again with them";
            }
        }
        return null;
    }

    private RepairReport verify(
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
                ledger(journal, backupDir)
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
        if (!rollBackOnFailure) {
            return failed;
        }
        RepairReport rolledBack = rollBackAfter(plan, backupDir, journal, "verification failed");
        return new RepairReport(
                plan,
                false,
                RepairStatus.VERIFICATION_FAILED,
                backupDir,
                journal.file(),
                rolledBack.steps(),
                failed.verification(),
                rolledBack.message());
    }

    /** Statements of the migration that steps of this repair ran and committed. */
    private static java.util.Set<Integer> ranByRepair(Plan plan, List<RepairReport.StepOutcome> outcomes) {
        java.util.Set<Integer> ran = new java.util.HashSet<>();
        for (RepairReport.StepOutcome o : outcomes) {
            PlanStep step = plan.steps().get(o.n() - 1);
            if (o.status() == StepStatus.DONE && step.done() instanceof Check.StatementInEffect s) {
                ran.add(s.n());
            }
        }
        return ran;
    }

    /** A record step whose writes the tool's history holds already is not run again: no history row is written twice. */
    private boolean alreadyRecorded(PlanStep step) {
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

    private StepLedger ledger(Journal journal, Path backupDir) {
        return new StepLedger(
                session, schemas.get(0), Resumer.read(journal.read(), backupDir).repairId());
    }

    /** After a step failed: in scripts, when earlier steps changed the database, everything is undone at once. */
    private RepairReport afterFailure(Plan plan, Path backupDir, Journal journal, RepairReport stopped) {
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
        return new RepairReport(
                plan,
                false,
                rolledBack.status() == RepairStatus.ROLLED_BACK ? RepairStatus.STOPPED : rolledBack.status(),
                backupDir,
                journal.file(),
                rolledBack.steps(),
                List.of(),
                rolledBack.message());
    }

    private RepairReport rollBackAfter(Plan plan, Path backupDir, Journal journal, String why) {
        try {
            RepairReport r = rollBack(plan, backupDir, journal, Resumer.read(journal.read(), backupDir));
            return new RepairReport(
                    plan,
                    false,
                    r.status(),
                    backupDir,
                    journal.file(),
                    r.steps(),
                    List.of(),
                    why + ", so the repair was rolled back: " + r.message());
        } catch (RuntimeException e) {
            String error = Redaction.scrub(String.valueOf(e.getMessage()));
            journal.write("rollback-failed", Map.of("error", error));
            return new RepairReport(
                    plan,
                    false,
                    RepairStatus.STOPPED,
                    backupDir,
                    journal.file(),
                    List.of(),
                    List.of(),
                    why
                            + "; rolling it back failed too (" + error + "): the database is as the journal "
                            + journal.file()
                            + " says; `migrescue resume --rollback` finishes the roll back");
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
            throw new io.migrescue.failure.MigrescueException(
                    io.migrescue.failure.ExitCode.REPAIR_STOPPED,
                    "the roll back stopped: " + error + "; what was undone so far is in the journal " + journal.file()
                            + "; run resume --rollback again to finish it",
                    e);
        }
        List<RepairReport.StepOutcome> outcomes = new ArrayList<>();
        for (PlanStep s : plan.steps()) {
            boolean ran = s.n() <= state.doneUpTo() && !state.skipped().contains(s.n())
                    || state.interrupted() != null && s.n() == state.interrupted();
            outcomes.add(new RepairReport.StepOutcome(
                    s.n(),
                    s.kind(),
                    s.description(),
                    ran ? StepStatus.ROLLED_BACK : StepStatus.NOT_RUN,
                    display(s),
                    null));
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

    private static List<RepairReport.StepOutcome> notRun(Plan plan, List<RepairReport.StepOutcome> outcomes) {
        List<RepairReport.StepOutcome> all = new ArrayList<>(outcomes);
        for (PlanStep s : plan.steps()) {
            if (s.n() > outcomes.size()) {
                all.add(new RepairReport.StepOutcome(
                        s.n(), s.kind(), s.description(), StepStatus.NOT_RUN, display(s), null));
            }
        }
        return all;
    }

    private RepairReport stopped(
            Plan plan, Path backupDir, Journal journal, List<RepairReport.StepOutcome> outcomes, String message) {
        journal.write("stopped", Map.of("message", message));
        return new RepairReport(
                plan,
                false,
                RepairStatus.STOPPED,
                backupDir,
                journal.file(),
                outcomes,
                List.of(),
                message + "; the database is as the journal " + journal.file()
                        + " says; `migrescue resume` continues or rolls back");
    }

    static List<String> display(PlanStep step) {
        List<String> out = new ArrayList<>();
        step.guards().forEach(g -> out.add("-- guard: must count 0: " + g.display()));
        step.sql().stream().map(BoundStatement::display).forEach(out::add);
        return out;
    }

    static List<Check> checks(Plan plan) {
        return plan.checks();
    }
}
