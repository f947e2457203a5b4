package io.migrescue.diff.script;

import io.migrescue.diff.DiffResult;
import io.migrescue.diff.DiffSide;
import io.migrescue.diff.Difference;
import io.migrescue.diff.DifferenceKind;
import io.migrescue.diff.Indexes;
import io.migrescue.diff.Matching;
import io.migrescue.diff.QualifiedName;
import io.migrescue.diff.Subject;
import io.migrescue.diff.TablePair;
import io.migrescue.model.Column;
import io.migrescue.model.Constraint;
import io.migrescue.model.DefinedObject;
import io.migrescue.model.EnumType;
import io.migrescue.model.Index;
import io.migrescue.model.Table;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns differences into {@link Change}s: for each, the statements that make the target like the source and the ones
 * that undo them. Every name is the target's: a matched object's own, a missing one's where it is to be created
 * ({@link TablePair#targetSchema()}), a foreign key's referenced table through the table matching. The differences of
 * one column become one change (MySQL restates a column whole), and so do those of one index (dropped and rebuilt).
 */
final class ChangePlanner {
    private static final Set<DifferenceKind> COLUMN_CHANGES = EnumSet.of(
            DifferenceKind.COLUMN_TYPE_DIFFERS,
            DifferenceKind.COLUMN_NULLABILITY_DIFFERS,
            DifferenceKind.COLUMN_DEFAULT_DIFFERS,
            DifferenceKind.COLUMN_EXTRA_DIFFERS);
    private static final Set<DifferenceKind> INDEX_REBUILDS = EnumSet.of(
            DifferenceKind.INDEX_COLUMNS_DIFFER,
            DifferenceKind.INDEX_UNIQUENESS_DIFFERS,
            DifferenceKind.INDEX_METHOD_DIFFERS,
            DifferenceKind.INDEX_PREDICATE_DIFFERS,
            DifferenceKind.INDEX_DEFINITION_DIFFERS);

    private final Ddl ddl;
    private final Matching matching;
    private final List<DefinedObject> targetObjects;

    /** @param targetObjects the target's views, routines, policies… with their dependencies (what orders the script) */
    ChangePlanner(DiffResult result, List<DefinedObject> targetObjects) {
        this.ddl = Ddl.of(result.engine());
        this.matching = result.matching();
        this.targetObjects = targetObjects;
    }

    Ddl ddl() {
        return ddl;
    }

    List<Change> plan(List<Difference> differences) {
        Map<String, List<Difference>> groups = new LinkedHashMap<>();
        for (Difference d : differences) {
            if (d.kind().isHistory()) {
                continue;
            }
            String key = COLUMN_CHANGES.contains(d.kind())
                    ? "column " + d.object()
                    : INDEX_REBUILDS.contains(d.kind()) ? "index " + d.object() : "difference " + groups.size();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
        }
        List<List<Difference>> origins = List.copyOf(groups.values());
        List<Change> changes = origins.stream().map(this::change).toList();
        return new DependencyOrder(targetObjects).order(changes, origins);
    }

    private Change change(List<Difference> group) {
        Difference d = group.get(0);
        if (COLUMN_CHANGES.contains(d.kind())) {
            return column((Subject.OfColumn) d.subject(), d.object(), kinds(group));
        }
        if (INDEX_REBUILDS.contains(d.kind())) {
            Subject.OfIndex s = (Subject.OfIndex) d.subject();
            return rebuildIndex(s, d.object(), kinds(group));
        }
        if (d.kind().isDefinedObject()) {
            return DefinedObjectChanges.of(d, ddl.dialect());
        }
        return switch (d.kind()) {
            case MISSING_SCHEMA -> schema(((Subject.OfSchema) d.subject()).name(), d.missingIn());
            case MISSING_ENUM -> missingEnum((Subject.OfEnum) d.subject(), d);
            case ENUM_VALUES_DIFFER -> enumValues((Subject.OfEnum) d.subject(), d.object());
            case MISSING_SEQUENCE -> missingSequence((Subject.OfSequence) d.subject(), d);
            case SEQUENCE_DIFFERS -> alterSequence((Subject.OfSequence) d.subject(), d.object());
            case MISSING_TABLE -> missingTable(((Subject.OfTable) d.subject()).tables(), d);
            case MISSING_COLUMN -> missingColumn((Subject.OfColumn) d.subject(), d);
            case COLUMN_ORDER_DIFFERS ->
                Change.manual(
                        "column order of " + d.object(),
                        "column order is cosmetic: changing it means rebuilding the table");
            case MISSING_INDEX -> missingIndex((Subject.OfIndex) d.subject(), d);
            case INDEX_NAME_DIFFERS -> renameIndex((Subject.OfIndex) d.subject(), d.object());
            case MISSING_CONSTRAINT -> missingConstraint((Subject.OfConstraint) d.subject(), d);
            case CONSTRAINT_NAME_DIFFERS -> renameConstraint((Subject.OfConstraint) d.subject(), d.object());
            case PRIMARY_KEY_DIFFERS,
                    UNIQUE_COLUMNS_DIFFER,
                    CHECK_DIFFERS,
                    EXCLUSION_DIFFERS,
                    FOREIGN_KEY_COLUMNS_DIFFER,
                    FOREIGN_KEY_ACTIONS_DIFFER -> replaceConstraint((Subject.OfConstraint) d.subject(), d.object());
            case PARTITION_KEY_DIFFERS ->
                Change.manual(
                        "partitioning of " + d.object(),
                        "a table's partition key cannot be "
                                + "changed in place: create the table partitioned as the source has it and move the rows");
            default -> throw new IllegalStateException("no change for " + d.kind());
        };
    }

    private Change schema(String name, DiffSide missingIn) {
        Step create = new Step(Phase.SCHEMAS, ddl.createSchema(name));
        Step drop = new Step(Phase.DROP_SCHEMAS, ddl.dropSchema(name));
        return missingIn == DiffSide.TARGET
                ? Change.of("create schema " + name, List.of(create), List.of(drop))
                : Change.of(
                                "drop schema " + name + " (it must be empty: its tables are dropped above)",
                                List.of(drop),
                                List.of(create))
                        .asDestructive();
    }

    private Change missingEnum(Subject.OfEnum s, Difference d) {
        QualifiedName name = new QualifiedName(
                s.targetSchema(),
                d.missingIn() == DiffSide.TARGET
                        ? s.source().name()
                        : s.target().name());
        EnumType present = d.missingIn() == DiffSide.TARGET ? s.source() : s.target();
        Step create =
                new Step(Phase.TYPES, ddl.createEnum(name, present.labels()).orElseThrow());
        Step drop = new Step(Phase.DROP_TYPES, ddl.dropEnum(name));
        return d.missingIn() == DiffSide.TARGET
                ? Change.of("create enum type " + d.object(), List.of(create), List.of(drop))
                : Change.of("drop enum type " + d.object(), List.of(drop), List.of(create))
                        .asDestructive();
    }

    /**
     * Values the target lacks are added in the source's order. PostgreSQL cannot remove or reorder enum values, so a
     * target with values the source has not (or in another order) is left to do by hand, and so is undoing an add.
     */
    private Change enumValues(Subject.OfEnum s, String object) {
        List<String> wanted = s.source().labels();
        List<String> present = s.target().labels();
        List<String> common = wanted.stream().filter(present::contains).toList();
        if (!wanted.containsAll(present) || !common.equals(present)) {
            return Change.manual(
                    "enum type " + object,
                    "the target has values the source has not, or in another order: "
                            + "PostgreSQL cannot drop or reorder enum values; recreate the type and convert its columns by hand");
        }
        QualifiedName name = new QualifiedName(s.targetSchema(), s.target().name());
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            if (!present.contains(wanted.get(i))) {
                String after = i > 0 ? wanted.get(i - 1) : null;
                String before = i == 0 && !present.isEmpty() ? present.get(0) : null;
                steps.add(new Step(Phase.ENUM_VALUES, ddl.addEnumValue(name, wanted.get(i), after, before)));
            }
        }
        return Change.of("add values to enum type " + object, steps, List.of())
                .withRollbackManual(
                        "values added to enum type " + object + " stay: PostgreSQL cannot drop enum values");
    }

    private Change missingSequence(Subject.OfSequence s, Difference d) {
        boolean create = d.missingIn() == DiffSide.TARGET;
        QualifiedName name = new QualifiedName(
                s.targetSchema(), create ? s.source().name() : s.target().name());
        Step make = new Step(Phase.SEQUENCES, ddl.createSequence(name, create ? s.source() : s.target()));
        Step drop = new Step(Phase.DROP_SEQUENCES, ddl.dropSequence(name));
        return create
                ? Change.of("create sequence " + d.object(), List.of(make), List.of(drop))
                : Change.of(
                                "drop sequence " + d.object() + " (its current value is lost)",
                                List.of(drop),
                                List.of(make))
                        .asDestructive();
    }

    private Change alterSequence(Subject.OfSequence s, String object) {
        QualifiedName name = new QualifiedName(s.targetSchema(), s.target().name());
        return Change.of(
                "change sequence " + object,
                List.of(new Step(Phase.SEQUENCES, ddl.alterSequence(name, s.source()))),
                List.of(new Step(Phase.SEQUENCES, ddl.alterSequence(name, s.target()))));
    }

    private Change missingTable(TablePair pair, Difference d) {
        QualifiedName name = targetName(pair);
        if (d.missingIn() == DiffSide.TARGET) {
            Change create = Change.of(
                    "create table " + d.object(),
                    createTable(name, pair.source(), DiffSide.SOURCE),
                    dropTable(name, pair.source()));
            return withUnscriptedIndexes(create, pair.source());
        }
        return Change.of(
                        "drop table " + d.object() + " and its rows",
                        dropTable(name, pair.target()),
                        createTable(name, pair.target(), DiffSide.TARGET))
                .asDestructive();
    }

    /** The table, its own indexes and its foreign keys, each in its phase (foreign keys once every table exists). */
    private List<Step> createTable(QualifiedName name, Table table, DiffSide side) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(Phase.CREATE_TABLES, ddl.createTable(name, table)));
        for (Index index : Indexes.own(table)) {
            ddl.createIndex(name, index).ifPresent(sql -> steps.add(new Step(Phase.CREATE_INDEXES, sql)));
        }
        for (Constraint fk : table.foreignKeys()) {
            steps.add(new Step(Phase.ADD_FOREIGN_KEYS, ddl.addConstraint(name, fk, referenced(fk, side))));
        }
        return steps;
    }

    /** Its foreign keys first, so that tables dropped together may point at each other in any order. */
    private List<Step> dropTable(QualifiedName name, Table table) {
        List<Step> steps = new ArrayList<>();
        table.foreignKeys().forEach(fk -> steps.add(new Step(Phase.DROP_FOREIGN_KEYS, ddl.dropConstraint(name, fk))));
        steps.add(new Step(Phase.DROP_TABLES, ddl.dropTable(name)));
        return steps;
    }

    private Change withUnscriptedIndexes(Change change, Table table) {
        List<String> missing = Indexes.own(table).stream()
                .filter(i -> ddl.createIndex(new QualifiedName(table.schema(), table.name()), i)
                        .isEmpty())
                .map(Index::name)
                .toList();
        return missing.isEmpty()
                ? change
                : change.withWarning("indexes " + missing + " have expression key parts the catalog does not "
                        + "spell out: create them by hand");
    }

    private Change missingColumn(Subject.OfColumn s, Difference d) {
        QualifiedName table = targetName(s.tables());
        if (d.missingIn() == DiffSide.TARGET) {
            Column c = s.source();
            Change add = Change.of(
                    "add column " + d.object(),
                    List.of(new Step(Phase.ADD_COLUMNS, ddl.addColumn(table, c))),
                    List.of(new Step(Phase.DROP_COLUMNS, ddl.dropColumn(table, c.name()))));
            boolean needsValues = !c.nullable()
                    && c.defaultValue() == null
                    && (c.extra() == null || c.extra().isBlank());
            return needsValues ? add.withWarning("NOT NULL without a default: fails if the table has rows") : add;
        }
        Column c = s.target();
        return Change.of(
                        "drop column " + d.object() + " and its values",
                        List.of(new Step(Phase.DROP_COLUMNS, ddl.dropColumn(table, c.name()))),
                        List.of(new Step(Phase.ADD_COLUMNS, ddl.addColumn(table, c))))
                .asDestructive();
    }

    private Change column(Subject.OfColumn s, String object, Set<DifferenceKind> kinds) {
        QualifiedName table = targetName(s.tables());
        var forward = ddl.alterColumn(table, s.target(), s.source(), kinds);
        var backward = ddl.alterColumn(table, s.source(), s.target(), kinds);
        String summary = "change column " + object + " ("
                + String.join(", ", kinds.stream().map(ChangePlanner::aspect).toList()) + ")";
        if (forward.isEmpty() || backward.isEmpty()) {
            return ddl instanceof PostgresDdl
                    ? readd(table, s, summary)
                    : Change.manual(
                            summary,
                            "a generated column cannot be changed in place: drop it and add it as the source has it");
        }
        Change change = Change.of(
                summary,
                forward.get().stream()
                        .map(sql -> new Step(Phase.ALTER_COLUMNS, sql))
                        .toList(),
                backward.get().stream()
                        .map(sql -> new Step(Phase.ALTER_COLUMNS, sql))
                        .toList());
        if (kinds.contains(DifferenceKind.COLUMN_TYPE_DIFFERS)
                && !TypeWidening.safe(s.target().type(), s.source().type())) {
            change = change.asDestructive();
        }
        if (kinds.contains(DifferenceKind.COLUMN_NULLABILITY_DIFFERS)
                && !s.source().nullable()) {
            change = change.withWarning("SET NOT NULL fails if the column holds NULLs");
        }
        return change;
    }

    /**
     * A generated column cannot be made, unmade or given another expression in place: it is dropped and added again
     * (its values are computed again; a column made plain or generated loses the values it held). It moves to the end
     * of the table.
     */
    private Change readd(QualifiedName table, Subject.OfColumn s, String summary) {
        List<Step> forward = List.of(
                new Step(Phase.ALTER_COLUMNS, ddl.dropColumn(table, s.target().name())),
                new Step(Phase.ALTER_COLUMNS, ddl.addColumn(table, s.source())));
        List<Step> backward = List.of(
                new Step(Phase.ALTER_COLUMNS, ddl.dropColumn(table, s.source().name())),
                new Step(Phase.ALTER_COLUMNS, ddl.addColumn(table, s.target())));
        Change change = Change.of(
                summary + ": dropped and added again (a generated column cannot be changed in place)",
                forward,
                backward);
        boolean plainBefore = s.target().extra() == null
                || !s.target().extra().toLowerCase(Locale.ROOT).startsWith("generated always as (");
        return plainBefore ? change.asDestructive() : change;
    }

    private Change missingIndex(Subject.OfIndex s, Difference d) {
        QualifiedName table = targetName(s.tables());
        Index index = d.missingIn() == DiffSide.TARGET ? s.source() : s.target();
        var create = ddl.createIndex(table, index);
        Step drop = new Step(Phase.DROP_INDEXES, ddl.dropIndex(table, index.name()));
        if (d.missingIn() == DiffSide.TARGET) {
            Optional<Step> online =
                    ddl.createIndexOnline(table, index).map(sql -> new Step(Phase.CONCURRENT_INDEXES, sql));
            return create.map(sql -> Change.of(
                            "create index " + d.object(),
                            List.of(online.orElse(new Step(Phase.CREATE_INDEXES, sql))),
                            List.of(drop)))
                    .orElse(Change.manual(
                            "create index " + d.object(), "its key has expressions the catalog does not spell out"));
        }
        Change change = Change.of(
                "drop index " + d.object(),
                List.of(drop),
                create.map(sql -> List.of(new Step(Phase.CREATE_INDEXES, sql))).orElse(List.of()));
        return create.isPresent()
                ? change
                : change.withRollbackManual("index " + d.object() + " has expression key parts: recreate it by hand");
    }

    private Change rebuildIndex(Subject.OfIndex s, String object, Set<DifferenceKind> kinds) {
        QualifiedName table = targetName(s.tables());
        var create = ddl.createIndex(table, s.source());
        var restore = ddl.createIndex(table, s.target());
        String summary = "rebuild index " + object + " ("
                + String.join(", ", kinds.stream().map(ChangePlanner::aspect).toList()) + ")";
        if (create.isEmpty() || restore.isEmpty()) {
            return Change.manual(summary, "its key has expressions the catalog does not spell out");
        }
        return Change.of(
                summary,
                List.of(
                        new Step(
                                Phase.DROP_INDEXES,
                                ddl.dropIndex(table, s.target().name())),
                        new Step(Phase.CREATE_INDEXES, create.get())),
                List.of(
                        new Step(
                                Phase.DROP_INDEXES,
                                ddl.dropIndex(table, s.source().name())),
                        new Step(Phase.CREATE_INDEXES, restore.get())));
    }

    private Change renameIndex(Subject.OfIndex s, String object) {
        QualifiedName table = targetName(s.tables());
        return Change.of(
                "rename index " + s.target().name() + " to " + s.source().name() + " on " + table,
                List.of(new Step(
                        Phase.RENAMES,
                        ddl.renameIndex(table, s.target().name(), s.source().name()))),
                List.of(new Step(
                        Phase.RENAMES,
                        ddl.renameIndex(table, s.source().name(), s.target().name()))));
    }

    private Change missingConstraint(Subject.OfConstraint s, Difference d) {
        QualifiedName table = targetName(s.tables());
        boolean add = d.missingIn() == DiffSide.TARGET;
        Constraint c = add ? s.source() : s.target();
        DiffSide side = add ? DiffSide.SOURCE : DiffSide.TARGET;
        Step drop = new Step(dropPhase(c), ddl.dropConstraint(table, c));
        return add
                ? Change.of("add constraint " + d.object(), addChecked(table, c), List.of(drop))
                        .withWarning(failsOn(c))
                : Change.of(
                        "drop constraint " + d.object(),
                        List.of(drop),
                        List.of(new Step(addPhase(c), ddl.addConstraint(table, c, referenced(c, side)))));
    }

    private Change replaceConstraint(Subject.OfConstraint s, String object) {
        QualifiedName table = targetName(s.tables());
        Step dropTarget = new Step(dropPhase(s.target()), ddl.dropConstraint(table, s.target()));
        List<Step> addSource = addChecked(table, s.source());
        Step dropSource = new Step(dropPhase(s.source()), ddl.dropConstraint(table, s.source()));
        Step addTarget = new Step(
                addPhase(s.target()), ddl.addConstraint(table, s.target(), referenced(s.target(), DiffSide.TARGET)));
        List<Step> forward = new ArrayList<>(List.of(dropTarget));
        forward.addAll(addSource);
        return Change.of("replace constraint " + object, forward, List.of(dropSource, addTarget))
                .withWarning(failsOn(s.source()));
    }

    private Change renameConstraint(Subject.OfConstraint s, String object) {
        QualifiedName table = targetName(s.tables());
        Constraint t = s.target();
        Constraint renamed = new Constraint(
                s.source().name(),
                t.type(),
                t.columns(),
                t.foreignKey(),
                t.checkExpression(),
                t.validated(),
                t.definition());
        QualifiedName ref = referenced(t, DiffSide.TARGET);
        return Change.of(
                "rename constraint " + t.name() + " to " + s.source().name() + " on " + table,
                ddl.renameConstraint(table, t, s.source().name(), ref).stream()
                        .map(sql -> new Step(Phase.RENAMES, sql))
                        .toList(),
                ddl.renameConstraint(table, renamed, t.name(), ref).stream()
                        .map(sql -> new Step(Phase.RENAMES, sql))
                        .toList());
    }

    /**
     * A source constraint added to a table of the target: where the engine can, added NOT VALID (a brief lock) and
     * validated after the commit (a scan that does not block writes).
     */
    private List<Step> addChecked(QualifiedName table, Constraint c) {
        String add = ddl.addConstraint(table, c, referenced(c, DiffSide.SOURCE));
        Optional<String> validate = ddl.validateConstraint(table, c);
        if (validate.isEmpty()) {
            return List.of(new Step(addPhase(c), add));
        }
        return List.of(new Step(addPhase(c), add + " NOT VALID"), new Step(Phase.VALIDATE_CONSTRAINTS, validate.get()));
    }

    private QualifiedName targetName(TablePair pair) {
        return new QualifiedName(pair.targetSchema(), pair.name());
    }

    /** A foreign key's referenced table in the target: the source's through the matching, the target's as it is. */
    private QualifiedName referenced(Constraint c, DiffSide side) {
        if (!c.isForeignKey()) {
            return null;
        }
        var fk = c.foreignKey();
        return side == DiffSide.SOURCE
                ? matching.inTarget(fk.referencedSchema(), fk.referencedTable())
                : new QualifiedName(fk.referencedSchema(), fk.referencedTable());
    }

    private static Phase addPhase(Constraint c) {
        return c.isForeignKey() ? Phase.ADD_FOREIGN_KEYS : Phase.ADD_CONSTRAINTS;
    }

    private static Phase dropPhase(Constraint c) {
        return c.isForeignKey() ? Phase.DROP_FOREIGN_KEYS : Phase.DROP_CONSTRAINTS;
    }

    private static String failsOn(Constraint c) {
        return switch (c.type()) {
            case FOREIGN_KEY -> "fails if rows point at no parent row (orphans)";
            case PRIMARY_KEY, UNIQUE -> "fails if the rows hold duplicate keys";
            case CHECK, EXCLUSION -> "fails if rows break it";
        };
    }

    private static Set<DifferenceKind> kinds(List<Difference> group) {
        Set<DifferenceKind> kinds = EnumSet.noneOf(DifferenceKind.class);
        group.forEach(d -> kinds.add(d.kind()));
        return kinds;
    }

    private static String aspect(DifferenceKind kind) {
        return kind.name()
                .replaceFirst("^(COLUMN|INDEX)_", "")
                .replaceFirst("_(DIFFERS|DIFFER)$", "")
                .toLowerCase(Locale.ROOT);
    }
}
