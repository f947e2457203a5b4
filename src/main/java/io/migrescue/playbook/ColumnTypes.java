package io.migrescue.playbook;

import io.migrescue.model.Column;
import io.migrescue.model.Engine;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Column types as the catalog spells them, compared the way a foreign key needs them equal (MySQL/MariaDB: the same
 * integer type and sign; display widths do not count), and whether every value of one fits another.
 */
public final class ColumnTypes {
    private static final Pattern INTEGER =
            Pattern.compile("(tinyint|smallint|mediumint|int|integer|bigint)(\\(\\d+\\))?( unsigned)?( zerofill)?");
    private static final Pattern TEXT = Pattern.compile(
            "(character varying|varchar|char|character|text|tinytext|mediumtext|longtext)" + "(\\((\\d+)\\))?");
    private static final Map<String, Integer> BYTES =
            Map.of("tinyint", 1, "smallint", 2, "mediumint", 3, "int", 4, "integer", 4, "bigint", 8);

    private ColumnTypes() {}

    public static boolean same(Column a, Column b) {
        return normalize(a.type()).equals(normalize(b.type()));
    }

    static String normalize(String type) {
        String t = type.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher m = INTEGER.matcher(t);
        if (m.matches()) {
            return (m.group(1).equals("integer") ? "int" : m.group(1)) + (m.group(3) == null ? "" : " unsigned");
        }
        return t;
    }

    /**
     * A predicate true for the rows whose value of {@code column} would not fit {@code to}; null when every value of
     * {@code from} fits. Throws when that cannot be told for these types.
     */
    static String misfits(Engine engine, String column, String from, String to) {
        String f = normalize(from);
        String t = normalize(to);
        Matcher fi = INTEGER.matcher(f);
        Matcher ti = INTEGER.matcher(t);
        Matcher ft = TEXT.matcher(f);
        if (fi.matches() && ti.matches()) {
            long[] a = range(fi);
            long[] b = range(ti);
            if (a[0] >= b[0] && a[1] <= b[1]) {
                return null;
            }
            return column + " < " + b[0] + " OR " + column + " > " + b[1];
        }
        if (ft.matches() && ti.matches()) {
            long[] b = range(ti);
            String digits = b[0] < 0 ? "^-?[0-9]{1,19}$" : "^[0-9]{1,20}$";
            String notNumber = engine == Engine.POSTGRESQL
                    ? column + " !~ '" + digits + "'"
                    : column + " NOT REGEXP '" + digits + "'";
            return notNumber + " OR CAST(" + column + " AS DECIMAL(20,0)) < " + b[0] + " OR CAST(" + column
                    + " AS DECIMAL(20,0)) > " + b[1];
        }
        Matcher tt = TEXT.matcher(t);
        if (ft.matches() && tt.matches()) {
            return tt.group(3) == null ? null : "CHAR_LENGTH(" + column + ") > " + tt.group(3);
        }
        if (fi.matches() && tt.matches()) {
            return tt.group(3) == null
                    ? null
                    : "CHAR_LENGTH(CAST(" + column + " AS " + (engine == Engine.POSTGRESQL ? "TEXT" : "CHAR") + ")) > "
                            + tt.group(3);
        }
        throw new PlanningException("cannot tell whether every value of type " + from + " fits " + to
                + ": change the column yourself (after a backup), then run repair again");
    }

    /** The smallest and largest value of an integer type (BIGINT UNSIGNED's top is cut to a long: no key reaches it). */
    private static long[] range(Matcher integer) {
        int bytes = BYTES.get(integer.group(1));
        boolean unsigned = integer.group(3) != null;
        if (bytes == 8) {
            return unsigned ? new long[] {0, Long.MAX_VALUE} : new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
        }
        long span = 1L << (bytes * 8);
        return unsigned ? new long[] {0, span - 1} : new long[] {-span / 2, span / 2 - 1};
    }
}
