package io.migrescue.diff;

import io.migrescue.model.Column;
import io.migrescue.model.Constraint;
import io.migrescue.model.Index;
import java.util.function.Function;

/**
 * A kind of table member (column, index, constraint) as a difference names it when only one side has it: one place
 * for which MISSING_ kind, how the member is named after its table, and which definition the difference shows.
 *
 * @param <T> the member's model type
 */
record OneSided<T>(DifferenceKind kind, Function<T, String> name, Function<T, String> definition, Pair<T> subject) {
    static final OneSided<Column> COLUMN =
            new OneSided<>(DifferenceKind.MISSING_COLUMN, Column::name, Definitions::column, Subject.OfColumn::new);
    static final OneSided<Index> INDEX =
            new OneSided<>(DifferenceKind.MISSING_INDEX, Index::name, Definitions::index, Subject.OfIndex::new);
    static final OneSided<Constraint> CONSTRAINT = new OneSided<>(
            DifferenceKind.MISSING_CONSTRAINT, Constraint::name, Definitions::constraint, Subject.OfConstraint::new);

    /** The subject of a difference about the member on both sides (either may be null). */
    interface Pair<T> {
        Subject of(TablePair tables, T source, T target);
    }

    /** A member exactly one side has ({@code source} or {@code target}, the other null): the other side misses it. */
    Difference missing(TablePair pair, T source, T target) {
        T present = source != null ? source : target;
        return Difference.missing(
                kind,
                pair.object() + "." + name.apply(present),
                source != null ? DiffSide.TARGET : DiffSide.SOURCE,
                definition.apply(present),
                subject.of(pair, source, target));
    }
}
