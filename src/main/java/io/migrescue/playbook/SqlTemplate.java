package io.migrescue.playbook;

import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A playbook's {@code sql} step: {@code {name}} becomes a quoted identifier, {@code :name} a bound value. */
final class SqlTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}|:([A-Za-z][A-Za-z0-9]*)");

    private SqlTemplate() {}

    static BoundStatement render(String text, Map<String, String> params, Dialect dialect) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sql = new StringBuilder();
        List<Object> values = new ArrayList<>();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String value = params.get(name);
            if (value == null) {
                throw new PlanningException("sql step needs --param " + name + "=…");
            }
            if (m.group(1) != null) {
                m.appendReplacement(sql, Matcher.quoteReplacement(dialect.quote(value)));
            } else {
                m.appendReplacement(sql, "?");
                values.add(value);
            }
        }
        m.appendTail(sql);
        return new BoundStatement(sql.toString(), values);
    }
}
