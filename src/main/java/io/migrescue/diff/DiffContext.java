package io.migrescue.diff;

import io.migrescue.model.ForeignKey;

/** What every comparison needs: the table matching, each side's name normalizer, the options. */
record DiffContext(Matching matching, Expressions source, Expressions target, DiffOptions options) {

    /** Whether two foreign keys point at the same table: the source's reference as the target names it. */
    boolean sameReferencedTable(ForeignKey source, ForeignKey target) {
        QualifiedName wanted = matching.inTarget(source.referencedSchema(), source.referencedTable());
        return wanted.equals(new QualifiedName(target.referencedSchema(), target.referencedTable()));
    }
}
