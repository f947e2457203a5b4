package io.migrescue.app;

import io.migrescue.db.DatabaseSession;
import io.migrescue.failure.ExitCode;
import io.migrescue.failure.MigrescueException;
import io.migrescue.playbook.ParamSpec;
import io.migrescue.playbook.Plan;
import io.migrescue.playbook.PlanningException;
import io.migrescue.playbook.RecordPlanner;
import io.migrescue.repair.Backups;
import io.migrescue.repair.RepairExecutor;
import io.migrescue.repair.RepairReport;
import io.migrescue.repair.RepairStatus;
import io.migrescue.repair.StepControl;
import io.migrescue.repair.StepGate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code repair [ID]}: diagnose, choose the finding and the playbook (the top recommendation when no ID is given),
 * plan, then either show the plan (dry run: read-only) or carry it out under the executor's safety rules.
 */
public final class RepairUseCase {
    private RepairUseCase() {}

    /**
     * @param playbookId  the playbook to run, or null for the top recommendation
     * @param confirmed   {@code --yes}, or a person said yes
     * @param interactive a person can be asked for decisions
     */
    public record Request(
            DiagnoseUseCase.Request diagnosis,
            String playbookId,
            Map<String, String> params,
            boolean dryRun,
            boolean confirmed,
            boolean interactive,
            Path backupDir,
            Path userPlaybooks,
            DatabaseSession reference) {}

    /** With the standard backup store and the migration tools' own history writers. */
    public static RepairReport run(DatabaseSession session, Request request, io.migrescue.backup.Progress progress) {
        return run(session, request, progress, StepControl.none());
    }

    /** @param control told of lock waits; Ctrl-C reaches the steps through it (and stops the repair before the next one) */
    public static RepairReport run(
            DatabaseSession session, Request request, io.migrescue.backup.Progress progress, StepControl control) {
        RecordPlanner records = records(session, request);
        return run(session, request, new BackupStore(progress), records, control);
    }

    public static RepairReport run(DatabaseSession session, Request request, Backups backups, RecordPlanner records) {
        return run(session, request, backups, records, StepControl.none());
    }

    private static RepairReport run(
            DatabaseSession session, Request request, Backups backups, RecordPlanner records, StepControl control) {
        RepairPlanning planning = RepairPlanning.read(session, request, records);
        Plan plan = planning.plan(request.params(), request.interactive());
        if (request.dryRun()) {
            return RepairExecutor.preview(plan, request.backupDir());
        }
        if (!request.confirmed()) {
            throw new MigrescueException(
                    ExitCode.CONFIRMATION_NEEDED,
                    "repair " + plan.playbook() + " would change the database ("
                            + (plan.steps().size() - 1)
                            + " step(s) after the backup); nothing was changed. Add --yes to run it, or --dry-run to see every statement");
        }
        // a script has nobody to ask: a failed verification, or a step failing after changes, is rolled back at once
        return new RepairExecutor(session, backups, planning.diagnosis().schemas())
                .rollingBackOnFailure()
                .controlledBy(control)
                .run(plan, request.backupDir(), control.runAll());
    }

    /**
     * What the interactive repair asks of the person at the terminal: the decisions and parameters the playbook needs,
     * and, step by step, whether to go on. The shell implements it; the use case does the rest.
     */
    public interface Dialog {
        /**
         * A value only a person can give: a decision about rows (with its choices), or a parameter the playbook asks
         * about (such as a new name).
         *
         * @param proposed the value that is used when the person just accepts (the default, or what the finding gives);
         *                 null when there is none
         * @return the value to use
         */
        String ask(String playbook, ParamSpec param, String proposed);

        /**
         * A decision about rows, with what each choice would do to them: choice → the rows its plan touches, one line
         * per table ({@code deletes 3 rows of orders (id 12, 13, 15)}), or why it cannot be planned here.
         */
        default String ask(String playbook, ParamSpec param, String proposed, Map<String, List<String>> rowsByChoice) {
            return ask(playbook, param, proposed);
        }

        /** The plan is made; its steps come next (not called for a dry run, whose report shows the plan). */
        default void planned(Plan plan) {}

        /** Walks the steps; {@code replanner} makes the plan again with other parameter values ({@code [e]dit}). */
        StepGate gate(Replanner replanner);

        /**
         * The repair stopped (the operator aborted it, or a step failed) or its verification failed: true to roll back what
         * it changed now.
         */
        default boolean rollBack(RepairReport stopped) {
            return false;
        }
    }

    /** The plan again with other parameter values, from what was read before (nothing is read again). */
    public interface Replanner {
        /** The parameters a person may set: those the playbook asks about and its decisions. */
        List<ParamSpec> askable();

        /** @throws MigrescueException (usage) when the values do not make a plan, with the reason */
        Plan replan(Map<String, String> params);
    }

    /**
     * {@code repair} at a terminal: the decisions and parameters are asked (choices and defaults shown), the plan is
     * shown, then every step is asked about before it runs ({@code dialog.gate}). A dry run stops after planning.
     */
    public static RepairReport runInteractive(
            DatabaseSession session, Request request, io.migrescue.backup.Progress progress, Dialog dialog) {
        return runInteractive(session, request, progress, dialog, StepControl.none());
    }

    /** @param control told of lock waits; Ctrl-C reaches a step waiting for a lock through it */
    public static RepairReport runInteractive(
            DatabaseSession session,
            Request request,
            io.migrescue.backup.Progress progress,
            Dialog dialog,
            StepControl control) {
        RecordPlanner records = records(session, request);
        Backups backups = new BackupStore(progress);
        RepairPlanning planning = RepairPlanning.read(session, request, records);
        Map<String, String> params = new java.util.LinkedHashMap<>(request.params());
        Plan plan;
        while (true) {
            try {
                plan = planning.attempt(params);
                break;
            } catch (PlanningException.DecisionNeeded needed) {
                ParamSpec p = needed.param();
                params.put(
                        p.name(),
                        dialog.ask(
                                planning.choice().playbook().id(),
                                p,
                                needed.proposed(),
                                planning.rowsByChoice(params, p)));
            }
        }
        // the parameters the playbook asks about, with what the plan would use shown as the default
        boolean changed = false;
        for (ParamSpec p : planning.askable()) {
            if (!p.decision() && !request.params().containsKey(p.name())) {
                String proposed = plan.params().get(p.name());
                String answer = dialog.ask(planning.choice().playbook().id(), p, proposed);
                if (answer != null && !answer.equals(proposed)) {
                    params.put(p.name(), answer);
                    changed = true;
                }
            }
        }
        if (changed) {
            plan = planning.plan(params, false);
        }
        if (request.dryRun()) {
            return RepairExecutor.preview(plan, request.backupDir());
        }
        dialog.planned(plan);
        RepairReport report = new RepairExecutor(
                        session, backups, planning.diagnosis().schemas())
                .controlledBy(control)
                .run(plan, request.backupDir(), dialog.gate(planning));
        if ((report.status() == RepairStatus.STOPPED || report.status() == RepairStatus.VERIFICATION_FAILED)
                && dialog.rollBack(report)) {
            return new io.migrescue.repair.Resumer(session, backups).resume(request.backupDir(), true);
        }
        return report;
    }

    /** The migration tool's own history rows, written as the user the session runs as, now. */
    private static RecordPlanner records(DatabaseSession session, Request request) {
        return new HistoryRecords(
                session.dialect(),
                request.diagnosis().migrationsDir(),
                session.info().user(),
                java.time.Instant.now(),
                request.diagnosis().errorText());
    }
}
