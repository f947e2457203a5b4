package io.migrescue.playbook;

import io.migrescue.diagnosis.CatalogLookup;
import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.diagnosis.Finding;
import io.migrescue.diagnosis.StatementState;
import io.migrescue.diagnosis.StatementVerdict;
import io.migrescue.model.Catalog;
import io.migrescue.model.Engine;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.Table;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Effect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Playbook + finding + what was read from the database → a plan with every statement it will run. Pure: it decides,
 * the executor runs. A plan that does not fit (a name nobody holds any more, statements not known) is refused with
 * the reason, before anything runs.
 */
public final class Planner {
    private static final Pattern TEMPLATE = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");

    /**
     * @param migration   the failed migration with its statement map (may be null or without statements)
     * @param interactive whether a person can be asked for decisions (otherwise they must be given)
     * @param creates     table name → the statements that create it: the last CREATE TABLE for it in the migration
     *                    files, or the table as a reference database has it (with its indexes and foreign keys)
     */
    public record Context(
            Catalog catalog,
            String defaultSchema,
            List<MigrationHistory> history,
            FailedMigration migration,
            RecordPlanner records,
            boolean interactive,
            Map<String, List<String>> creates) {
        public Context(
                Catalog catalog,
                String defaultSchema,
                List<MigrationHistory> history,
                FailedMigration migration,
                RecordPlanner records,
                boolean interactive) {
            this(catalog, defaultSchema, history, migration, records, interactive, Map.of());
        }
    }

    private final Playbook playbook;
    private final Finding finding;
    private final Context ctx;
    private final CatalogLookup lookup;
    private final DdlWriter ddl;
    private final Map<String, String> params;
    private final List<PlanStep> steps = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    private final List<String> explanations = new ArrayList<>();
    private final Set<String> backupTables = new LinkedHashSet<>();
    private final Map<String, String> backupWhere = new LinkedHashMap<>();
    private final List<Check> freed = new ArrayList<>();
    private final List<Check> dataChecks = new ArrayList<>();
    private final List<Check> validated = new ArrayList<>();
    private final List<Check> created = new ArrayList<>();
    private final List<Check> rebuilt = new ArrayList<>();
    private final List<Check> aligned = new ArrayList<>();
    /** Statements of the failed migration a step of this plan already runs (finish leaves them out). */
    private final Set<Integer> runByPlan = new java.util.HashSet<>();

    private Check settled;
    private final DataFixes data;
    private boolean backupData = true;

    private Planner(Playbook playbook, Finding finding, Map<String, String> given, Context ctx) {
        this.playbook = playbook;
        this.finding = finding;
        this.ctx = ctx;
        this.lookup = new CatalogLookup(ctx.catalog(), ctx.defaultSchema());
        this.ddl = new DdlWriter(ctx.catalog().engine());
        this.params = ParameterResolver.resolve(playbook, finding, given, ctx.interactive());
        this.data = new DataFixes(lookup, ddl);
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
        for (PlanStep s : steps) {
            s.changes().forEach(t -> lookup.table(null, t).ifPresent(table -> backupTables.add(table.name())));
        }
        List<BackupPlan.TableToSave> toSave = new ArrayList<>();
        for (String t : backupTables) {
            lookup.table(null, t)
                    .ifPresent(table -> toSave.add(
                            new BackupPlan.TableToSave(table.schema(), table.name(), backupWhere.get(table.name()))));
        }
        BackupPlan backup = new BackupPlan(toSave, backupData, historyTool());
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
                List.of()));
        for (PlanStep s : steps) {
            numbered.add(s.numbered(numbered.size() + 1));
        }
        return new Plan(
                playbook.id(),
                playbook.title(),
                ctx.catalog().engine(),
                finding,
                params,
                backup,
                numbered,
                checks,
                explanations);
    }

    private void plan(StepSpec spec) {
        if (spec instanceof StepSpec.Backup b) {
            b.tables().forEach(t -> backupTables.add(render(t)));
            backupData = b.data();
        } else if (spec instanceof StepSpec.Explain e) {
            explanations.add(render(e.text()));
        } else if (spec instanceof StepSpec.FreeConstraintNames s) {
            freeNames(render(s.table()), render(s.suffix()));
        } else if (spec instanceof StepSpec.RenameConstraint s) {
            renameConstraint(render(s.table()), render(s.from()), render(s.to()));
        } else if (spec instanceof StepSpec.CreateTableFrom s) {
            createTable(render(s.table()));
        } else if (spec instanceof StepSpec.RebuildIndex s) {
            rebuildIndex(render(s.table()), render(s.index()));
        } else if (spec instanceof StepSpec.AlignFkColumns s) {
            alignFkColumns(s);
        } else if (spec instanceof StepSpec.DropConstraint s) {
            dropConstraint(render(s.table()), render(s.name()));
        } else if (spec instanceof StepSpec.RenameTable s) {
            renameTable(render(s.from()), render(s.to()));
        } else if (spec instanceof StepSpec.FinishMigration s) {
            finish(s.skipFailed());
        } else if (spec instanceof StepSpec.RevertMigration s) {
            revert(s, s.tables());
        } else if (spec instanceof StepSpec.SettleDirty s) {
            settleDirty(render(s.direction()), s);
        } else if (spec instanceof StepSpec.FixOrphans s) {
            add(data.fixOrphans(
                    render(s.policy()), neededDecision(s.grandchildren()), failingEffects(), backupWhere, dataChecks));
        } else if (spec instanceof StepSpec.RemoveDuplicates s) {
            add(data.removeDuplicates(
                    render(s.keep()),
                    neededDecision(s.children()),
                    failingEffects(),
                    finding,
                    backupWhere,
                    dataChecks));
        } else if (spec instanceof StepSpec.FillNulls) {
            add(data.fillNulls(params.get("value"), failingEffects(), finding, backupWhere, dataChecks));
        } else if (spec instanceof StepSpec.WaitForLocks s) {
            add(LockWaits.plan(
                    ddl, neededDecision(s.terminate()).value(), LockWaits.tables(ctx.migration(), finding, lookup)));
        } else if (spec instanceof StepSpec.Sql s) {
            add(new PlanStep(
                    0,
                    "sql",
                    "statement from the playbook",
                    List.of(SqlTemplate.render(s.text(), params, ddl.dialect())),
                    List.of(),
                    ctx.catalog().engine().transactionalDdl(),
                    null,
                    List.copyOf(backupTables)));
        } else if (spec instanceof StepSpec.Record r) {
            record(r.what());
        } else if (spec instanceof StepSpec.Verify v) {
            v.checks().forEach(this::check);
        } else {
            throw new PlanningException("step kind '" + spec.kind() + "' has no planning: a playbook cannot use it");
        }
    }

    private void freeNames(String holderName, String suffix) {
        Table holder = lookup.table(null, holderName)
                .orElseThrow(
                        () -> new PlanningException("table " + holderName + " does not exist now: diagnose again"));
        Set<String> wanted = new LinkedHashSet<>();
        if (finding.objects().get("constraint") != null) {
            wanted.add(finding.objects().get("constraint"));
        }
        for (Effect e : failingEffects()) {
            if (e instanceof Effect.CreateTable c) {
                c.constraints().stream()
                        .map(Effect.ConstraintDef::name)
                        .filter(n -> n != null)
                        .forEach(wanted::add);
            } else if (e instanceof Effect.AddConstraint a && a.constraint().name() != null) {
                wanted.add(a.constraint().name());
            }
        }
        String target = finding.objects().get("table");
        int renamed = 0;
        for (String name : wanted) {
            var held = lookup.constraint(holder, name);
            if (held.isEmpty()) {
                continue;
            }
            String newName = ddl.fitName(held.get().name() + suffix);
            add(new PlanStep(
                    0,
                    "rename-constraint",
                    "rename " + held.get().name() + " on " + holder.name() + " to " + newName,
                    ddl.renameConstraint(holder.schema(), holder.name(), held.get(), newName),
                    List.of(),
                    ctx.catalog().engine().transactionalDdl(),
                    new Check.ConstraintPresent(holder.schema(), holder.name(), newName),
                    List.of(holder.name())));
            freed.add(new Check.ConstraintPresent(holder.schema(), holder.name(), newName));
            if (target != null) {
                freed.add(new Check.ConstraintPresent(
                        holder.schema(), target, held.get().name()));
            }
            renamed++;
        }
        if (renamed == 0) {
            throw new PlanningException("table " + holder.name() + " holds none of the names " + wanted
                    + " now: the error text may be older than the database; diagnose again");
        }
        backupTables.add(holder.name());
    }

    private void renameConstraint(String tableName, String from, String to) {
        Table table = existing(tableName);
        var c = lookup.constraint(table, from)
                .orElseThrow(() -> new PlanningException("no constraint " + from + " on " + tableName));
        add(new PlanStep(
                0,
                "rename-constraint",
                "rename " + from + " on " + tableName + " to " + to,
                ddl.renameConstraint(table.schema(), table.name(), c, ddl.fitName(to)),
                List.of(),
                ctx.catalog().engine().transactionalDdl(),
                new Check.ConstraintPresent(table.schema(), table.name(), to),
                List.of(table.name())));
    }

    private void createTable(String name) {
        if (lookup.table(null, name).isPresent()) {
            throw new PlanningException("table " + name + " exists now: diagnose again");
        }
        List<String> create = ctx.creates().get(name);
        if (create == null) {
            create = ctx.creates().get(name.toLowerCase(java.util.Locale.ROOT));
        }
        if (create == null) {
            throw new PlanningException(
                    "no CREATE TABLE " + name + " in the migration files or the reference: give --migrations DIR"
                            + " (the folder that creates it) or --reference URL (a database that has it)");
        }
        // with every later statement the migrations run on it; CONCURRENTLY cannot run inside a transaction
        boolean concurrently = create.stream()
                .anyMatch(sql -> sql.toUpperCase(java.util.Locale.ROOT).contains("CONCURRENTLY"));
        add(new PlanStep(
                0,
                "create-table",
                "create " + name + " as the migration files or the reference define it"
                        + (create.size() > 1 ? " (" + create.size() + " statements)" : ""),
                create.stream().map(BoundStatement::of).toList(),
                List.of(),
                ctx.catalog().engine().transactionalDdl() && !concurrently,
                new Check.TablePresent(lookup.schemaOf(null), name),
                List.of()));
        created.add(new Check.TablePresent(lookup.schemaOf(null), name));
    }

    /** The INVALID index rebuilt; when the failed migration builds it, the rest of that migration runs and is recorded. */
    private void rebuildIndex(String table, String index) {
        IndexRebuild.Rebuilt r = new IndexRebuild(lookup, ddl).plan(table, index, finding, ctx.migration());
        add(r.steps());
        rebuilt.add(r.valid());
        if (r.statement() == null) {
            explanations.add(
                    "no failed migration builds " + index + " (or its file was not given): nothing is recorded");
            return;
        }
        runByPlan.add(r.statement().n());
        finish(false);
        record("applied");
    }

    /** Both columns' types shown; the referencing one given the referenced type; then the migration finishes. */
    private void alignFkColumns(StepSpec.AlignFkColumns step) {
        FailedMigration m = requireStatements("align the foreign key columns of");
        FkColumnAlignment.Aligned a = new FkColumnAlignment(lookup, ddl).plan(m, failingEffects());
        explanations.addAll(a.explanations());
        if (a.widensLiveTable()) {
            decided(step, step.widen(), a.what());
        }
        add(a.steps());
        aligned.addAll(a.checks());
    }

    private void dropConstraint(String tableName, String name) {
        Table table = existing(tableName);
        var c = lookup.constraint(table, name)
                .orElseThrow(() ->
                        new PlanningException("no constraint " + name + " on " + tableName + " now: diagnose again"));
        add(new PlanStep(
                0,
                "drop-constraint",
                "drop " + c.name() + " on " + table.name() + " (the migration adds it again as it intends)",
                ddl.dropConstraint(table.schema(), table.name(), c),
                List.of(),
                ctx.catalog().engine().transactionalDdl(),
                null,
                List.of(table.name())));
    }

    private void renameTable(String from, String to) {
        Table table = existing(from);
        if (lookup.table(null, to).isPresent()) {
            throw new PlanningException("a table " + to + " exists already: give another name with --param newName=…");
        }
        add(new PlanStep(
                0,
                "rename-table",
                "rename " + table.name() + " to " + to,
                List.of(ddl.renameTable(table.schema(), table.name(), to)),
                List.of(),
                ctx.catalog().engine().transactionalDdl(),
                null,
                List.of(table.name())));
    }

    private void finish(boolean skipFailed) {
        FailedMigration m = requireStatements("finish");
        MigrationSteps migrationSteps = new MigrationSteps(lookup, ddl);
        for (StatementVerdict v : m.statements()) {
            boolean pending = v.state() == StatementState.NOT_APPLIED || v.state() == StatementState.FAILED;
            boolean failedButDone = v.state() == StatementState.FAILED && data.failingStatementDone();
            if (!pending
                    || failedButDone
                    || runByPlan.contains(v.n())
                    || skipFailed && v.state() == StatementState.FAILED) {
                continue;
            }
            for (PlanStep s : migrationSteps.forward(m, v)) {
                add(s);
            }
            validated.addAll(migrationSteps.foreignKeysAdded(v));
        }
    }

    private void revert(StepSpec step, String tablesDecision) {
        FailedMigration m = requireStatements("revert");
        MigrationSteps migrationSteps = new MigrationSteps(lookup, ddl);
        List<StatementVerdict> applied = new ArrayList<>(m.statements().stream()
                .filter(v -> v.state() == StatementState.APPLIED)
                .toList());
        java.util.Collections.reverse(applied);
        List<String> tables = applied.stream()
                .flatMap(v -> v.effects().stream())
                .filter(e -> e instanceof Effect.CreateTable || e instanceof Effect.RenameTable)
                .map(e -> e instanceof Effect.CreateTable c
                        ? "drop " + c.table()
                        : "rename " + ((Effect.RenameTable) e).to() + " back to " + ((Effect.RenameTable) e).from())
                .toList();
        if (!tables.isEmpty()) {
            decided(step, tablesDecision, String.join(", ", tables));
        }
        for (StatementVerdict v : applied) {
            add(migrationSteps.backward(m, v));
        }
    }

    /**
     * A decision the plan needs only because of what it found to do ({@code decision: when-needed}): asked for here,
     * when the disruptive thing is really in the plan. {@code no} stops the plan before anything runs.
     */
    private void decided(StepSpec step, String template, String what) {
        Matcher m = TEMPLATE.matcher(template);
        String name = m.matches() ? m.group(1) : null;
        ParamSpec param = name == null ? null : playbook.param(name).orElse(null);
        if (param == null) {
            return; // the loader made sure a decision governs the step; a literal value is that decision
        }
        String value = params.get(name);
        if (value == null) {
            throw new PlanningException.DecisionNeeded(
                    param, playbook.id(), step.disrupts() + " (here: " + what + ")", null);
        }
        if (!value.equals("yes")) {
            throw new PlanningException(
                    "--param " + name + "=" + value + ": the plan would " + what + ", and that was declined;"
                            + " nothing was changed (finish the migration instead, or restore from a backup)");
        }
    }

    /** The value of an argument a decision gives only when the plan needs it ({@code ${children}}), or what asks for it. */
    private NeededDecision neededDecision(String template) {
        Matcher m = template == null ? null : TEMPLATE.matcher(template);
        if (m == null || !m.matches()) {
            return new NeededDecision(template, null, playbook.id());
        }
        return new NeededDecision(
                params.get(m.group(1)), playbook.param(m.group(1)).orElse(null), playbook.id());
    }

    /**
     * Forward when what is missing can run (no statement not in effect is predicted to fail) and something took
     * effect; back otherwise: then the version before it is what the database really is.
     */
    private void settleDirty(String direction, StepSpec.SettleDirty step) {
        FailedMigration m = requireStatements("settle the dirty version of");
        boolean blocked = m.statements().stream()
                .anyMatch(v -> v.prediction() != null
                        && (v.state() == StatementState.NOT_APPLIED || v.state() == StatementState.FAILED));
        String chosen = switch (direction) {
            case "forward", "back" -> direction;
            case "auto" -> m.nothingApplied() || blocked ? "back" : "forward";
            default -> throw new PlanningException("direction must be forward, back or auto");
        };
        long applied = m.statements().stream()
                .filter(v -> v.state() == StatementState.APPLIED)
                .count();
        explanations.add(
                "going " + chosen + ": " + applied + " of " + m.statements().size() + " statements of version " + m.id()
                        + " are in effect" + (blocked ? ", and what is missing would fail as it stands" : "")
                        + (direction.equals("auto") ? " (give --param direction=forward|back to choose otherwise)" : "")
                        + matchedVersion());
        if (chosen.equals("forward")) {
            finish(false);
            record("clear-dirty");
            settled = new Check.MigrationEffectsPresent(m.id());
        } else {
            revert(step, step.tables());
            record("rolled-back");
            settled = new Check.MigrationEffectsAbsent(m.id());
        }
    }

    /** What scoring every version against the schema found (DirtyVersionMatch), to say which version and why. */
    private String matchedVersion() {
        String matches = finding.objects().get("matches");
        if (matches == null) {
            return "";
        }
        String next = finding.objects().getOrDefault("next", "");
        return "; of every version, the schema matches " + (matches.equals("none") ? "none (nothing applied)" : matches)
                + " exactly" + (next.isEmpty() ? "" : ", and migrate up runs " + next + " after it");
    }

    private void record(String what) {
        MigrationHistory history = history();
        if (history == null) {
            explanations.add("no migration history table was found, so there is nothing to record");
            return;
        }
        if (what.equals("realign-checksum")) {
            realignChecksum(history);
            return;
        }
        if (what.equals("repoint")) {
            RepointPlanning.Planned p =
                    RepointPlanning.plan(history, ctx.migration(), params.get("renamedTo"), ctx.records(), lookup);
            add(p.step());
            checks.add(p.check());
            return;
        }
        if (what.equals("deleted")
                && playbook.params().stream().anyMatch(p -> p.decision() && !"yes".equals(params.get(p.name())))) {
            throw new PlanningException("marking migration "
                    + (ctx.migration() == null ? "?" : ctx.migration().id())
                    + " deleted was declined: nothing was changed (restore its file instead)");
        }
        List<BoundStatement> sql = ctx.records().plan(what, history, ctx.migration());
        String why = ctx.records().explain(what, history, params);
        if (!sql.isEmpty()) {
            add(new PlanStep(
                    0,
                    "record",
                    "record " + what + " in " + history.tool() + "'s " + history.table()
                            + (why == null ? "" : ": " + why),
                    sql,
                    ctx.records().guards(what, history, params),
                    true,
                    new Check.HistoryRecorded(
                            history.tool(),
                            history.table(),
                            what,
                            ctx.migration() == null ? null : ctx.migration().id()),
                    List.of()));
        }
    }

    /**
     * A checksum is realigned only when the file as it is now changed nothing in effect: every statement of the edited
     * file is in effect in the live schema. Otherwise the edit is semantic and recording it would hide what is missing.
     */
    private void realignChecksum(MigrationHistory history) {
        FailedMigration m = ctx.migration();
        if (m == null || m.statements().isEmpty()) {
            throw new PlanningException(
                    "realigning a checksum needs the edited migration file, to compare it with the schema:"
                            + " give --migrations DIR");
        }
        List<String> missing = ChecksumEdit.notInEffect(m);
        if (!missing.isEmpty()) {
            String refusal = "migration " + m.id() + " was edited after it was applied and " + missing.size()
                    + " of its statements are not in effect (" + String.join("; ", missing)
                    + "): realigning its checksum would"
                    + " hide them; ";
            ParamSpec apply = playbook.param("apply").orElse(null);
            if (apply == null || !ChecksumEdit.applicable(m)) {
                throw new PlanningException(
                        refusal + "apply them (or restore the file as it ran), then run repair again");
            }
            String value = params.get("apply");
            if (value == null) {
                throw new PlanningException.DecisionNeeded(
                        apply,
                        playbook.id(),
                        "would run " + missing.size() + " statement(s) of the edited file not in effect ("
                                + String.join("; ", missing) + ")",
                        null);
            }
            if (!value.equals("yes")) {
                throw new PlanningException(refusal + "declined (--param apply=" + value + "): nothing was changed");
            }
            finish(false); // the statements not in effect, each as the migration would run it; then the checksum
        }
        String checksum = ctx.records().fileChecksum(history, m);
        add(new PlanStep(
                0,
                "record",
                "record in " + history.tool() + "'s " + history.table() + " the checksum of " + m.file()
                        + " as it is now (" + checksum
                        + "): every statement of it is in effect, the edit changed nothing in the schema",
                ctx.records().plan("realign-checksum", history, m),
                List.of(),
                true,
                new Check.ChecksumRecorded(history.tool(), history.table(), m.id(), checksum),
                List.of()));
        checks.add(new Check.ChecksumRecorded(history.tool(), history.table(), m.id(), checksum));
    }

    /** A switch expression: a check the vocabulary declares but the planner does not plan does not compile. */
    private void check(CheckName name) {
        String migration = ctx.migration() == null ? null : ctx.migration().id();
        boolean hasStatements =
                migration != null && !ctx.migration().statements().isEmpty();
        checks.addAll(
                switch (name) {
                    case CONSTRAINTS_FREED -> freed;
                    case TABLES_PRESENT -> created;
                    case MIGRATION_SETTLED -> settled == null ? List.of() : List.of(settled);
                    case MIGRATION_EFFECTS_PRESENT ->
                        hasStatements ? List.of(new Check.MigrationEffectsPresent(migration)) : List.of();
                    case MIGRATION_EFFECTS_ABSENT ->
                        hasStatements ? List.of(new Check.MigrationEffectsAbsent(migration)) : List.of();
                    case HISTORY_CLEAN ->
                        history() == null
                                ? List.of()
                                : List.of(new Check.HistoryClean(
                                        history().tool(), history().table()));
                    case LOCK_RELEASED ->
                        history() == null
                                ? List.of()
                                : List.of(new Check.LockReleased(
                                        history().tool(), history().table()));
                    // only tables saved whole, and whose rows the plan does not change on purpose
                    case ROW_COUNTS_KEPT ->
                        backupTables.stream()
                                .flatMap(t -> lookup.table(null, t).stream())
                                .filter(table -> !backupWhere.containsKey(table.name()))
                                .<Check>map(table -> new Check.RowCountKept(table.schema(), table.name()))
                                .toList();
                    case NO_ORPHANS, NO_DUPLICATES, NO_NULLS -> dataChecks;
                    case INDEXES_VALID -> rebuilt;
                    case COLUMN_TYPES_ALIGNED -> aligned;
                    case CONSTRAINTS_VALIDATED -> ctx.catalog().engine() == Engine.POSTGRESQL ? validated : List.of();
                });
    }

    private void add(PlanStep step) {
        steps.add(step);
    }

    private void add(List<PlanStep> more) {
        steps.addAll(more);
    }

    private FailedMigration requireStatements(String what) {
        FailedMigration m = ctx.migration();
        if (m == null || m.statements().isEmpty()) {
            throw new PlanningException(
                    "to " + what + " the migration migrescue needs its statements: give --migrations DIR"
                            + (m == null ? "" : " (the folder holding migration " + m.id() + ")"));
        }
        return m;
    }

    private List<Effect> failingEffects() {
        FailedMigration m = ctx.migration();
        if (m != null) {
            for (StatementVerdict v : m.statements()) {
                if (v.state() == StatementState.FAILED) {
                    return v.effects();
                }
            }
        }
        return List.of();
    }

    private MigrationHistory history() {
        String tool = ctx.migration() == null ? null : ctx.migration().tool();
        for (MigrationHistory h : ctx.history()) {
            if (tool != null && h.tool().equals(tool)) {
                return h;
            }
        }
        return ctx.history().stream()
                .filter(MigrationHistory::needsAttention)
                .findFirst()
                .orElse(ctx.history().isEmpty() ? null : ctx.history().get(0));
    }

    private String historyTool() {
        MigrationHistory h = history();
        return h == null ? null : h.tool();
    }

    private Table existing(String name) {
        return lookup.table(null, name)
                .orElseThrow(() -> new PlanningException("table " + name + " does not exist now: diagnose again"));
    }

    private String render(String template) {
        Matcher m = TEMPLATE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = params.get(m.group(1));
            if (value == null) {
                throw new PlanningException("playbook " + playbook.id() + " needs --param " + m.group(1)
                        + "=…: the finding does not name it");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String describe(List<BackupPlan.TableToSave> tables) {
        return String.join(
                ", ",
                tables.stream()
                        .map(t -> t.table() + (t.where() == null ? "" : " (the rows to be changed)"))
                        .toList());
    }
}
