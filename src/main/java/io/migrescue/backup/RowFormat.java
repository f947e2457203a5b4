package io.migrescue.backup;

import java.util.HexFormat;

/**
 * The data file format for MySQL and MariaDB tables, {@value #NAME}: UTF-8 text, one row per line, values separated
 * by a tab, every value self-describing so that a restore needs no type information to bind it exactly:
 * <ul>
 *   <li>{@code \N} is NULL (so NULL and the empty string stay apart);</li>
 *   <li>{@code \x} followed by lower-case hex digits is a binary value (BINARY, VARBINARY, BLOB, BIT, spatial);</li>
 *   <li>anything else is text in the server's own spelling (decimals, dates, times, JSON as the server prints them),
 *       with backslash, tab, line feed, carriage return and NUL escaped as {@code \\ \t \n \r \0}.</li>
 * </ul>
 * A text value can never start with an unescaped backslash, so {@code \N} and {@code \x} are unambiguous; and no raw
 * line feed or tab ever appears inside a value, so lines are rows and tabs are separators.
 */
final class RowFormat {
    static final String NAME = "migrescue-rows-1";
    private static final HexFormat HEX = HexFormat.of();

    private RowFormat() {}

    /** Appends one row and its line feed. Values are {@code String} (text), {@code byte[]} (binary) or null. */
    static void appendRow(StringBuilder out, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            appendValue(out, values[i]);
        }
        out.append('\n');
    }

    static void appendValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof byte[] bytes) {
            out.append("\\x").append(HEX.formatHex(bytes));
        } else {
            appendText(out, value.toString());
        }
    }

    private static void appendText(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\0");
                default -> out.append(c);
            }
        }
    }

    /**
     * Parses one line (without its line feed) of {@code columns} values.
     *
     * @throws IllegalArgumentException when the line is not in this format or has another number of values
     */
    static Object[] parseRow(String line, int columns) {
        Object[] values = new Object[columns];
        int n = 0;
        int start = 0;
        while (true) {
            int tab = line.indexOf('\t', start);
            int end = tab < 0 ? line.length() : tab;
            if (n == columns) {
                throw new IllegalArgumentException("more than " + columns + " values in a row");
            }
            values[n++] = parseValue(line, start, end);
            if (tab < 0) {
                break;
            }
            start = tab + 1;
        }
        if (n != columns) {
            throw new IllegalArgumentException(n + " values in a row, expected " + columns);
        }
        return values;
    }

    private static Object parseValue(String line, int start, int end) {
        if (end - start == 2 && line.startsWith("\\N", start)) {
            return null;
        }
        if (end - start >= 2 && line.startsWith("\\x", start)) {
            if ((end - start) % 2 != 0) {
                throw new IllegalArgumentException("odd number of hex digits in a binary value");
            }
            return HEX.parseHex(line, start + 2, end);
        }
        StringBuilder text = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = line.charAt(i);
            if (c != '\\') {
                text.append(c);
                continue;
            }
            if (++i == end) {
                throw new IllegalArgumentException("a value ends in a lone backslash");
            }
            text.append(
                    switch (line.charAt(i)) {
                        case '\\' -> '\\';
                        case 't' -> '\t';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        case '0' -> '\0';
                        default -> throw new IllegalArgumentException("unknown escape \\" + line.charAt(i));
                    });
        }
        return text.toString();
    }
}
