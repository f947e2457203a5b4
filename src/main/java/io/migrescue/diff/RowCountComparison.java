package io.migrescue.diff;

import java.util.List;
import java.util.Map;

/** Row counts side by side, per table as matched. They are data, not drift: shown, never counted as a difference. */
public final class RowCountComparison {
    private RowCountComparison() {}

    public static List<TableCount> compare(
            Matching matching, Map<QualifiedName, Long> source, Map<QualifiedName, Long> target) {
        return matching.pairs().stream()
                .map(p -> new TableCount(
                        p.object(),
                        p.source() == null
                                ? null
                                : source.get(new QualifiedName(
                                        p.source().schema(), p.source().name())),
                        p.target() == null
                                ? null
                                : target.get(new QualifiedName(
                                        p.target().schema(), p.target().name()))))
                .toList();
    }
}
