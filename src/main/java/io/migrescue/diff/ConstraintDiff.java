package io.migrescue.diff;

import io.migrescue.model.Constraint;
import io.migrescue.model.ConstraintType;
import io.migrescue.model.ForeignKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Constraints of a matched table. The primary keys are paired whatever their names; the others by name; a constraint
 * left over on each side with the same definition is the same constraint renamed; and a foreign key left over on each
 * side pointing at the same table is one foreign key defined two ways (field report 02: a single-column key in dev, a
 * composite city-scoped one in prod), reported as one difference rather than two missing keys.
 */
final class ConstraintDiff {
    private ConstraintDiff() {}

    static void compare(TablePair pair, DiffContext ctx, List<Difference> out) {
        List<Constraint> source = new ArrayList<>(pair.source().constraints());
        List<Constraint> target = new ArrayList<>(pair.target().constraints());
        Constraint sourcePk = primaryKey(source);
        Constraint targetPk = primaryKey(target);
        if (sourcePk != null && targetPk != null) {
            source.remove(sourcePk);
            target.remove(targetPk);
            matched(pair, sourcePk, targetPk, ctx, out);
        }
        List<Constraint> sourceLeft = new ArrayList<>();
        for (Constraint s : source) {
            Constraint t = target.stream()
                    .filter(c -> c.name().equals(s.name()) && c.type() == s.type())
                    .findFirst()
                    .orElse(null);
            if (t == null) {
                sourceLeft.add(s);
            } else {
                target.remove(t);
                matched(pair, s, t, ctx, out);
            }
        }
        for (Constraint s : List.copyOf(sourceLeft)) {
            Constraint t = target.stream()
                    .filter(c -> sameDefinition(s, c, ctx))
                    .findFirst()
                    .or(() -> onlyForeignKeyTo(s, sourceLeft, target, ctx))
                    .orElse(null);
            if (t != null) {
                sourceLeft.remove(s);
                target.remove(t);
                matched(pair, s, t, ctx, out);
            }
        }
        sourceLeft.forEach(s -> out.add(OneSided.CONSTRAINT.missing(pair, s, null)));
        target.forEach(t -> out.add(OneSided.CONSTRAINT.missing(pair, null, t)));
    }

    /** Two constraints taken to be the same one: how their definitions (and names) differ, if at all. */
    private static void matched(TablePair pair, Constraint s, Constraint t, DiffContext ctx, List<Difference> out) {
        String object = pair.object() + "." + s.name();
        Subject subject = new Subject.OfConstraint(pair, s, t);
        if (sameDefinition(s, t, ctx)) {
            if (!s.name().equals(t.name())) {
                out.add(Difference.differs(
                        DifferenceKind.CONSTRAINT_NAME_DIFFERS, object, s.name(), t.name(), subject));
            }
            return;
        }
        boolean renamed = !s.name().equals(t.name());
        String sourceText = (renamed ? "CONSTRAINT " + s.name() + " " : "") + Definitions.constraint(s);
        String targetText = (renamed ? "CONSTRAINT " + t.name() + " " : "") + Definitions.constraint(t);
        DifferenceKind kind = switch (s.type()) {
            case PRIMARY_KEY -> DifferenceKind.PRIMARY_KEY_DIFFERS;
            case UNIQUE -> DifferenceKind.UNIQUE_COLUMNS_DIFFER;
            case CHECK -> DifferenceKind.CHECK_DIFFERS;
            case EXCLUSION -> DifferenceKind.EXCLUSION_DIFFERS;
            case FOREIGN_KEY ->
                sameKeys(s, t, ctx)
                        ? DifferenceKind.FOREIGN_KEY_ACTIONS_DIFFER
                        : DifferenceKind.FOREIGN_KEY_COLUMNS_DIFFER;
        };
        out.add(Difference.differs(kind, object, sourceText, targetText, subject));
    }

    static boolean sameDefinition(Constraint s, Constraint t, DiffContext ctx) {
        if (s.type() != t.type()) {
            return false;
        }
        return switch (s.type()) {
            case PRIMARY_KEY, UNIQUE -> s.columns().equals(t.columns());
            case CHECK ->
                Objects.equals(
                        ctx.source().normalize(Expressions.unwrap(s.checkExpression())),
                        ctx.target().normalize(Expressions.unwrap(t.checkExpression())));
            case EXCLUSION ->
                Objects.equals(
                        ctx.source().normalize(s.definition()), ctx.target().normalize(t.definition()));
            case FOREIGN_KEY ->
                sameKeys(s, t, ctx)
                        && action(s.foreignKey().onDelete())
                                .equals(action(t.foreignKey().onDelete()))
                        && action(s.foreignKey().onUpdate())
                                .equals(action(t.foreignKey().onUpdate()));
        };
    }

    /** Same columns, same referenced table (as matched across the two sides), same referenced columns. */
    private static boolean sameKeys(Constraint s, Constraint t, DiffContext ctx) {
        ForeignKey sf = s.foreignKey();
        ForeignKey tf = t.foreignKey();
        return s.columns().equals(t.columns())
                && ctx.sameReferencedTable(sf, tf)
                && sf.referencedColumns().equals(tf.referencedColumns());
    }

    /** The one foreign key left on the target pointing where {@code s} points, if each side has exactly one such key. */
    private static Optional<Constraint> onlyForeignKeyTo(
            Constraint s, List<Constraint> sourceLeft, List<Constraint> target, DiffContext ctx) {
        if (s.type() != ConstraintType.FOREIGN_KEY) {
            return Optional.empty();
        }
        List<Constraint> sameTableInSource = sourceLeft.stream()
                .filter(Constraint::isForeignKey)
                .filter(c ->
                        c.foreignKey().referencedSchema().equals(s.foreignKey().referencedSchema())
                                && c.foreignKey()
                                        .referencedTable()
                                        .equals(s.foreignKey().referencedTable()))
                .toList();
        List<Constraint> candidates = target.stream()
                .filter(Constraint::isForeignKey)
                .filter(c -> ctx.sameReferencedTable(s.foreignKey(), c.foreignKey()))
                .toList();
        return sameTableInSource.size() == 1 && candidates.size() == 1
                ? Optional.of(candidates.get(0))
                : Optional.empty();
    }

    private static Constraint primaryKey(List<Constraint> constraints) {
        return constraints.stream()
                .filter(c -> c.type() == ConstraintType.PRIMARY_KEY)
                .findFirst()
                .orElse(null);
    }

    private static String action(String action) {
        return action == null ? "NO ACTION" : action.toUpperCase(Locale.ROOT);
    }
}
