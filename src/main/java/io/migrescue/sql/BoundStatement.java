package io.migrescue.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A statement ready to run: identifiers already quoted by the dialect, values bound as parameters, never pasted.
 * A dry run prints it; the executor runs it.
 *
 * @param params values for the {@code ?} placeholders, in order (String, Long, Integer, Boolean, Instant, null)
 */
public record BoundStatement(String sql, List<Object> params) {
    public BoundStatement {
        params = Collections.unmodifiableList(new ArrayList<>(params)); // nulls allowed: List.copyOf would refuse them
    }

    public static BoundStatement of(String sql, Object... params) {
        List<Object> list = new ArrayList<>();
        Collections.addAll(list, params);
        return new BoundStatement(sql, list);
    }

    /** For people (dry run, report): the SQL with each value shown as a literal after it, e.g. {@code ? /* 'x' *}{@code /}. */
    public String display() {
        if (params.isEmpty()) {
            return sql;
        }
        StringBuilder out = new StringBuilder();
        int p = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            out.append(c);
            if (c == '?' && p < params.size()) {
                Object v = params.get(p++);
                out.append(" /* ")
                        .append(
                                v == null
                                        ? "NULL"
                                        : v instanceof Number || v instanceof Boolean
                                                ? v.toString()
                                                : "'"
                                                        + v.toString()
                                                                .replace("'", "''")
                                                                .replace("*/", "* /") + "'")
                        .append(" */");
            }
        }
        return out.toString();
    }
}
