package io.migrescue.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a MySQL or MariaDB column's {@link Column#extra()} says beyond the type, null and default, as {@code diff} reads
 * it: {@code generated always as (EXPR) virtual|stored}, the engine's own keywords ({@code auto_increment},
 * {@code on update current_timestamp()}), {@code comment 'TEXT'}, in that order (the order a column definition takes
 * them). One spelling, written by the catalog reader and read back by the DDL writer, so a column is restated whole.
 *
 * @param generation the generation expression as the engine prints it, or null
 * @param storage    {@code virtual} or {@code stored} for a generated column, else null
 * @param keywords   the rest of the engine's EXTRA, lower case; empty if none
 * @param comment    the column's comment, or null
 */
public record MySqlColumnExtra(String generation, String storage, String keywords, String comment) {
    private static final Pattern GENERATED = Pattern.compile("^generated always as \\((.*)\\) (virtual|stored)(?= |$)");
    private static final Pattern COMMENT = Pattern.compile("(?:^| )comment '((?:[^']|'')*)'$");

    public String text() {
        StringBuilder out = new StringBuilder();
        if (generation != null) {
            out.append("generated always as (").append(generation).append(") ").append(storage);
        }
        if (!keywords.isEmpty()) {
            out.append(out.length() == 0 ? "" : " ").append(keywords);
        }
        if (comment != null && !comment.isEmpty()) {
            out.append(out.length() == 0 ? "" : " ")
                    .append("comment '")
                    .append(comment.replace("'", "''"))
                    .append('\'');
        }
        return out.toString();
    }

    public static MySqlColumnExtra parse(String extra) {
        String rest = extra == null ? "" : extra.strip();
        String generation = null;
        String storage = null;
        String comment = null;
        Matcher c = COMMENT.matcher(rest);
        if (c.find()) {
            comment = c.group(1).replace("''", "'");
            rest = rest.substring(0, c.start()).strip();
        }
        Matcher g = GENERATED.matcher(rest);
        if (g.find()) {
            generation = g.group(1);
            storage = g.group(2);
            rest = rest.substring(g.end()).strip();
        }
        return new MySqlColumnExtra(generation, storage, rest, comment);
    }

    /** A string literal as MySQL reads it with its default sql_mode (backslash escapes). */
    public static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    public boolean generated() {
        return generation != null;
    }
}
