package io.migrescue.diff;

import io.migrescue.model.DefinedObject;
import io.migrescue.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares two snapshots: schemas, enum types, sequences, tables (columns, indexes, constraints) and migration
 * histories. Pure: what was read in, a list of differences out. A table missing on one side is one difference; its
 * columns, indexes and constraints are not listed again.
 */
public final class SchemaDiff {
    private SchemaDiff() {}

    public static DiffResult compare(Snapshot source, Snapshot target, DiffOptions options) {
        SchemaMapping mapping = new SchemaMapping(source.scope(), target.scope());
        Matching matching = new Matching(mapping, unpartitioned(source), unpartitioned(target));
        DiffContext ctx =
                new DiffContext(matching, new Expressions(source.scope()), new Expressions(target.scope()), options);
        List<Difference> out = new ArrayList<>();
        schemas(source, target, out);
        TypeDiff.enums(source.catalog().enumTypes(), target.catalog().enumTypes(), mapping, out);
        TypeDiff.sequences(source.catalog().sequences(), target.catalog().sequences(), mapping, out);
        DefinedObjectDiff.compare(compared(source, options), compared(target, options), mapping, out);
        for (TablePair pair : matching.pairs()) {
            if (pair.matched()) {
                partitionKey(pair, out);
                ColumnDiff.compare(pair, ctx, out);
                IndexDiff.compare(pair, ctx, out);
                ConstraintDiff.compare(pair, ctx, out);
            } else {
                DiffSide missingIn = pair.source() == null ? DiffSide.SOURCE : DiffSide.TARGET;
                Table present = pair.source() != null ? pair.source() : pair.target();
                out.add(Difference.missing(
                        DifferenceKind.MISSING_TABLE,
                        pair.object(),
                        missingIn,
                        present.columns().size() + " columns",
                        new Subject.OfTable(pair)));
            }
        }
        if (options.history()) {
            HistoryDiff.compare(source.histories(), target.histories(), out);
        }
        return new DiffResult(
                source.catalog().engine(),
                out,
                matching,
                Coverage.of(source.catalog().engine(), options));
    }

    /** Partitions are compared as partitions (their parent and bound): they have their parent's columns. */
    private static List<Table> unpartitioned(Snapshot side) {
        Set<String> partitions = side.definedObjects().stream()
                .filter(o -> o.kind().equals("partition"))
                .map(DefinedObject::qualifiedName)
                .collect(Collectors.toSet());
        return side.catalog().tables().stream()
                .filter(t -> !partitions.contains(t.qualifiedName()))
                .toList();
    }

    private static List<DefinedObject> compared(Snapshot side, DiffOptions options) {
        return side.definedObjects().stream()
                .filter(o -> options.privileges() || !o.kind().equals("privilege"))
                .toList();
    }

    private static void partitionKey(TablePair pair, List<Difference> out) {
        String source = pair.source().partitionBy();
        String target = pair.target().partitionBy();
        if (!Objects.equals(source, target)) {
            out.add(Difference.differs(
                    DifferenceKind.PARTITION_KEY_DIFFERS,
                    pair.object(),
                    source == null ? "not partitioned" : source,
                    target == null ? "not partitioned" : target,
                    new Subject.OfTable(pair)));
        }
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
                out.add(Difference.missing(
                        DifferenceKind.MISSING_SCHEMA,
                        name,
                        inSource ? DiffSide.TARGET : DiffSide.SOURCE,
                        null,
                        new Subject.OfSchema(name)));
            }
        }
    }
}
