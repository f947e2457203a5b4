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
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a repair plans from, read once (diagnosis, the chosen finding and playbook, the catalog, how to create missing
 * tables), so the plan can be made again with other parameter values without reading anything again.
 *
 * @param session read-only here: to count the rows each data step touches
 */
record RepairPlanning(
        DiagnosisReport diagnosis,
        Choice choice,
        Catalog catalog,
        RecordPlanner records,
        Map<String, List<String>> creates,
        List<String> pendingBefore,
        DatabaseSession session)
        implements RepairUseCase.Replanner {
    /** Reads what the plan needs. */
    static RepairPlanning read(DatabaseSession session, RepairUseCase.Request request, RecordPlanner records) {
        DiagnosisReport diagnosis = DiagnoseUseCase.run(session, request.diagnosis());
        Playbooks playbooks = Playbooks.load(request.userPlaybooks());
        Choice choice = choose(diagnosis, playbooks, request.playbookId());
        try {
            Catalog catalog = CatalogReader.of(session.engine()).read(session.connection(), diagnosis.schemas());
            return new RepairPlanning(
                    diagnosis,
                    choice,
                    catalog,
                    records,
                    creates(session, request, diagnosis.schemas().get(0), failedFile(choice.finding())),
                    pendingBefore(
                            diagnosis, choice.finding(), request.diagnosis().migrationsDir()),
                    session);
        } catch (SQLException e) {
            throw DatabaseFailures.reading("repair", e);
        }
    }

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
                                    creates,
                                    pendingBefore)));
        } catch (PlanningException.DecisionNeeded e) {
            throw e;
        } catch (PlanningException e) {
            throw MigrescueException.usage("cannot plan " + choice.playbook().id() + ": " + e.getMessage());
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

    /**
     * The migration files before the failed one, in the tool's order, that no history records either: one run rolled
     * them back with it (a single transaction: Drizzle, TypeORM, node-pg-migrate, Knex on PostgreSQL).
     */
    private static List<String> pendingBefore(
            DiagnosisReport diagnosis, Finding finding, java.nio.file.Path migrationsDir) {
        var failed = finding.migration();
        if (failed == null || migrationsDir == null) {
            return List.of();
        }
        List<io.migrescue.sql.MigrationFile> files =
                MigrationDirectory.list(migrationsDir, new java.util.ArrayList<>());
        int at = -1;
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).id().equals(failed.id())) {
                at = i;
                break;
            }
        }
        if (at <= 0) {
            return List.of();
        }
        java.util.Set<String> before = new java.util.HashSet<>();
        files.subList(0, at).forEach(f -> before.add(f.id()));
        return io.migrescue.diagnosis.FailedMigrationFinder.pending(diagnosis.history(), files).stream()
                .map(io.migrescue.sql.MigrationFile::id)
                .filter(before::contains)
                .toList();
    }

    /** The failed migration's file when the history or the error text names it (a guess would cut off applied ones). */
    private static String failedFile(Finding finding) {
        var m = finding.migration();
        return m == null || !(m.foundBy().equals("history") || m.foundBy().equals("error-text")) ? null : m.file();
    }

    /** How to create a missing table: from the migration files, else as the reference database has it. */
    private static Map<String, List<String>> creates(
            DatabaseSession session, RepairUseCase.Request request, String schema, String failedFile)
            throws SQLException {
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
