package io.migrescue.diff.script;

import io.migrescue.diff.Subject;
import io.migrescue.model.DefinedObject;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL and MariaDB partitioning, changed partition by partition where the method and expression agree: partitions the
 * target lacks after the ones both have are added ({@code ADD PARTITION}), ones it has in their place are reorganized
 * into the source's ({@code REORGANIZE PARTITION … INTO}), extra ones dropped (their rows go: data loss); hash and key
 * partitions are added or coalesced by count. A table partitioned otherwise, or not at all, is partitioned as the
 * source is ({@code PARTITION BY}, which copies its rows) or has its partitioning removed.
 */
final class MySqlPartitionChanges {
    private static final Pattern NAME = Pattern.compile("^PARTITION (`(?:[^`]|``)*`)");

    private MySqlPartitionChanges() {}

    static Change of(Subject.OfDefined s, String object) {
        String what = "table " + object;
        DefinedObject source = s.source();
        DefinedObject target = s.target();
        if (target == null) {
            return Change.of(
                            "partition " + what + " as the source is",
                            List.of(new Step(Phase.PARTITIONING, source.create())),
                            List.of(new Step(Phase.REMOVE_PARTITIONING, source.drop())))
                    .withWarning("copies the table's rows into the partitions; fails if a row fits none");
        }
        if (source == null) {
            return Change.of(
                    "remove partitioning of " + what,
                    List.of(new Step(Phase.REMOVE_PARTITIONING, target.drop())),
                    List.of(new Step(Phase.PARTITIONING, target.create())));
        }
        String table = target.drop().substring(0, target.drop().length() - " REMOVE PARTITIONING".length());
        List<String> sp = lines(source);
        List<String> tp = lines(target);
        if (sp.get(0).equals(tp.get(0))) {
            int common = 1;
            while (common < sp.size() && common < tp.size() && sp.get(common).equals(tp.get(common))) {
                common++;
            }
            List<String> sRest = sp.subList(common, sp.size());
            List<String> tRest = tp.subList(common, tp.size());
            String head = sp.get(0);
            boolean hashed = head.startsWith("HASH") || head.startsWith("KEY") || head.startsWith("LINEAR");
            if (tRest.isEmpty()) {
                return Change.of(
                        "add partitions " + names(sRest) + " to " + what,
                        step(table + " ADD PARTITION "
                                + (hashed && serverNamed(sp)
                                        ? "PARTITIONS " + sRest.size()
                                        : "(" + String.join(", ", sRest) + ")")),
                        step(table + remove(hashed, sRest)));
            }
            if (sRest.isEmpty()) {
                Change drop = Change.of(
                        (hashed ? "coalesce" : "drop") + " partitions " + names(tRest) + " of " + what,
                        step(table + remove(hashed, tRest)),
                        step(table + " ADD PARTITION "
                                + (hashed && serverNamed(tp)
                                        ? "PARTITIONS " + tRest.size()
                                        : "(" + String.join(", ", tRest) + ")")));
                return hashed ? drop : drop.asDestructive();
            }
            if (!hashed) {
                return Change.of(
                                "reorganize partitions " + names(tRest) + " of " + what + " into " + names(sRest),
                                step(table + " REORGANIZE PARTITION " + names(tRest) + " INTO ("
                                        + String.join(", ", sRest) + ")"),
                                step(table + " REORGANIZE PARTITION " + names(sRest) + " INTO ("
                                        + String.join(", ", tRest) + ")"))
                        .withWarning("copies the rows of those partitions; fails if a row fits none of the new ones");
            }
        }
        return Change.of("partition " + what + " as the source is", step(source.create()), step(target.create()))
                .withWarning("copies the table's rows into the new partitions; fails if a row fits none");
    }

    /** Hash and key partitions are taken away by count (their rows go to the others), range and list ones by name. */
    private static String remove(boolean hashed, List<String> partitions) {
        return hashed ? " COALESCE PARTITION " + partitions.size() : " DROP PARTITION " + names(partitions);
    }

    /** Hash or key partitions the server named (p0, p1, …): added by count, so that they stay counted. */
    private static boolean serverNamed(List<String> lines) {
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).equals("PARTITION `p" + (i - 1) + "`")) {
                return false;
            }
        }
        return true;
    }

    private static List<Step> step(String sql) {
        return List.of(new Step(Phase.PARTITIONING, sql));
    }

    /** The method and expression, then one partition a line, as the catalog reader writes them. */
    private static List<String> lines(DefinedObject o) {
        return Arrays.asList(o.definition().split("\n"));
    }

    private static String names(List<String> partitions) {
        return String.join(
                ", ",
                partitions.stream()
                        .map(p -> {
                            Matcher m = NAME.matcher(p);
                            return m.find() ? m.group(1) : p;
                        })
                        .toList());
    }
}
