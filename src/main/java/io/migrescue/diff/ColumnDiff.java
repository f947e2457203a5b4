package io.migrescue.diff;

import io.migrescue.model.Column;
import io.migrescue.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Columns of a matched table, matched by name. Their positions are ignored: column order differs between databases
 * built by different histories and means nothing to SQL (field report 02 lists five such tables as cosmetic); it is
 * reported only when asked for.
 */
final class ColumnDiff {
    private ColumnDiff() {}

    static void compare(TablePair pair, DiffContext ctx, List<Difference> out) {
        Table source = pair.source();
        Table target = pair.target();
        String table = pair.object();
        for (Column s : source.columns()) {
            Column t = target.columns().stream()
                    .filter(c -> c.name().equals(s.name()))
                    .findFirst()
                    .orElse(null);
            String object = table + "." + s.name();
            if (t == null) {
                out.add(OneSided.COLUMN.missing(pair, s, null));
                continue;
            }
            Subject subject = new Subject.OfColumn(pair, s, t);
            if (!ctx.source().normalize(s.type()).equals(ctx.target().normalize(t.type()))) {
                out.add(Difference.differs(DifferenceKind.COLUMN_TYPE_DIFFERS, object, s.type(), t.type(), subject));
            }
            if (s.nullable() != t.nullable()) {
                out.add(Difference.differs(
                        DifferenceKind.COLUMN_NULLABILITY_DIFFERS,
                        object,
                        Definitions.nullability(s),
                        Definitions.nullability(t),
                        subject));
            }
            if (!Objects.equals(
                    ctx.source().normalize(s.defaultValue()), ctx.target().normalize(t.defaultValue()))) {
                out.add(Difference.differs(
                        DifferenceKind.COLUMN_DEFAULT_DIFFERS, object, s.defaultValue(), t.defaultValue(), subject));
            }
            String sourceExtra = ctx.source().normalize(Expressions.extra(s.extra()));
            String targetExtra = ctx.target().normalize(Expressions.extra(t.extra()));
            if (!sourceExtra.equals(targetExtra)) {
                out.add(Difference.differs(
                        DifferenceKind.COLUMN_EXTRA_DIFFERS,
                        object,
                        blankToNull(Expressions.extra(s.extra())),
                        blankToNull(Expressions.extra(t.extra())),
                        subject));
            }
        }
        for (Column t : target.columns()) {
            if (source.columns().stream().noneMatch(c -> c.name().equals(t.name()))) {
                out.add(OneSided.COLUMN.missing(pair, null, t));
            }
        }
        if (ctx.options().columnOrder()) {
            List<String> sourceOrder = commonOrder(source, target);
            List<String> targetOrder = commonOrder(target, source);
            if (!sourceOrder.equals(targetOrder)) {
                out.add(Difference.differs(
                        DifferenceKind.COLUMN_ORDER_DIFFERS,
                        table,
                        String.join(", ", sourceOrder),
                        String.join(", ", targetOrder),
                        new Subject.OfColumnOrder(pair)));
            }
        }
    }

    /** The columns both tables have, in {@code table}'s order: a column added on one side only is not an order change. */
    private static List<String> commonOrder(Table table, Table other) {
        List<String> names = new ArrayList<>();
        table.columns().stream()
                .sorted(java.util.Comparator.comparingInt(Column::position))
                .filter(c -> other.columns().stream().anyMatch(o -> o.name().equals(c.name())))
                .forEach(c -> names.add(c.name()));
        return names;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
