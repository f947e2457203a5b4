package io.migrescue.playbook;

import io.migrescue.diagnosis.CatalogLookup;
import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.diagnosis.Finding;
import io.migrescue.model.Catalog;
import io.migrescue.model.Engine;
import io.migrescue.model.MigrationHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Playbook + finding + what was read from the database → a plan with every statement it will run. Pure: it decides,
 * the executor runs. A plan that does not fit (a name nobody holds any more, statements not known) is refused with
 * the reason, before anything runs.
 */
public final class Planner {
    /**
     * @param migration   the failed migration with its statement map (may be null or without statements)
     * @param interactive whether a person can be asked for decisions (otherwise they must be given)
     * @param creates     table name → the statements that create it: the last CREATE TABLE for it in the migration
     *                    files, or the table as a reference database has it (with its indexes and foreign keys)
     * @param pendingBefore the migrations before the failed one, in the tool's order, that are not applied either (one
     *                    run rolled them back with it): the plan then fixes the data only and leaves all of them to the
     *                    tool's next run, because recording the failed one alone would make the tool skip them
     *                    (Drizzle, golang-migrate, an Alembic head) or refuse to run (Flyway, goose, node-pg-migrate)
     */
    public record Context(
            Catalog catalog,
            String defaultSchema,
            List<MigrationHistory> history,
            FailedMigration migration,
            RecordPlanner records,
            boolean interactive,
            Map<String, List<String>> creates,
            List<String> pendingBefore) {
        public Context {
            pendingBefore = List.copyOf(pendingBefore);
        }

        public Context(
                Catalog catalog,
                String defaultSchema,
                List<MigrationHistory> history,
                FailedMigration migration,
                RecordPlanner records,
                boolean interactive) {
            this(catalog, defaultSchema, history, migration, records, interactive, Map.of(), List.of());
        }
    }

    private final Playbook playbook;
    private final Finding finding;
    private final Context ctx;
    private final CatalogLookup lookup;
    private final DdlWriter ddl;
    private final TemplateValues values;
    private final PlanDraft draft = new PlanDraft();
    private final DataFixes data;
    private final NullFills nulls;
    private final NamedObjectSteps objects;
    private final MigrationSettling settling;
    private final HistoryRecords records;

    private Planner(Playbook playbook, Finding finding, Map<String, String> given, Context ctx) {
        this.playbook = playbook;
        this.finding = finding;
        this.ctx = ctx;
        this.lookup = new CatalogLookup(ctx.catalog(), ctx.defaultSchema());
        this.ddl = new DdlWriter(ctx.catalog().engine());
        this.values =
                new TemplateValues(playbook, ParameterResolver.resolve(playbook, finding, given, ctx.interactive()));
        this.data = new DataFixes(lookup, ddl);
        this.nulls = new NullFills(lookup, ddl);
        this.objects = new NamedObjectSteps(lookup, ddl, ctx.catalog().engine().transactionalDdl(), draft);
        this.settling = new MigrationSettling(
                ctx.migration(), finding, lookup, ddl, draft, values, nulls::failingStatementDone);
        this.records = new HistoryRecords(playbook, ctx, values, lookup, draft, settling);
    }

    public static Plan plan(Playbook playbook, Finding finding, Map<String, String> given, Context ctx) {
        Engine engine = ctx.catalog().engine();
        if (!playbook.engines().contains(engine)) {
            throw new PlanningException("playbook " + playbook.id() + " does not run on " + engine.displayName());
        }
        return new Planner(playbook, finding, given, ctx).build();
    }

    private Plan build() {
        for (StepSpec spec : playbook.steps()) {
            plan(spec);
        }
        for (PlanStep s : draft.steps) {
            s.changes().forEach(t -> lookup.table(null, t).ifPresent(table -> draft.backupTables.add(table.name())));
        }
        List<BackupPlan.TableToSave> toSave = new ArrayList<>();
        for (String t : draft.backupTables) {
            lookup.table(null, t)
                    .ifPresent(table -> toSave.add(new BackupPlan.TableToSave(
                            table.schema(), table.name(), draft.backupWhere.get(table.name()))));
        }
        MigrationHistory history = records.history();
        BackupPlan backup = new BackupPlan(toSave, draft.backupData, history == null ? null : history.tool());
        List<PlanStep> numbered = new ArrayList<>();
        numbered.add(new PlanStep(
                1,
                "backup",
                "back up " + (toSave.isEmpty() ? "" : describe(toSave) + (backup.historyTool() == null ? "" : " and "))
                        + (backup.historyTool() == null ? "" : "the " + backup.historyTool() + " history rows"),
                List.of(),
                List.of(),
                false,
                null,
                List.of(),
                List.of()));
        for (PlanStep s : draft.steps) {
            numbered.add(s.numbered(numbered.size() + 1));
        }
        return new Plan(
                playbook.id(),
                playbook.title(),
                ctx.catalog().engine(),
                finding,
                values.params(),
                backup,
                numbered,
                draft.checks,
                draft.explanations);
    }

    private void plan(StepSpec spec) {
        if (spec instanceof StepSpec.Backup b) {
            b.tables().forEach(t -> draft.backupTables.add(values.render(t)));
            draft.backupData = b.data();
        } else if (spec instanceof StepSpec.Explain e) {
            draft.explanations.add(values.render(e.text()));
        } else if (spec instanceof StepSpec.FreeConstraintNames s) {
            objects.freeNames(values.render(s.table()), values.render(s.suffix()), finding, settling.failingEffects());
        } else if (spec instanceof StepSpec.RenameConstraint s) {
            objects.renameConstraint(values.render(s.table()), values.render(s.from()), values.render(s.to()));
        } else if (spec instanceof StepSpec.CreateTableFrom s) {
            objects.createTable(values.render(s.table()), ctx.creates());
        } else if (spec instanceof StepSpec.RebuildIndex s) {
            rebuildIndex(values.render(s.table()), values.render(s.index()));
        } else if (spec instanceof StepSpec.AlignFkColumns s) {
            alignFkColumns(s);
        } else if (spec instanceof StepSpec.DropConstraint s) {
            objects.dropConstraint(values.render(s.table()), values.render(s.name()));
        } else if (spec instanceof StepSpec.RenameTable s) {
            objects.renameTable(values.render(s.from()), values.render(s.to()));
        } else if (spec instanceof StepSpec.FinishMigration s) {
            if (!leftToTheTool()) {
                settling.finish(s.skipFailed());
            }
        } else if (spec instanceof StepSpec.RevertMigration s) {
            settling.revert(s, s.tables());
        } else if (spec instanceof StepSpec.SettleDirty s) {
            settleDirty(values.render(s.direction()), s);
        } else if (spec instanceof StepSpec.FixOrphans s) {
            draft.add(data.fixOrphans(
                    values.render(s.policy()),
                    values.neededDecision(s.grandchildren()),
                    settling.failingEffects(),
                    draft.backupWhere,
                    draft.dataChecks));
        } else if (spec instanceof StepSpec.RemoveDuplicates s) {
            draft.add(data.removeDuplicates(
                    values.render(s.keep()),
                    values.neededDecision(s.children()),
                    settling.failingEffects(),
                    finding,
                    draft.backupWhere,
                    draft.dataChecks));
        } else if (spec instanceof StepSpec.FillNulls) {
            draft.add(nulls.fillNulls(
                    values.get("value"), settling.failingEffects(), finding, draft.backupWhere, draft.dataChecks));
        } else if (spec instanceof StepSpec.FixCheckRows s) {
            draft.add(new CheckRowFixes(lookup, ddl)
                    .fix(
                            values.render(s.policy()),
                            values.neededDecision(s.column()),
                            values.neededDecision(s.value()),
                            values.neededDecision(s.referencing()),
                            settling.failingEffects(),
                            finding,
                            draft.backupWhere,
                            draft.dataChecks));
        } else if (spec instanceof StepSpec.FixUnfitRows s) {
            draft.add(new UnfitRowFixes(lookup, ddl)
                    .fix(
                            values.render(s.policy()),
                            values.neededDecision(s.value()),
                            values.neededDecision(s.referencing()),
                            settling.failingEffects(),
                            settling.failingSql(),
                            finding,
                            draft.backupWhere,
                            draft.dataChecks));
        } else if (spec instanceof StepSpec.WaitForLocks s) {
            draft.add(LockWaits.plan(
                    ddl,
                    values.neededDecision(s.terminate()).value(),
                    LockWaits.tables(ctx.migration(), finding, lookup)));
        } else if (spec instanceof StepSpec.Sql s) {
            draft.add(new PlanStep(
                    0,
                    "sql",
                    "statement from the playbook",
                    List.of(SqlTemplate.render(s.text(), values.params(), ddl.dialect())),
                    List.of(),
                    ctx.catalog().engine().transactionalDdl(),
                    null,
                    List.copyOf(draft.backupTables),
                    List.of()));
        } else if (spec instanceof StepSpec.Record r) {
            if (!(r.what().equals("applied") && leftToTheTool())) {
                records.record(r.what());
            }
        } else if (spec instanceof StepSpec.Verify v) {
            v.checks().forEach(this::check);
        } else {
            throw new PlanningException("step kind '" + spec.kind() + "' has no planning: a playbook cannot use it");
        }
    }

    /** The INVALID index rebuilt; when the failed migration builds it, the rest of that migration runs and is recorded. */
    private void rebuildIndex(String table, String index) {
        IndexRebuild.Rebuilt r = new IndexRebuild(lookup, ddl).plan(table, index, finding, ctx.migration());
        draft.add(r.steps());
        draft.rebuilt.add(r.valid());
        if (r.statement() == null) {
            draft.explanations.add(
                    "no failed migration builds " + index + " (or its file was not given): nothing is recorded");
            return;
        }
        draft.runByPlan.add(r.statement().n());
        settling.finish(false);
        records.record("applied");
    }

    /** Both columns' types shown; the referencing one given the referenced type; then the migration finishes. */
    private void alignFkColumns(StepSpec.AlignFkColumns step) {
        FailedMigration m = settling.requireStatements("align the foreign key columns of");
        FkColumnAlignment.Aligned a = new FkColumnAlignment(lookup, ddl).plan(m, settling.failingEffects());
        draft.explanations.addAll(a.explanations());
        if (a.widensLiveTable()) {
            values.decided(step, step.widen(), a.what());
        }
        draft.add(a.steps());
        draft.aligned.addAll(a.checks());
    }

    /** Forward: what is missing runs and the version is marked clean; back: what took effect is undone. */
    private void settleDirty(String direction, StepSpec.SettleDirty step) {
        String id = settling.requireStatements("settle the dirty version of").id();
        if (settling.settlesForward(direction)) {
            settling.finish(false);
            records.record("clear-dirty");
            draft.settled = new Check.MigrationEffectsPresent(id);
        } else {
            settling.revert(step, step.tables());
            records.record("rolled-back");
            draft.settled = new Check.MigrationEffectsAbsent(id);
        }
    }

    /** A switch expression: a check the vocabulary declares but the planner does not plan does not compile. */
    /**
     * Whether the failed migration is left, with the ones before it that are not applied either, to the tool's next
     * run (see {@link Context#pendingBefore}); said once in the plan. A failed migration partly in effect cannot be:
     * the tool would run its applied statements again.
     */
    private boolean leftToTheTool() {
        // only a playbook that finishes the failed migration: a baseline records the earlier ones on purpose
        if (ctx.pendingBefore().isEmpty()
                || ctx.migration() == null
                || playbook.steps().stream().noneMatch(StepSpec.FinishMigration.class::isInstance)) {
            return false;
        }
        String failed = ctx.migration().id();
        String before = String.join(", ", ctx.pendingBefore());
        boolean one = ctx.pendingBefore().size() == 1;
        String which = before + " (before " + failed + " in the tool's order) " + (one ? "is" : "are") + " not applied";
        String skipped = "recording " + failed + " alone would make the tool skip " + (one ? "it" : "them")
                + " or refuse to run";
        if (ctx.migration().statements().stream()
                .anyMatch(v -> v.state() == io.migrescue.diagnosis.StatementState.APPLIED)) {
            throw new PlanningException(
                    which + " while " + failed + " is partly in effect: " + skipped + "; apply " + before + " first");
        }
        String said = which + " either: the failed run rolled " + (one ? "it" : "them") + " back with " + failed
                + ". This plan fixes the data only; the tool's next run applies " + before + " and " + failed
                + " in order (" + skipped + ")";
        if (!draft.explanations.contains(said)) {
            draft.explanations.add(said);
        }
        return true;
    }

    private void check(CheckName name) {
        String migration = ctx.migration() == null ? null : ctx.migration().id();
        boolean hasStatements =
                migration != null && !ctx.migration().statements().isEmpty();
        MigrationHistory history = records.history();
        draft.checks.addAll(
                switch (name) {
                    case CONSTRAINTS_FREED -> draft.freed;
                    case TABLES_PRESENT -> draft.created;
                    case MIGRATION_SETTLED -> draft.settled == null ? List.of() : List.of(draft.settled);
                    case MIGRATION_EFFECTS_PRESENT ->
                        hasStatements && !leftToTheTool()
                                ? List.of(new Check.MigrationEffectsPresent(migration))
                                : List.of();
                    case MIGRATION_EFFECTS_ABSENT ->
                        hasStatements ? List.of(new Check.MigrationEffectsAbsent(migration)) : List.of();
                    case HISTORY_CLEAN ->
                        history == null ? List.of() : List.of(new Check.HistoryClean(history.tool(), history.table()));
                    case LOCK_RELEASED ->
                        history == null ? List.of() : List.of(new Check.LockReleased(history.tool(), history.table()));
                    // only tables saved whole, and whose rows the plan does not change on purpose
                    case ROW_COUNTS_KEPT ->
                        draft.backupTables.stream()
                                .flatMap(t -> lookup.table(null, t).stream())
                                .filter(table -> !draft.backupWhere.containsKey(table.name()))
                                .<Check>map(table -> new Check.RowCountKept(table.schema(), table.name()))
                                .toList();
                    case NO_ORPHANS, NO_DUPLICATES, NO_NULLS, NO_CHECK_VIOLATIONS, NO_UNFIT_VALUES -> draft.dataChecks;
                    case INDEXES_VALID -> draft.rebuilt;
                    case COLUMN_TYPES_ALIGNED -> draft.aligned;
                    case CONSTRAINTS_VALIDATED ->
                        ctx.catalog().engine() == Engine.POSTGRESQL ? draft.validated : List.of();
                });
    }

    private static String describe(List<BackupPlan.TableToSave> tables) {
        return String.join(
                ", ",
                tables.stream()
                        .map(t -> t.table() + (t.where() == null ? "" : " (the rows to be changed)"))
                        .toList());
    }
}
