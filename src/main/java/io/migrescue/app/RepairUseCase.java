package io.migrescue.app;

import io.migrescue.catalog.CatalogReader;
import io.migrescue.db.DatabaseSession;
import io.migrescue.diagnosis.Finding;
import io.migrescue.failure.ExitCode;
import io.migrescue.failure.MigrescueException;
import io.migrescue.model.Catalog;
import io.migrescue.playbook.Plan;
import io.migrescue.playbook.Planner;
import io.migrescue.playbook.Playbook;
import io.migrescue.playbook.Playbooks;
import io.migrescue.playbook.PlanningException;
import io.migrescue.playbook.RecordPlanner;
import io.migrescue.repair.Backups;
import io.migrescue.repair.RepairExecutor;
import io.migrescue.repair.RepairReport;

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
    private RepairUseCase() {
    }

    /**
     * @param playbookId  the playbook to run, or null for the top recommendation
     * @param confirmed   {@code --yes}, or a person said yes
     * @param interactive a person can be asked for decisions
     */
    public record Request(DiagnoseUseCase.Request diagnosis, String playbookId, Map<String, String> params, boolean dryRun,
                          boolean confirmed, boolean interactive, Path backupDir, Path userPlaybooks, DatabaseSession reference) {
        public Request(DiagnoseUseCase.Request diagnosis, String playbookId, Map<String, String> params, boolean dryRun,
                       boolean confirmed, boolean interactive, Path backupDir, Path userPlaybooks) {
            this(diagnosis, playbookId, params, dryRun, confirmed, interactive, backupDir, userPlaybooks, null);
        }
    }

    /** With the standard backup store and the migration tools' own history writers. */
    public static RepairReport run(DatabaseSession session, Request request, io.migrescue.backup.Progress progress) {
        RecordPlanner records = new HistoryRecords(session.dialect(), request.diagnosis().migrationsDir(), session.info().user(),
                java.time.Instant.now());
        return run(session, request, new BackupStore(progress), records);
    }

    public static RepairReport run(DatabaseSession session, Request request, Backups backups, RecordPlanner records) {
        DiagnosisReport diagnosis = DiagnoseUseCase.run(session, request.diagnosis());
        Playbooks playbooks = Playbooks.load(request.userPlaybooks());
        Choice choice = choose(diagnosis, playbooks, request.playbookId());
        Plan plan;
        try {
            Catalog catalog = CatalogReader.of(session.engine()).read(session.connection(), diagnosis.schemas());
            plan = Planner.plan(choice.playbook(), choice.finding(), request.params(),
                    new Planner.Context(catalog, diagnosis.schemas().get(0), diagnosis.history(), choice.finding().migration(),
                            records, request.interactive(), creates(session, request, diagnosis.schemas().get(0))));
        } catch (PlanningException.DecisionNeeded e) {
            throw new MigrescueException(ExitCode.CONFIRMATION_NEEDED, e.getMessage());
        } catch (PlanningException e) {
            throw MigrescueException.usage("cannot plan " + choice.playbook().id() + ": " + e.getMessage());
        } catch (SQLException e) {
            throw DatabaseFailures.reading("repair", e);
        }
        if (request.dryRun()) {
            return RepairExecutor.preview(plan, request.backupDir());
        }
        if (!request.confirmed()) {
            throw new MigrescueException(ExitCode.CONFIRMATION_NEEDED, "repair " + plan.playbook() + " would change the database ("
                    + (plan.steps().size() - 1) + " step(s) after the backup); nothing was changed. Add --yes to run it, or --dry-run to see every statement");
        }
        return new RepairExecutor(session, backups, diagnosis.schemas()).run(plan, request.backupDir());
    }

    /** How to create a missing table: from the migration files, else as the reference database has it. */
    private static Map<String, List<String>> creates(DatabaseSession session, Request request, String schema) throws SQLException {
        Map<String, List<String>> creates = new java.util.LinkedHashMap<>();
        DatabaseSession reference = request.reference();
        if (reference != null) {
            if (reference.engine().isMySqlFamily() != session.engine().isMySqlFamily()) {
                throw MigrescueException.usage("--reference is " + reference.engine().displayName() + ", the database "
                        + session.engine().displayName() + ": a table can be copied only between the same kind of engine");
            }
            Catalog theirs = CatalogReader.of(reference.engine()).read(reference.connection(), Scope.resolve(reference.info(), List.of()));
            theirs.tables().forEach(t -> creates.put(t.name(), io.migrescue.diff.script.TableDdl.create(session.engine(), schema, t)));
        }
        creates.putAll(MigrationDirectory.creates(request.diagnosis().migrationsDir(), session.engine()));
        return creates;
    }

    record Choice(Finding finding, Playbook playbook) {
    }

    static Choice choose(DiagnosisReport diagnosis, Playbooks playbooks, String id) {
        List<Finding> findings = diagnosis.findings().stream().filter(f -> !f.stale()).toList();
        if (id == null) {
            Finding top = findings.stream().filter(f -> !f.playbooks().isEmpty()).findFirst()
                    .orElseThrow(() -> new MigrescueException(ExitCode.OK, findings.isEmpty()
                            ? "nothing to repair: diagnose finds nothing wrong"
                            : "no playbook fits the findings; see migrescue diagnose"));
            String best = top.playbooks().get(0);
            return new Choice(top, playbooks.get(best).orElseThrow(() -> MigrescueException.usage("playbook " + best + " is not available")));
        }
        Playbook playbook = playbooks.get(id).orElseThrow(() -> MigrescueException.usage("no playbook '" + id + "'; see migrescue playbooks"));
        Optional<Finding> finding = findings.stream().filter(f -> f.playbooks().contains(id)).findFirst()
                .or(() -> findings.stream().filter(f -> playbook.fixes().contains(f.kind())).findFirst());
        return new Choice(finding.orElseThrow(() -> MigrescueException.usage("playbook " + id + " fits none of the findings ("
                + (findings.isEmpty() ? "there are none" : String.join(", ", findings.stream().map(f -> f.kind().name()).toList()))
                + ")")), playbook);
    }
}
