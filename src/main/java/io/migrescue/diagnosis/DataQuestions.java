package io.migrescue.diagnosis;

import io.migrescue.model.Constraint;
import io.migrescue.model.ConstraintType;
import io.migrescue.model.Table;
import io.migrescue.sql.Effect;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Which data question confirms a finding, from the failing statement first and the error text second. */
public final class DataQuestions {
    private DataQuestions() {}

    public static Optional<DataQuestion> forFinding(Finding f, List<Effect> failingEffects, CatalogLookup lookup) {
        return switch (f.kind()) {
            case FK_ORPHAN_ROWS -> orphans(f, failingEffects, lookup);
            case DUPLICATE_ROWS -> duplicates(f, failingEffects, lookup);
            case NULL_VALUES -> nulls(f, failingEffects, lookup);
            case CHECK_VIOLATION -> checkViolations(f, failingEffects, lookup).map(DataQuestion.class::cast);
            case TYPE_CONVERSION -> unfit(f, lookup).map(DataQuestion.class::cast);
            case LOCK_TIMEOUT -> Optional.of(lockHolders(f, failingEffects, lookup));
            default -> Optional.empty();
        };
    }

    private static Optional<DataQuestion> orphans(Finding f, List<Effect> effects, CatalogLookup lookup) {
        for (Effect e : effects) {
            Effect.ConstraintDef fk = null;
            String table = null;
            String schema = null;
            if (e instanceof Effect.AddConstraint a
                    && "FOREIGN_KEY".equals(a.constraint().kind())) {
                fk = a.constraint();
                table = a.table();
                schema = a.schema();
            }
            if (fk != null && fk.referencedTable() != null) {
                String refSchema = fk.referencedSchema() != null ? fk.referencedSchema() : schema;
                List<String> refColumns = fk.referencedColumns().isEmpty()
                        ? primaryKey(lookup, refSchema, fk.referencedTable())
                        : fk.referencedColumns();
                return Optional.of(new DataQuestion.OrphanRows(
                        lookup.schemaOf(schema),
                        actual(lookup, schema, table),
                        fk.columns(),
                        lookup.schemaOf(refSchema),
                        actual(lookup, refSchema, fk.referencedTable()),
                        refColumns));
            }
        }
        String table = f.objects().get("table");
        String parent = f.objects().get("referencedTable");
        String column = f.objects().get("column");
        String constraint = f.objects().get("constraint");
        // The constraint may exist already (MySQL 1452 on insert, or added by hand since the error): take its
        // definition from the catalog; an error about InnoDB's '#sql-…' copy names no table: the holder is the one
        List<Table> holders = table == null && constraint != null
                ? lookup.constraintHolders(f.objects().get("schema"), constraint)
                : List.of();
        Optional<Table> child = table != null
                ? lookup.table(f.objects().get("schema"), table)
                : holders.size() == 1 ? Optional.of(holders.get(0)) : Optional.empty();
        if (child.isEmpty() && table == null) {
            return Optional.empty();
        }
        if (child.isPresent() && constraint != null) {
            Optional<Constraint> c =
                    lookup.constraint(child.get(), constraint).filter(x -> x.type() == ConstraintType.FOREIGN_KEY);
            if (c.isPresent()) {
                var fk = c.get().foreignKey();
                return Optional.of(new DataQuestion.OrphanRows(
                        child.get().schema(),
                        child.get().name(),
                        c.get().columns(),
                        fk.referencedSchema(),
                        fk.referencedTable(),
                        fk.referencedColumns()));
            }
        }
        if (table == null || parent == null || column == null) {
            return Optional.empty();
        }
        List<String> columns = split(column);
        List<String> refColumns = primaryKey(lookup, f.objects().get("schema"), parent);
        if (refColumns.size() != columns.size()) {
            return Optional.empty();
        }
        return Optional.of(new DataQuestion.OrphanRows(
                lookup.schemaOf(f.objects().get("schema")),
                actual(lookup, null, table),
                columns,
                lookup.schemaOf(f.objects().get("schema")),
                actual(lookup, null, parent),
                refColumns));
    }

    private static Optional<DataQuestion> duplicates(Finding f, List<Effect> effects, CatalogLookup lookup) {
        for (Effect e : effects) {
            if (e instanceof Effect.CreateIndex i && i.unique()) {
                return Optional.of(new DataQuestion.DuplicateKeys(
                        lookup.schemaOf(i.schema()), actual(lookup, i.schema(), i.table()), i.columns()));
            }
            if (e instanceof Effect.AddConstraint a
                    && ("UNIQUE".equals(a.constraint().kind())
                            || "PRIMARY_KEY".equals(a.constraint().kind()))) {
                return Optional.of(new DataQuestion.DuplicateKeys(
                        lookup.schemaOf(a.schema()),
                        actual(lookup, a.schema(), a.table()),
                        a.constraint().columns()));
            }
        }
        String table = f.objects().get("table");
        String column = f.objects().get("column");
        if (table == null || column == null) {
            return Optional.empty();
        }
        return Optional.of(new DataQuestion.DuplicateKeys(
                lookup.schemaOf(f.objects().get("schema")), actual(lookup, null, table), split(column)));
    }

    private static Optional<DataQuestion> nulls(Finding f, List<Effect> effects, CatalogLookup lookup) {
        for (Effect e : effects) {
            if (e instanceof Effect.AddColumn a
                    && !a.column().nullable()
                    && a.column().defaultValue() == null
                    && lookup.table(a.schema(), a.table())
                            .filter(t -> t.column(a.column().name()).isEmpty())
                            .isPresent()) {
                return Optional.of(new DataQuestion.RowsForNewColumn(
                        lookup.schemaOf(a.schema()),
                        actual(lookup, a.schema(), a.table()),
                        a.column().name()));
            }
            if (e instanceof Effect.ModifyColumn m && Boolean.FALSE.equals(m.nullable())) {
                return Optional.of(new DataQuestion.NullValues(
                        lookup.schemaOf(m.schema()), actual(lookup, m.schema(), m.table()), m.column()));
            }
            if (e instanceof Effect.AddConstraint a
                    && "PRIMARY_KEY".equals(a.constraint().kind())
                    && a.constraint().columns().size() == 1) {
                return Optional.of(new DataQuestion.NullValues(
                        lookup.schemaOf(a.schema()),
                        actual(lookup, a.schema(), a.table()),
                        a.constraint().columns().get(0)));
            }
        }
        String table = f.objects().get("table");
        String column = f.objects().get("column");
        return table == null || column == null
                ? Optional.empty()
                : Optional.of(new DataQuestion.NullValues(
                        lookup.schemaOf(f.objects().get("schema")), actual(lookup, null, table), column));
    }

    /**
     * The rows a new CHECK refuses: its expression from the failing statement ({@code ADD [CONSTRAINT x] CHECK (…)}),
     * else from the catalog when the constraint exists already (an INSERT or UPDATE refused by it). Empty when neither
     * gives the expression. The repair that fixes those rows asks the same question.
     */
    public static Optional<DataQuestion.CheckViolations> checkViolations(
            Finding f, List<Effect> effects, CatalogLookup lookup) {
        String named = f.objects().get("constraint");
        for (Effect e : effects) {
            if (e instanceof Effect.AddConstraint a
                    && "CHECK".equals(a.constraint().kind())
                    && a.constraint().checkExpression() != null
                    && (named == null
                            || a.constraint().name() == null
                            || a.constraint().name().equalsIgnoreCase(named))) {
                Optional<Table> table = lookup.table(a.schema(), a.table());
                return Optional.of(new DataQuestion.CheckViolations(
                        lookup.schemaOf(a.schema()),
                        actual(lookup, a.schema(), a.table()),
                        a.constraint().name() != null ? a.constraint().name() : named,
                        a.constraint().checkExpression(),
                        table.map(DataQuestions::singleKey).orElse(null)));
            }
        }
        String tableName = f.objects().get("table");
        if (tableName == null || named == null) {
            return Optional.empty();
        }
        Optional<Table> table = lookup.table(f.objects().get("schema"), tableName);
        return table.flatMap(t -> lookup.constraint(t, named)
                .filter(c -> c.type() == ConstraintType.CHECK && c.checkExpression() != null)
                .map(c -> new DataQuestion.CheckViolations(
                        t.schema(), t.name(), c.name(), c.checkExpression(), singleKey(t))));
    }

    /** A one-column primary key names example rows; none otherwise. */
    private static String singleKey(Table t) {
        List<String> pk = primaryKey(t);
        return pk.size() == 1 ? pk.get(0) : null;
    }

    /** The values the new type cannot hold, from the column's type now (the confirmation put both types in the objects). */
    /** The values a type change cannot convert: the same question for diagnosis, the repair and its check. */
    public static Optional<DataQuestion.UnfitValues> unfit(Finding f, CatalogLookup lookup) {
        String table = f.objects().get("table");
        String column = f.objects().get("column");
        String type = f.objects().get("newType");
        TypeFit.Limits limits = TypeFit.limits(f.objects().get("currentType"), type);
        if (table == null || column == null || limits == null) {
            return Optional.empty();
        }
        String schema = f.objects().get("schema");
        List<String> key = primaryKey(lookup, schema, table);
        return Optional.of(new DataQuestion.UnfitValues(
                lookup.schemaOf(schema),
                actual(lookup, schema, table),
                column,
                key.size() == 1 ? key.get(0) : null,
                limits.maxLength(),
                limits.min(),
                limits.max(),
                limits.text(),
                type));
    }

    /** The lock message rarely names the table; the statement that waited does. */
    private static DataQuestion lockHolders(Finding f, List<Effect> effects, CatalogLookup lookup) {
        String table = f.objects().get("table");
        String schema = f.objects().get("schema");
        for (Effect e : effects) {
            if (table != null) {
                break;
            }
            if (e instanceof Effect.AddColumn a) {
                table = a.table();
                schema = a.schema();
            } else if (e instanceof Effect.AddConstraint a) {
                table = a.table();
                schema = a.schema();
            } else if (e instanceof Effect.CreateIndex i) {
                table = i.table();
                schema = i.schema();
            } else if (e instanceof Effect.ModifyColumn m) {
                table = m.table();
                schema = m.schema();
            } else if (e instanceof Effect.DropColumn d) {
                table = d.table();
                schema = d.schema();
            }
        }
        return new DataQuestion.LockHolders(
                lookup.schemaOf(schema), table == null ? null : actual(lookup, schema, table));
    }

    private static List<String> primaryKey(Table t) {
        return t.constraints().stream()
                .filter(c -> c.type() == ConstraintType.PRIMARY_KEY)
                .findFirst()
                .map(Constraint::columns)
                .orElse(List.of());
    }

    private static List<String> primaryKey(CatalogLookup lookup, String schema, String table) {
        return lookup.table(schema, table).map(DataQuestions::primaryKey).orElse(List.of());
    }

    /** The table's name as the catalog spells it (PostgreSQL folds unquoted names). */
    private static String actual(CatalogLookup lookup, String schema, String table) {
        return lookup.table(schema, table).map(Table::name).orElse(table);
    }

    private static List<String> split(String columns) {
        return Arrays.stream(columns.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
