package io.migrescue.diff.script;

import io.migrescue.diff.DiffSide;
import io.migrescue.diff.Difference;
import io.migrescue.diff.Matching;
import io.migrescue.diff.QualifiedName;
import io.migrescue.diff.Subject;
import io.migrescue.model.Constraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The changes of one constraint: added (checked after the commit where the engine can), dropped, replaced or renamed,
 * with a foreign key's referenced table named as the target has it.
 */
record ConstraintChanges(Ddl ddl, Matching matching) {
    Change missingConstraint(Subject.OfConstraint s, Difference d) {
        QualifiedName table = s.tables().targetName();
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

    Change replaceConstraint(Subject.OfConstraint s, String object) {
        QualifiedName table = s.tables().targetName();
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

    Change renameConstraint(Subject.OfConstraint s, String object) {
        QualifiedName table = s.tables().targetName();
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

    /** A foreign key's referenced table in the target: the source's through the matching, the target's as it is. */
    QualifiedName referenced(Constraint c, DiffSide side) {
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
}
