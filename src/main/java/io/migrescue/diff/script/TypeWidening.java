package io.migrescue.diff.script;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether changing a column's type keeps every value as it is. Only changes known to widen are safe (longer
 * varchar, varchar to text, a bigger integer, more numeric digits, timestamp to timestamptz); anything else may cut,
 * round or reinterpret values, so it counts as data-losing and is commented out unless {@code --allow-destructive}.
 */
final class TypeWidening {
    private static final List<String> INTEGERS = List.of("tinyint", "smallint", "mediumint", "integer", "bigint");
    private static final List<String> TEXTS = List.of("tinytext", "text", "mediumtext", "longtext");
    private static final Pattern SIZED =
            Pattern.compile("^([a-z ]+?)\\s*(?:\\((\\d+)(?:,\\s*(\\d+))?\\))?(\\s+unsigned)?$");
    private static final Pattern TIMESTAMP = Pattern.compile("^timestamp(?:\\((\\d)\\))? with(out)? time zone$");

    private TypeWidening() {}

    static boolean safe(String from, String to) {
        // a collation orders and compares values, it does not change them
        String f = canonical(from).replaceFirst(" collate .*$", "");
        String t = canonical(to).replaceFirst(" collate .*$", "");
        if (f.equals(t)) {
            return true;
        }
        Matcher ft = TIMESTAMP.matcher(f);
        Matcher tt = TIMESTAMP.matcher(t);
        if (ft.matches() && tt.matches()) {
            // without → with time zone keeps the instant; with → without drops the zone
            return precision(ft.group(1)) <= precision(tt.group(1)) && (ft.group(2) != null || tt.group(2) == null);
        }
        Matcher fs = SIZED.matcher(f);
        Matcher ts = SIZED.matcher(t);
        if (!fs.matches() || !ts.matches() || fs.group(4) != null && ts.group(4) == null) {
            return false;
        }
        String fBase = fs.group(1);
        String tBase = ts.group(1);
        if (isText(fBase) && isText(tBase)) {
            return rank(fBase, fs.group(2)) <= rank(tBase, ts.group(2));
        }
        if (INTEGERS.contains(fBase) && INTEGERS.contains(tBase)) {
            return INTEGERS.indexOf(fBase) <= INTEGERS.indexOf(tBase) && (fs.group(4) == null) == (ts.group(4) == null);
        }
        if (fBase.equals("numeric") && tBase.equals("numeric")) {
            if (ts.group(2) == null) {
                return true;
            }
            if (fs.group(2) == null) {
                return false;
            }
            int fScale = fs.group(3) == null ? 0 : Integer.parseInt(fs.group(3));
            int tScale = ts.group(3) == null ? 0 : Integer.parseInt(ts.group(3));
            return tScale >= fScale && Integer.parseInt(ts.group(2)) - tScale >= Integer.parseInt(fs.group(2)) - fScale;
        }
        return fBase.equals("real") && tBase.equals("double precision");
    }

    /** One spelling per type: PostgreSQL's long names, MySQL's short ones, display widths dropped. */
    private static String canonical(String type) {
        String t = type.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
        t = t.replaceAll("^(tinyint|smallint|mediumint|int|bigint)\\(\\d+\\)", "$1");
        t = t.replaceAll("^int\\b", "integer")
                .replaceAll("^decimal\\b", "numeric")
                .replaceAll("^double\\b(?! precision)", "double precision")
                .replaceAll("^character varying\\b", "varchar")
                .replaceAll("^character\\b", "char");
        return t;
    }

    private static boolean isText(String base) {
        return base.equals("varchar") || TEXTS.contains(base);
    }

    /** varchar(n) by its length, unbounded varchar and text above every length, MySQL's text sizes in order. */
    private static long rank(String base, String length) {
        if (base.equals("varchar")) {
            return length == null ? Long.MAX_VALUE - 10 : Long.parseLong(length);
        }
        return switch (base) {
            case "tinytext" -> 255;
            case "text" -> Long.MAX_VALUE - 10; // PostgreSQL text is unbounded; MySQL's 64 KiB text below mediumtext
            case "mediumtext" -> Long.MAX_VALUE - 5;
            default -> Long.MAX_VALUE;
        };
    }

    private static int precision(String digits) {
        return digits == null ? 6 : Integer.parseInt(digits);
    }
}
