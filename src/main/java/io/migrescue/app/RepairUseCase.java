package io.migrescue.app;

import io.migrescue.catalog.CatalogReader;
import io.migrescue.db.DatabaseSession;
import io.migrescue.diagnosis.Finding;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.failure.ExitCode;
import io.migrescue.failure.MigrescueException;
import io.migrescue.model.Catalog;
import io.migrescue.playbook.ParamSpec;
import io.migrescue.playbook.Plan;
import io.migrescue.playbook.Planner;
import io.migrescue.playbook.PlanningException;
import io.migrescue.playbook.Playbook;
import io.migrescue.playbook.Playbooks;
import io.migrescue.playbook.RecordPlanner;
import io.migrescue.repair.Backups;
import io.migrescue.repair.RepairExecutor;
import io.migrescue.repair.RepairReport;
import io.migrescue.repair.RepairStatus;
import io.migrescue.repair.StepControl;
import io.migrescue.repair.StepGate;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
            DatabaseSession reference) {
        public Request(
                DiagnoseUseCase.Request diagnosis,
                String playbookId,
                Map<String, String> params,
                boolean dryRun,
                boolean confirmed,
                boolean interactive,
                Path backupDir,
                Path userPlaybooks) {
            this(diagnosis, playbookId, params, dryRun, confirmed, interactive, backupDir, userPlaybooks, null);
        }
    }

    /** With the standard backup store and the migration tools' own history writers. */
    public static RepairReport run(DatabaseSession session, Request request, io.migrescue.backup.Progress progress) {
        return run(session, request, progress, StepControl.none());
    }

    /** @param control told of lock waits; Ctrl-C reaches the steps through it (and stops the repair before the next one) */
    public static RepairReport run(
            DatabaseSession session, Request request, io.migrescue.backup.Progress progress, StepControl control) {
        RecordPlanner records = new HistoryRecords(
                session.dialect(),
                request.diagnosis().migrationsDir(),
                session.info().user(),
                java.time.Instant.now());
        return run(session, request, new BackupStore(progress), records, control);
    }

    public static RepairReport run(DatabaseSession session, Request request, Backups backups, RecordPlanner records) {
        return run(session, request, backups, records, StepControl.none());
    }

    private static RepairReport run(
            DatabaseSession session, Request request, Backups backups, RecordPlanner records, StepControl control) {
        Planning planning = planning(session, request, records);
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
        RecordPlanner records = new HistoryRecords(
                session.dialect(),
                request.diagnosis().migrationsDir(),
                session.info().user(),
                java.time.Instant.now());
        Backups backups = new BackupStore(progress);
        Planning planning = planning(session, request, records);
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

    /** Diagnosis, choice and what the planner needs, read once; plans from it with any parameter values. */
    private static Planning planning(DatabaseSession session, Request request, RecordPlanner records) {
        DiagnosisReport diagnosis = DiagnoseUseCase.run(session, request.diagnosis());
        Playbooks playbooks = Playbooks.load(request.userPlaybooks());
        Choice choice = choose(diagnosis, playbooks, request.playbookId());
        try {
            Catalog catalog = CatalogReader.of(session.engine()).read(session.connection(), diagnosis.schemas());
            return new Planning(
                    diagnosis,
                    choice,
                    catalog,
                    records,
                    creates(session, request, diagnosis.schemas().get(0), failedFile(choice.finding())),
                    session);
        } catch (SQLException e) {
            throw DatabaseFailures.reading("repair", e);
        }
    }

    /** @param session read-only here: to count the rows each data step touches */
    private record Planning(
            DiagnosisReport diagnosis,
            Choice choice,
            Catalog catalog,
            RecordPlanner records,
            Map<String, List<String>> creates,
            DatabaseSession session)
            implements Replanner {
        Plan plan(Map<String, String> params, boolean interactive) {
            try {
                return planOrAsk(params, interactive);
            } catch (PlanningException.DecisionNeeded e) {
                throw new MigrescueException(ExitCode.CONFIRMATION_NEEDED, e.getMessage());
            }
        }

        /** For each choice of {@code decision}: the rows its plan touches, or why it cannot be planned. */
        Map<String, List<String>> rowsByChoice(Map<String, String> params, ParamSpec decision) {
            Map<String, List<String>> rows = new java.util.LinkedHashMap<>();
            for (String choice : decision.choices()) {
                Map<String, String> with = new java.util.LinkedHashMap<>(params);
                with.put(decision.name(), choice);
                try {
                    rows.put(
                            choice,
                            planOrAsk(with, true).steps().stream()
                                    .flatMap(s -> s.rows().stream())
                                    .map(io.migrescue.playbook.RowsTouched::describe)
                                    .toList());
                } catch (MigrescueException | PlanningException e) {
                    rows.put(choice, List.of(e.getMessage()));
                }
            }
            return rows;
        }

        /** A plan, or the decision that is missing for one. */
        Plan attempt(Map<String, String> params) {
            return planOrAsk(params, false);
        }

        private Plan planOrAsk(Map<String, String> params, boolean interactive) {
            try {
                return RowCounts.count(
                        session,
                        Planner.plan(
                                choice.playbook(),
                                choice.finding(),
                                params,
                                new Planner.Context(
                                        catalog,
                                        diagnosis.schemas().get(0),
                                        diagnosis.history(),
                                        choice.finding().migration(),
                                        records,
                                        interactive,
                                        creates)));
            } catch (PlanningException.DecisionNeeded e) {
                throw e;
            } catch (PlanningException e) {
                throw MigrescueException.usage(
                        "cannot plan " + choice.playbook().id() + ": " + e.getMessage());
            }
        }

        @Override
        public List<ParamSpec> askable() {
            return choice.playbook().params().stream()
                    .filter(p -> p.ask() != null || p.decision())
                    .toList();
        }

        @Override
        public Plan replan(Map<String, String> params) {
            return plan(params, false);
        }
    }

    /** The failed migration's file when the history or the error text names it (a guess would cut off applied ones). */
    private static String failedFile(Finding finding) {
        var m = finding.migration();
        return m == null || !(m.foundBy().equals("history") || m.foundBy().equals("error-text")) ? null : m.file();
    }

    /** How to create a missing table: from the migration files, else as the reference database has it. */
    private static Map<String, List<String>> creates(
            DatabaseSession session, Request request, String schema, String failedFile) throws SQLException {
        Map<String, List<String>> creates = new java.util.LinkedHashMap<>();
        DatabaseSession reference = request.reference();
        if (reference != null) {
            if (reference.engine().isMySqlFamily() != session.engine().isMySqlFamily()) {
                throw MigrescueException.usage(
                        "--reference is " + reference.engine().displayName() + ", the database "
                                + session.engine().displayName()
                                + ": a table can be copied only between the same kind of engine");
            }
            Catalog theirs = CatalogReader.of(reference.engine())
                    .read(reference.connection(), Scope.resolve(reference.info(), List.of()));
            theirs.tables()
                    .forEach(t -> creates.put(
                            t.name(), io.migrescue.diff.script.TableDdl.create(session.engine(), schema, t)));
        }
        creates.putAll(MigrationDirectory.creates(request.diagnosis().migrationsDir(), session.engine(), failedFile));
        return creates;
    }

    record Choice(Finding finding, Playbook playbook) {}

    static Choice choose(DiagnosisReport diagnosis, Playbooks playbooks, String id) {
        List<Finding> findings = diagnosis.current();
        if (findings.isEmpty()) {
            // a second run after a verified repair: nothing is backed up, nothing runs twice
            throw new MigrescueException(
                    ExitCode.OK,
                    "nothing to repair: "
                            + (diagnosis.stale().isEmpty()
                                    ? "diagnose finds nothing wrong"
                                    : "the error text is older than the database, its cause is gone ("
                                            + diagnosis.stale().get(0).summary()
                                            + ": "
                                            + diagnosis
                                                    .stale()
                                                    .get(0)
                                                    .evidence()
                                                    .get(diagnosis
                                                                    .stale()
                                                                    .get(0)
                                                                    .evidence()
                                                                    .size()
                                                            - 1)
                                                    .replace(": the error text is older than the database state", "")
                                            + "); nothing was changed"));
        }
        if (id == null) {
            Finding top = findings.stream()
                    .filter(f -> !f.playbooks().isEmpty())
                    .findFirst()
                    .orElseThrow(() -> new MigrescueException(
                            ExitCode.OK, "no playbook fits the findings; see migrescue diagnose"));
            String best = top.playbooks().get(0);
            return new Choice(
                    top,
                    playbooks
                            .get(best)
                            .orElseThrow(() -> MigrescueException.usage("playbook " + best + " is not available")));
        }
        Playbook playbook = playbooks
                .get(id)
                .orElseThrow(() -> MigrescueException.usage("no playbook '" + id + "'; see migrescue playbooks"));
        Optional<Finding> finding = findings.stream()
                .filter(f -> f.playbooks().contains(id))
                .findFirst()
                .or(() -> findings.stream()
                        .filter(f -> playbook.fixes().contains(f.kind()))
                        // an unrecorded migration in another shape is for a person to decide: nothing records it
                        .filter(f -> f.kind() != FindingKind.UNRECORDED_MIGRATIONS
                                || !f.playbooks().isEmpty())
                        .findFirst());
        return new Choice(
                finding.orElseThrow(() -> MigrescueException.usage("playbook " + id + " fits none of the findings ("
                        + (findings.isEmpty()
                                ? "there are none"
                                : String.join(
                                        ", ",
                                        findings.stream()
                                                .map(f -> f.kind().name())
                                                .toList()))
                        + ")")),
                playbook);
    }
}
