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
    /** For tests of crash safety: halt the JVM (like SIGKILL) right after this step is journalled as done. */
    static final String CRASH_AFTER_STEP = "migrescue.test.crashAfterStep";

    private final DatabaseSession session;
    private final Backups backups;
    private final List<String> schemas;
    private StepControl control = StepControl.none();

    public RepairExecutor(DatabaseSession session, Backups backups, List<String> schemas) {
        this.session = session;
        this.backups = backups;
        this.schemas = schemas;
    }

    /** Lock waits are told to, and Ctrl-C reaches the steps through, {@code control}. */
    public RepairExecutor controlledBy(StepControl control) {
        this.control = control;
        return this;
    }

    /** The plan as a dry run reports it: nothing is executed. */
    public static RepairReport preview(Plan plan, Path backupDir) {
        List<RepairReport.StepOutcome> steps = plan.steps().stream()
                .map(s -> new RepairReport.StepOutcome(s.n(), s.kind(), s.description(), "planned", display(s), null)).toList();
        List<CheckResult> checks = plan.checks().stream().map(c -> new CheckResult(c.describe(), false, "not run (dry run)")).toList();
        return new RepairReport(plan, true, "planned", backupDir, backupDir.resolve("journal.jsonl"), steps, checks, null);
    }

    public RepairReport run(Plan plan, Path backupDir) {
        return run(plan, backupDir, StepGate.RUN_ALL);
    }

    /** Carries out the plan, asking {@code gate} before each step. */
    public RepairReport run(Plan plan, Path backupDir, StepGate gate) {
        Journal journal = Journal.create(backupDir.resolve("journal.jsonl"));
        PlanCodec.write(plan, backupDir);
        journal.write("plan", PlanJson.of(plan, session.info().url(), schemas));
        try (RepairLock ignored = RepairLock.acquire(session)) {
            StepRunner runner = new StepRunner(session, journal, control);
            runner.applySessionLimits();
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
    RepairReport runSteps(Plan plan, Path backupDir, Journal journal, StepRunner runner, int doneUpTo, Map<String, Long> savedRows,
                          StepGate gate) {
        List<RepairReport.StepOutcome> outcomes = new ArrayList<>();
        Map<String, Long> saved = new LinkedHashMap<>(savedRows);
        Plan current = plan;
        int i = 0;
        while (i < current.steps().size()) {
            PlanStep step = current.steps().get(i);
            if (step.n() <= doneUpTo) {
                outcomes.add(new RepairReport.StepOutcome(step.n(), step.kind(), step.description(), "done", display(step), null));
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
                    outcomes.add(new RepairReport.StepOutcome(step.n(), step.kind(), step.description(), "skipped", display(step), null));
                    i++;
                    continue;
                }
                case STOP, ABORT -> {
                    String who = verdict.kind() == StepGate.Verdict.Kind.ABORT ? "aborted" : "declined";
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("n", step.n());
                    fields.put("reason", String.valueOf(verdict.reason()));
                    journal.write(who, fields);
                    outcomes.add(new RepairReport.StepOutcome(step.n(), step.kind(), step.description(), "not-run", display(step), null));
                    return stopped(current, backupDir, journal, notRun(current, outcomes), "the operator "
                            + (who.equals("aborted") ? "aborted the repair" : "stopped it") + " before step " + step.n()
                            + (verdict.reason() == null ? "" : " (" + verdict.reason() + ")"));
                }
                case RUN -> {
                    // below
                }
            }
            journal.write("step-start", Map.of("n", step.n(), "kind", step.kind()));
            try {
                String stop;
                if (step.kind().equals("backup")) {
                    saved.putAll(backups.save(session, current.backup(), historyOf(current), backupDir));
                    journal.write("backup-verified", Map.of("n", step.n(), "rows", saved));
                    stop = null;
                } else {
                    stop = runner.run(step);
                }
                if (stop != null) {
                    journal.write("step-failed", Map.of("n", step.n(), "error", stop));
                    RepairReport.StepOutcome failed = new RepairReport.StepOutcome(step.n(), step.kind(), step.description(), "failed", display(step), stop);
                    outcomes.add(failed);
                    gate.after(current, failed);
                    return stopped(current, backupDir, journal, notRun(current, outcomes), "step " + step.n() + " stopped: " + stop);
                }
            } catch (SQLException | RuntimeException e) {
                String error = Redaction.scrub(e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse(""));
                journal.write("step-failed", Map.of("n", step.n(), "error", error));
                RepairReport.StepOutcome failed = new RepairReport.StepOutcome(step.n(), step.kind(), step.description(), "failed", display(step), error);
                outcomes.add(failed);
                gate.after(current, failed);
                return stopped(current, backupDir, journal, notRun(current, outcomes), "step " + step.n() + " (" + step.description() + ") failed: " + error);
            }
            journal.write("step-done", Map.of("n", step.n()));
            RepairReport.StepOutcome done = new RepairReport.StepOutcome(step.n(), step.kind(), step.description(), "done", display(step), null);
            outcomes.add(done);
            crashForTestIfAsked(step.n());
            gate.after(current, done);
            i++;
        }
        gate.verifying(current);
        RepairReport report = verify(current, backupDir, journal, outcomes, saved);
        gate.verified(current, report.status().equals("verified"));
        return report;
    }

    static StepGate.Step view(Plan plan, PlanStep step) {
        return new StepGate.Step(step.n(), plan.steps().size(), step.kind(), step.description(), display(step), step.changesDatabase());
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
                return "with the new values step " + a.n() + ", which has run already, would be different; stop (and roll back), then run repair again with them";
            }
        }
        return null;
    }

    private RepairReport verify(Plan plan, Path backupDir, Journal journal, List<RepairReport.StepOutcome> outcomes, Map<String, Long> saved) {
        try {
            List<CheckResult> results = new Verifier(session, schemas).verify(plan.checks(), plan.finding().migration(), saved);
            boolean ok = results.stream().allMatch(CheckResult::holds);
            journal.write(ok ? "verified" : "verification-failed", Map.of("checks", results.stream()
                    .map(r -> Map.of("check", r.check(), "holds", r.holds(), "detail", r.detail())).toList()));
            return new RepairReport(plan, false, ok ? "verified" : "verification-failed", backupDir, journal.file(), outcomes, results,
                    ok ? null : "verification failed; the backup is in " + backupDir);
        } catch (SQLException e) {
            journal.write("verification-failed", Map.of("error", String.valueOf(e.getMessage())));
            return new RepairReport(plan, false, "verification-failed", backupDir, journal.file(), outcomes, List.of(),
                    "cannot verify: " + e.getMessage() + "; the backup is in " + backupDir);
        }
    }

    private List<io.migrescue.model.MigrationHistory> historyOf(Plan plan) throws SQLException {
        return io.migrescue.history.HistoryReader.readAll(session, schemas, io.migrescue.history.HistoryAdapters.all());
    }

    private static List<RepairReport.StepOutcome> notRun(Plan plan, List<RepairReport.StepOutcome> outcomes) {
        List<RepairReport.StepOutcome> all = new ArrayList<>(outcomes);
        for (PlanStep s : plan.steps()) {
            if (s.n() > outcomes.size()) {
                all.add(new RepairReport.StepOutcome(s.n(), s.kind(), s.description(), "not-run", display(s), null));
            }
        }
        return all;
    }

    private RepairReport stopped(Plan plan, Path backupDir, Journal journal, List<RepairReport.StepOutcome> outcomes, String message) {
        journal.write("stopped", Map.of("message", message));
        return new RepairReport(plan, false, "stopped", backupDir, journal.file(), outcomes, List.of(), message
                + "; the database is as the journal " + journal.file() + " says; `migrescue resume` continues or rolls back");
    }

    static List<String> display(PlanStep step) {
        List<String> out = new ArrayList<>();
        step.guards().forEach(g -> out.add("-- guard: must count 0: " + g.display()));
        step.sql().stream().map(BoundStatement::display).forEach(out::add);
        return out;
    }

    private static void crashForTestIfAsked(int step) {
        String at = System.getProperty(CRASH_AFTER_STEP);
        if (at != null && at.equals(String.valueOf(step))) {
            Runtime.getRuntime().halt(137);
        }
    }

    static List<Check> checks(Plan plan) {
        return plan.checks();
    }
}
