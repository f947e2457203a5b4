package io.migrescue.diagnosis.error;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads identifiers as servers print them: {@code `db`.`t`}, {@code "s"."t"}, {@code 'db.t'}, {@code users}.
 * Quoted parts keep their dots ({@code `my.app`.`orders`} is schema {@code my.app}); an unquoted or single-quoted
 * {@code db.t} is split at its last dot, since that is how MySQL ({@code Table 'db.t' doesn't exist}) and PostgreSQL
 * ({@code relation "s.t" does not exist}) print a qualified name.
 */
final class Identifiers {
    private Identifiers() {}

    /** {@code [schema, name]}, schema null when the text does not qualify the name. */
    static String[] qualified(String raw) {
        if (raw == null) {
            return new String[] {null, null};
        }
        String s = raw.strip();
        List<String> parts = quotedParts(s);
        if (parts == null) {
            String bare = stripOuterQuotes(s);
            int dot = bare.lastIndexOf('.');
            if (dot <= 0 || dot == bare.length() - 1) {
                return new String[] {null, bare};
            }
            return new String[] {bare.substring(0, dot), bare.substring(dot + 1)};
        }
        if (parts.size() == 1) {
            return new String[] {null, parts.get(0)};
        }
        return new String[] {parts.get(parts.size() - 2), parts.get(parts.size() - 1)};
    }

    /** One identifier, quotes removed; dots inside are kept (a constraint or index name is never qualified). */
    static String unquote(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        List<String> parts = quotedParts(s);
        if (parts != null && parts.size() == 1) {
            return parts.get(0);
        }
        return stripOuterQuotes(s);
    }

    /** A column list as printed ({@code `a`, `b`} or {@code "A", b}) with quotes removed: {@code a, b}. */
    static String unquoteList(String raw) {
        if (raw == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String part : splitOutsideQuotes(raw)) {
            names.add(unquote(part));
        }
        return String.join(", ", names);
    }

    /**
     * Splits {@code `a`.`b`} or {@code "a"."b"} into its parts, or returns null when the text is not made only of
     * backtick- or double-quote-delimited parts (doubled quotes inside a part stand for one).
     */
    private static List<String> quotedParts(String s) {
        if (s.isEmpty() || (s.charAt(0) != '`' && s.charAt(0) != '"')) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char q = s.charAt(i);
            if (q != '`' && q != '"') {
                return null;
            }
            StringBuilder part = new StringBuilder();
            int j = i + 1;
            while (true) {
                if (j >= s.length()) {
                    return null;
                }
                char c = s.charAt(j);
                if (c == q) {
                    if (j + 1 < s.length() && s.charAt(j + 1) == q) {
                        part.append(q);
                        j += 2;
                        continue;
                    }
                    break;
                }
                part.append(c);
                j++;
            }
            parts.add(part.toString());
            i = j + 1;
            if (i < s.length()) {
                if (s.charAt(i) != '.') {
                    return null;
                }
                i++;
            }
        }
        return parts;
    }

    private static String stripOuterQuotes(String s) {
        if (s.length() >= 2) {
            char first = s.charAt(0);
            char last = s.charAt(s.length() - 1);
            if ((first == '`' || first == '"' || first == '\'') && last == first) {
                return s.substring(1, s.length() - 1);
            }
        }
        return s;
    }

    private static List<String> splitOutsideQuotes(String s) {
        List<String> out = new ArrayList<>();
        char quote = 0;
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '`' || c == '"') {
                quote = c;
            } else if (c == ',') {
                out.add(s.substring(from, i).strip());
                from = i + 1;
            }
        }
        out.add(s.substring(from).strip());
        return out;
    }
}
