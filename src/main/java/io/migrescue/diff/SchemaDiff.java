package io.migrescue.diff;

import io.migrescue.model.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares two snapshots: schemas, enum types, sequences, tables (columns, indexes, constraints) and migration
 * histories. Pure: what was read in, a list of differences out. A table missing on one side is one difference; its
 * columns, indexes and constraints are not listed again.
 */
public final class SchemaDiff {
    private SchemaDiff() {
    }

    public static DiffResult compare(Snapshot source, Snapshot target, DiffOptions options) {
        SchemaMapping mapping = new SchemaMapping(source.scope(), target.scope());
        Matching matching = new Matching(mapping, source.catalog().tables(), target.catalog().tables());
        DiffContext ctx = new DiffContext(matching, new Expressions(source.scope()), new Expressions(target.scope()), options);
        List<Difference> out = new ArrayList<>();
        schemas(source, target, out);
        TypeDiff.enums(source.catalog().enumTypes(), target.catalog().enumTypes(), mapping, out);
        TypeDiff.sequences(source.catalog().sequences(), target.catalog().sequences(), mapping, out);
        DefinedObjectDiff.compare(source.definedObjects(), target.definedObjects(), mapping, out);
        for (TablePair pair : matching.pairs()) {
            if (pair.matched()) {
                ColumnDiff.compare(pair, ctx, out);
                IndexDiff.compare(pair, ctx, out);
                ConstraintDiff.compare(pair, ctx, out);
            } else {
                DiffSide missingIn = pair.source() == null ? DiffSide.SOURCE : DiffSide.TARGET;
                Table present = pair.source() != null ? pair.source() : pair.target();
                out.add(Difference.missing(DifferenceKind.MISSING_TABLE, pair.object(), missingIn,
                        present.columns().size() + " columns", new Subject.OfTable(pair)));
            }
        }
        if (options.history()) {
            HistoryDiff.compare(source.histories(), target.histories(), out);
        }
        return new DiffResult(source.catalog().engine(), out, matching,
                Coverage.of(source.catalog().engine(), options));
    }

    /** A schema both sides name in their scope that exists on one server only. */
    private static void schemas(Snapshot source, Snapshot target, List<Difference> out) {
        for (String name : source.scope()) {
            if (!target.scope().contains(name)) {
                continue;
            }
            boolean inSource = source.existingSchemas().contains(name);
            boolean inTarget = target.existingSchemas().contains(name);
            if (inSource != inTarget) {
                out.add(Difference.missing(DifferenceKind.MISSING_SCHEMA, name, inSource ? DiffSide.TARGET : DiffSide.SOURCE,
                        null, new Subject.OfSchema(name)));
            }
        }
    }
}
