package io.migrescue.diff.script;

import io.migrescue.diff.DiffResult;
import io.migrescue.diff.DiffSide;
import io.migrescue.diff.Difference;
import io.migrescue.diff.DifferenceKind;
import io.migrescue.diff.Indexes;
import io.migrescue.diff.QualifiedName;
import io.migrescue.diff.Subject;
import io.migrescue.diff.TablePair;
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
    private final List<DefinedObject> targetObjects;
    private final ColumnChanges columns;
    private final IndexChanges indexes;
    private final ConstraintChanges constraints;

    /** @param targetObjects the target's views, routines, policies… with their dependencies (what orders the script) */
    ChangePlanner(DiffResult result, List<DefinedObject> targetObjects) {
        this.ddl = Ddl.of(result.engine());
        this.targetObjects = targetObjects;
        this.columns = new ColumnChanges(ddl);
        this.indexes = new IndexChanges(ddl);
        this.constraints = new ConstraintChanges(ddl, result.matching());
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
            return columns.column((Subject.OfColumn) d.subject(), d.object(), kinds(group));
        }
        if (INDEX_REBUILDS.contains(d.kind())) {
            Subject.OfIndex s = (Subject.OfIndex) d.subject();
            return indexes.rebuildIndex(s, d.object(), kinds(group));
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
            case MISSING_COLUMN -> columns.missingColumn((Subject.OfColumn) d.subject(), d);
            case COLUMN_ORDER_DIFFERS ->
                Change.manual(
                        "column order of " + d.object(),
                        "column order is cosmetic: changing it means rebuilding the table");
            case MISSING_INDEX -> indexes.missingIndex((Subject.OfIndex) d.subject(), d);
            case INDEX_NAME_DIFFERS -> indexes.renameIndex((Subject.OfIndex) d.subject(), d.object());
            case MISSING_CONSTRAINT -> constraints.missingConstraint((Subject.OfConstraint) d.subject(), d);
            case CONSTRAINT_NAME_DIFFERS ->
                constraints.renameConstraint((Subject.OfConstraint) d.subject(), d.object());
            case PRIMARY_KEY_DIFFERS,
                    UNIQUE_COLUMNS_DIFFER,
                    CHECK_DIFFERS,
                    EXCLUSION_DIFFERS,
                    FOREIGN_KEY_COLUMNS_DIFFER,
                    FOREIGN_KEY_ACTIONS_DIFFER ->
                constraints.replaceConstraint((Subject.OfConstraint) d.subject(), d.object());
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
        QualifiedName name = pair.targetName();
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
            steps.add(new Step(Phase.ADD_FOREIGN_KEYS, ddl.addConstraint(name, fk, constraints.referenced(fk, side))));
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

    private static Set<DifferenceKind> kinds(List<Difference> group) {
        Set<DifferenceKind> kinds = EnumSet.noneOf(DifferenceKind.class);
        group.forEach(d -> kinds.add(d.kind()));
        return kinds;
    }

    /** What differs, in words: {@code type, nullability} for COLUMN_TYPE_DIFFERS and COLUMN_NULLABILITY_DIFFERS. */
    static String aspects(Set<DifferenceKind> kinds) {
        return String.join(
                ", ",
                kinds.stream()
                        .map(kind -> kind.name()
                                .replaceFirst("^(COLUMN|INDEX)_", "")
                                .replaceFirst("_(DIFFERS|DIFFER)$", "")
                                .toLowerCase(Locale.ROOT))
                        .toList());
    }
}
