package io.migrescue.diff;

import io.migrescue.model.Index;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Indexes of a matched table: by name, then an index left over on each side with the same definition is the same
 * index renamed. Indexes that a primary key, unique or exclusion constraint builds are the constraint's business
 * ({@link ConstraintDiff}), so they are not compared twice.
 */
final class IndexDiff {
    private IndexDiff() {}

    static void compare(TablePair pair, DiffContext ctx, List<Difference> out) {
        List<Index> source = Indexes.own(pair.source());
        List<Index> target = new ArrayList<>(Indexes.own(pair.target()));
        List<Index> sourceLeft = new ArrayList<>();
        for (Index s : source) {
            Index t = target.stream()
                    .filter(i -> i.name().equals(s.name()))
                    .findFirst()
                    .orElse(null);
            if (t == null) {
                sourceLeft.add(s);
                continue;
            }
            target.remove(t);
            differences(pair, s, t, ctx, out);
        }
        for (Index s : sourceLeft) {
            Index renamed = target.stream()
                    .filter(t -> sameShape(s, t, ctx))
                    .findFirst()
                    .orElse(null);
            String object = pair.object() + "." + s.name();
            if (renamed != null) {
                target.remove(renamed);
                out.add(Difference.differs(
                        DifferenceKind.INDEX_NAME_DIFFERS,
                        object,
                        s.name(),
                        renamed.name(),
                        new Subject.OfIndex(pair, s, renamed)));
            } else {
                out.add(OneSided.INDEX.missing(pair, s, null));
            }
        }
        target.forEach(t -> out.add(OneSided.INDEX.missing(pair, null, t)));
    }

    private static void differences(TablePair pair, Index s, Index t, DiffContext ctx, List<Difference> out) {
        String object = pair.object() + "." + s.name();
        Subject subject = new Subject.OfIndex(pair, s, t);
        int before = out.size();
        if (!columns(s, ctx.source()).equals(columns(t, ctx.target()))) {
            out.add(Difference.differs(
                    DifferenceKind.INDEX_COLUMNS_DIFFER,
                    object,
                    Definitions.columns(s.columns()),
                    Definitions.columns(t.columns()),
                    subject));
        }
        if (s.unique() != t.unique()) {
            out.add(Difference.differs(
                    DifferenceKind.INDEX_UNIQUENESS_DIFFERS,
                    object,
                    s.unique() ? "unique" : "not unique",
                    t.unique() ? "unique" : "not unique",
                    subject));
        }
        if (!Objects.equals(s.method(), t.method())) {
            out.add(Difference.differs(DifferenceKind.INDEX_METHOD_DIFFERS, object, s.method(), t.method(), subject));
        }
        if (!Objects.equals(ctx.source().normalize(s.predicate()), ctx.target().normalize(t.predicate()))) {
            out.add(Difference.differs(
                    DifferenceKind.INDEX_PREDICATE_DIFFERS, object, s.predicate(), t.predicate(), subject));
        }
        if (out.size() == before && !Objects.equals(tail(s, ctx.source()), tail(t, ctx.target()))) {
            out.add(Difference.differs(
                    DifferenceKind.INDEX_DEFINITION_DIFFERS, object, s.definition(), t.definition(), subject));
        }
    }

    static boolean sameShape(Index s, Index t, DiffContext ctx) {
        return columns(s, ctx.source()).equals(columns(t, ctx.target()))
                && s.unique() == t.unique()
                && Objects.equals(s.method(), t.method())
                && Objects.equals(
                        ctx.source().normalize(s.predicate()), ctx.target().normalize(t.predicate()))
                && Objects.equals(tail(s, ctx.source()), tail(t, ctx.target()));
    }

    private static List<String> columns(Index i, Expressions names) {
        return i.columns().stream().map(names::normalize).toList();
    }

    /**
     * What PostgreSQL's definition says after the method ({@code USING btree (name DESC) INCLUDE (id) WHERE …}): sort
     * order, operator classes, INCLUDE and storage parameters, which the structured fields do not carry.
     */
    private static String tail(Index i, Expressions names) {
        if (i.definition() == null) {
            return null;
        }
        int using = i.definition().indexOf(" USING ");
        return using < 0 ? null : names.normalize(i.definition().substring(using));
    }
}
