package io.migrescue.sql;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A dotted numeric version compared part by part as numbers, the way Flyway does: {@code 1.10 > 1.9},
 * {@code 1 = 1.0 = 001}. Underscores separate parts too ({@code V1_1__x.sql} is version 1.1).
 */
public record Version(List<BigInteger> parts) implements Comparable<Version> {

    /** The version, or null when the text is not digits separated by dots or underscores. */
    public static Version parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        List<BigInteger> parts = new ArrayList<>();
        for (String part : text.split("[._]", -1)) {
            if (part.isEmpty() || !part.chars().allMatch(Character::isDigit)) {
                return null;
            }
            parts.add(new BigInteger(part));
        }
        return new Version(List.copyOf(parts));
    }

    @Override
    public int compareTo(Version other) {
        for (int i = 0; i < Math.max(parts.size(), other.parts.size()); i++) {
            int c = part(i).compareTo(other.part(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    public boolean sameAs(Version other) {
        return other != null && compareTo(other) == 0;
    }

    private BigInteger part(int i) {
        return i < parts.size() ? parts.get(i) : BigInteger.ZERO;
    }
}
