package io.migrescue.diff.script;

import io.migrescue.diff.DiffSide;
import io.migrescue.diff.Difference;
import io.migrescue.diff.DifferenceKind;
import io.migrescue.diff.QualifiedName;
import io.migrescue.diff.Subject;
import io.migrescue.model.Column;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The changes of one column: added or dropped, or altered in place (all its differences in one change, since MySQL
 * restates a column whole), or on PostgreSQL dropped and added again when it is or becomes generated.
 */
record ColumnChanges(Ddl ddl) {
    Change missingColumn(Subject.OfColumn s, Difference d) {
        QualifiedName table = s.tables().targetName();
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

    Change column(Subject.OfColumn s, String object, Set<DifferenceKind> kinds) {
        QualifiedName table = s.tables().targetName();
        var forward = ddl.alterColumn(table, s.target(), s.source(), kinds);
        var backward = ddl.alterColumn(table, s.source(), s.target(), kinds);
        String summary = "change column " + object + " (" + ChangePlanner.aspects(kinds) + ")";
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
}
