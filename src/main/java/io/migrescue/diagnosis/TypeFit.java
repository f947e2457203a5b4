package io.migrescue.diagnosis;

import io.migrescue.model.Engine;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which values of a column its new type cannot hold, from the old type and the new one: a shorter string, a smaller
 * integer or decimal, text becoming an integer. Null when every old value fits, or when a type is not recognised (no
 * guess, no alarm). Shared by preflight (before the change) and diagnosis (after it failed).
 */
public final class TypeFit {
    private static final Pattern TEXT = Pattern.compile(
            "(character varying|varchar|char|character|nvarchar|nchar|bpchar)(?:\\s*\\((\\d+)\\))?(?: .*)?");
    private static final Pattern UNBOUNDED_TEXT = Pattern.compile("(text|tinytext|mediumtext|longtext|citext)(?: .*)?");
    private static final Pattern DECIMAL =
            Pattern.compile("(numeric|decimal)(?:\\s*\\((\\d+)\\s*(?:,\\s*(\\d+))?\\))?(?: .*)?");
    private static final String FLOAT = "(real|float|double|double precision|float4|float8)(\\(.*\\))?";

    /**
     * What a question about the rows checks; limits that are null are not checked. With {@code text} the values are text
     * that must spell a number, and {@code min}/{@code max} bound the number it spells.
     */
    public record Limits(Integer maxLength, BigDecimal min, BigDecimal max, NumberText text) {}

    /**
     * Text becoming a number: it must spell an integer, or a decimal (sign, digits, point, exponent), which the server
     * rounds to {@code scale} places before it checks the range (null: not rounded, a float or unbounded numeric).
     */
    public record NumberText(boolean integer, Integer scale) {
        public static final NumberText INTEGER = new NumberText(true, 0);

        /** What the servers take as such a number, as a regular expression in the engine's dialect. */
        public String pattern(Engine engine) {
            String space = engine == Engine.POSTGRESQL ? "\\s*" : " *";
            return "^" + space + "[-+]?" + (integer ? "[0-9]+" : "([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?")
                    + space + "$";
        }
    }

    /** PostgreSQL types that built-in casts reach from text only explicitly: ALTER … TYPE needs USING for them. */
    private static final Pattern EXPLICIT_FROM_TEXT = Pattern.compile(
            "(tinyint|smallint|mediumint|int|bigint|numeric|decimal|real|float|double precision|double|float4|float8|boolean"
                    + "|bool|date|time|timetz|timestamp|timestamptz|interval|uuid|json|jsonb|bytea|inet|cidr|macaddr)"
                    + "\\b.*");

    private TypeFit() {}

    public static Limits limits(String from, String to) {
        if (from == null || to == null) {
            return null;
        }
        String a = normal(from);
        String b = normal(to);
        Long targetLength = textLength(b);
        if (targetLength != null) {
            Long sourceLength = textLength(a);
            boolean shorter = sourceLength != null && targetLength != Long.MAX_VALUE && sourceLength > targetLength;
            return shorter ? new Limits(targetLength.intValue(), null, null, null) : null;
        }
        BigDecimal[] target = range(b);
        if (target == null) {
            return null;
        }
        if (textLength(a) != null) {
            if (isInteger(b)) {
                return new Limits(null, target[0], target[1], NumberText.INTEGER);
            }
            Matcher d = DECIMAL.matcher(b);
            Integer scale =
                    d.matches() && d.group(2) != null ? (d.group(3) == null ? 0 : Integer.parseInt(d.group(3))) : null;
            return target[1] == null
                    ? new Limits(null, null, null, new NumberText(false, null))
                    : new Limits(null, target[0], target[1], new NumberText(false, scale));
        }
        BigDecimal[] source = range(a);
        if (source == null || isNumeric(a) && source[1] == null) {
            return isNumeric(a) && target[1] != null ? new Limits(null, target[0], target[1], null) : null;
        }
        boolean within =
                target[1] == null || source[0].compareTo(target[0]) >= 0 && source[1].compareTo(target[1]) <= 0;
        return within ? null : new Limits(null, target[0], target[1], null);
    }

    /**
     * PostgreSQL: whether {@code ALTER COLUMN … TYPE to} without USING fails with 42804 ("cannot be cast automatically")
     * whatever the rows hold, because no implicit or assignment cast leads from {@code from} to {@code to}: text to
     * a number, a date, a boolean, uuid or json; a number to boolean and back. False when unsure (a domain, an
     * extension's type): no guess, no alarm.
     */
    public static boolean needsUsingOnPostgres(String from, String to) {
        if (from == null || to == null) {
            return false;
        }
        String a = normal(from);
        String b = normal(to);
        if (textLength(a) != null) {
            return textLength(b) == null && EXPLICIT_FROM_TEXT.matcher(b).matches();
        }
        boolean boolA = a.equals("boolean") || a.equals("bool");
        boolean boolB = b.equals("boolean") || b.equals("bool");
        return boolA && range(b) != null || boolB && range(a) != null;
    }

    /**
     * A type as the catalogs and migrations spell it, made comparable: MySQL {@code int(11) unsigned} → {@code int
     * unsigned}; {@code integer}/{@code int4} → {@code int}; serials to their integer; column options dropped.
     */
    public static String normal(String type) {
        String t = type.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        t = t.replaceAll("^(tinyint|smallint|mediumint|int|integer|bigint)\\s*\\(\\d+\\)", "$1")
                .replace(" zerofill", "");
        t = t.replaceAll("^integer\\b", "int")
                .replaceAll("^int4\\b", "int")
                .replaceAll("^int8\\b", "bigint")
                .replaceAll("^int2\\b", "smallint")
                .replaceAll("^bigserial\\b", "bigint")
                .replaceAll("^serial8\\b", "bigint")
                .replaceAll("^serial\\b", "int")
                .replaceAll("^smallserial\\b", "smallint");
        t = t.replaceAll(" (not null|null|primary key|auto_increment|default .*|generated .*)$", "");
        return t.replaceAll("\\s+", " ").strip();
    }

    /** Characters a text type holds: {@code Long.MAX_VALUE} for an unbounded one, null for a type that is not text. */
    private static Long textLength(String t) {
        Matcher m = TEXT.matcher(t);
        if (m.matches()) {
            return m.group(2) == null
                    ? (m.group(1).startsWith("char") && !m.group(1).contains("varying")
                                    || m.group(1).equals("bpchar")
                            ? 1L
                            : Long.MAX_VALUE)
                    : Long.parseLong(m.group(2));
        }
        return UNBOUNDED_TEXT.matcher(t).matches() ? Long.MAX_VALUE : null;
    }

    private static boolean isInteger(String t) {
        return t.matches("(tinyint|smallint|mediumint|int|bigint)( unsigned)?");
    }

    private static boolean isNumeric(String t) {
        return isInteger(t) || DECIMAL.matcher(t).matches() || t.matches(FLOAT);
    }

    /** {min, max} a numeric type holds; {min, null} for one without a practical bound; null for a type not numeric. */
    private static BigDecimal[] range(String t) {
        boolean unsigned = t.endsWith(" unsigned");
        String base = unsigned ? t.substring(0, t.length() - " unsigned".length()) : t;
        int bits = switch (base) {
            case "tinyint" -> 8;
            case "smallint" -> 16;
            case "mediumint" -> 24;
            case "int" -> 32;
            case "bigint" -> 64;
            default -> 0;
        };
        if (bits > 0) {
            BigDecimal span = BigDecimal.valueOf(2).pow(bits);
            BigDecimal half = span.divide(BigDecimal.valueOf(2));
            return unsigned
                    ? new BigDecimal[] {BigDecimal.ZERO, span.subtract(BigDecimal.ONE)}
                    : new BigDecimal[] {half.negate(), half.subtract(BigDecimal.ONE)};
        }
        Matcher m = DECIMAL.matcher(base);
        if (m.matches()) {
            if (m.group(2) == null) {
                return new BigDecimal[] {BigDecimal.ZERO, null};
            }
            int precision = Integer.parseInt(m.group(2));
            int scale = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            BigDecimal max = BigDecimal.TEN.pow(precision - scale).subtract(BigDecimal.ONE.movePointLeft(scale));
            return new BigDecimal[] {unsigned ? BigDecimal.ZERO : max.negate(), max};
        }
        if (base.toLowerCase(Locale.ROOT).matches(FLOAT)) {
            return new BigDecimal[] {BigDecimal.ZERO, null};
        }
        return null;
    }
}
