package io.migrescue.diagnosis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The tool's history against the migration files: applied rows with no file (renamed, or gone), and files not applied
 * though a later one is (out of order). A row is matched to a renamed file only on evidence: the same checksum as the
 * tool records it, or, for a tool that records none, a file not applied whose every statement is in effect. When more
 * than one file could be it, the answer names them all and picks none: only a person can tell.
 */
public final class HistoryVsFiles {
    private HistoryVsFiles() {}

    /** An applied row whose id names no file. {@code checksum}: as the tool stored it, or null. */
    public record Recorded(String id, String checksum) {}

    /**
     * A migration file no history row names.
     *
     * @param checksum     what the tool would record for it now, or null when the tool records none
     * @param inEffect     every statement of it is in effect in the live schema (and there is at least one)
     * @param beforeNewest it sorts before the newest file the history records as applied
     */
    public record Pending(String id, String fileName, String checksum, boolean inEffect, boolean beforeNewest) {}

    /** A row whose file was renamed: {@code by} is {@code checksum} or {@code effects}. */
    public record Renamed(Recorded row, Pending file, String by) {}

    /**
     * A row no file matches: {@code candidates} empty when no file could be it, several when it cannot be told
     * which.
     */
    public record Missing(Recorded row, List<Pending> candidates) {
        public Missing {
            candidates = List.copyOf(candidates);
        }

        public boolean ambiguous() {
            return !candidates.isEmpty();
        }
    }

    public record Result(List<Renamed> renamed, List<Missing> missing, List<Pending> outOfOrder) {
        public Result {
            renamed = List.copyOf(renamed);
            missing = List.copyOf(missing);
            outOfOrder = List.copyOf(outOfOrder);
        }

        public boolean empty() {
            return renamed.isEmpty() && missing.isEmpty() && outOfOrder.isEmpty();
        }
    }

    public static Result compare(List<Recorded> rows, List<Pending> files) {
        List<Pending> free = new ArrayList<>(files);
        Map<Recorded, Renamed> renamed = new LinkedHashMap<>();
        Map<Recorded, List<Pending>> ambiguous = new LinkedHashMap<>();
        // the same checksum is the strongest evidence: the content did not change, only the name
        for (Recorded row : rows) {
            if (row.checksum() == null) {
                continue;
            }
            List<Pending> same = free.stream()
                    .filter(f -> row.checksum().equals(f.checksum()))
                    .toList();
            if (same.size() == 1) {
                renamed.put(row, new Renamed(row, same.get(0), "checksum"));
                free.remove(same.get(0));
            } else if (same.size() > 1) {
                ambiguous.put(row, same);
            }
        }
        // then the schema: a file not applied whose every statement is in effect ran under its old name
        List<Recorded> left = rows.stream()
                .filter(r -> !renamed.containsKey(r) && !ambiguous.containsKey(r))
                .toList();
        List<Pending> inEffect = free.stream().filter(Pending::inEffect).toList();
        // first the pairs the name confirms (the same words or the same number), then one row left with one file left
        for (Recorded row : left) {
            List<Pending> named = inEffect.stream()
                    .filter(f -> free.contains(f) && sameName(row.id(), f.id()))
                    .toList();
            if (named.size() == 1) {
                renamed.put(row, new Renamed(row, named.get(0), "effects"));
                free.remove(named.get(0));
            }
        }
        List<Recorded> unmatched =
                left.stream().filter(r -> !renamed.containsKey(r)).toList();
        for (Recorded row : unmatched) {
            List<Pending> candidates = inEffect.stream().filter(free::contains).toList();
            if (candidates.size() == 1 && unmatched.size() == 1) {
                renamed.put(row, new Renamed(row, candidates.get(0), "effects"));
                free.remove(candidates.get(0));
            } else if (!candidates.isEmpty()) {
                ambiguous.put(row, candidates);
            }
        }
        List<Missing> missing = new ArrayList<>();
        for (Recorded row : rows) {
            if (!renamed.containsKey(row)) {
                missing.add(new Missing(row, ambiguous.getOrDefault(row, List.of())));
            }
        }
        List<Pending> outOfOrder = free.stream().filter(Pending::beforeNewest).toList();
        return new Result(List.copyOf(renamed.values()), missing, outOfOrder);
    }

    /**
     * The same words after the number in front ({@code 20240101_create_orders.js} and {@code
     * 20240302_create_orders.js}),
     * or the same number with other words: a hint that breaks a tie between files in effect, never a match alone.
     */
    static boolean sameName(String a, String b) {
        String[] pa = split(a);
        String[] pb = split(b);
        return !pa[1].isEmpty() && pa[1].equals(pb[1]) || !pa[0].isEmpty() && pa[0].equals(pb[0]);
    }

    /** {number, words} of a migration name, its extension dropped and its words lower-cased. */
    private static String[] split(String name) {
        String stem = name.replaceAll("\\.(up\\.sql|sql|js|cjs|mjs|ts|rb|php|py)$", "");
        int i = stem.startsWith("V") || stem.startsWith("v") ? 1 : 0;
        int start = i;
        while (i < stem.length()
                && (Character.isDigit(stem.charAt(i))
                        || stem.charAt(i) == '.'
                        || stem.charAt(i) == '_' && i + 1 < stem.length() && Character.isDigit(stem.charAt(i + 1)))) {
            i++;
        }
        String number = stem.substring(start, i);
        String words = stem.substring(i).replaceAll("^[_\\-]+", "").toLowerCase(Locale.ROOT);
        return new String[] {Objects.requireNonNullElse(number, ""), words};
    }
}
