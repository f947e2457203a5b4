package io.migrescue.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** What a mistyped command or option most likely meant: names a few keystrokes away (picocli's own guess is loose). */
public final class Typos {
    private Typos() {}

    /** The closest names, best first; none when nothing is close (a word that is no typo gets no suggestion). */
    public static List<String> closest(String word, Collection<String> names) {
        int limit = Math.max(1, Math.min(3, word.replaceFirst("^-+", "").length() / 3));
        return names.stream()
                .filter(n -> distance(word, n) <= limit)
                .sorted(Comparator.comparingInt((String n) -> distance(word, n)).thenComparing(n -> n))
                .limit(2)
                .toList();
    }

    /** Edit distance counting a swap of two neighbours as one edit ("stauts"). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
