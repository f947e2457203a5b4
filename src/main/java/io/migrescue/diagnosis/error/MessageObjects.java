package io.migrescue.diagnosis.error;

import io.migrescue.diagnosis.ErrorObjects;
import java.util.Locale;
import java.util.regex.Matcher;

/** The objects a server message and its DETAIL line name; the later source (DETAIL) only fills what is still empty. */
final class MessageObjects {
    String schema;
    String table;
    String constraint;
    String column;
    String index;
    String referencedTable;
    String value;

    void fill(MessageTemplate t, Matcher m, String statement, String wrapper) {
        if (t.has("qname") && m.group("qname") != null) {
            String[] q = Identifiers.qualified(m.group("qname"));
            schema = first(schema, q[0]);
            table = first(table, q[1]);
        }
        if (t.has("path")) {
            // './db/t' in a rename error is the table's file path
            String[] q = Identifiers.qualified(
                    m.group("path").replaceFirst("^\\./", "").replace('/', '.'));
            schema = first(schema, q[0]);
            table = first(table, q[1]);
        }
        if (t.has("qcolumn")) {
            String[] q = Identifiers.qualified(m.group("qcolumn"));
            table = first(table, q[0]);
            column = first(column, q[1]);
        }
        if (t.has("key")) {
            String[] q = Identifiers.qualified(m.group("key"));
            table = first(table, q[0]);
            index = first(index, q[1]);
        }
        if (t.has("relation")) {
            String name = m.group("relation");
            switch (StatementHints.collidingRelation(name, statement, wrapper)) {
                case INDEX -> index = first(index, name);
                case CONSTRAINT -> constraint = first(constraint, name);
                default -> {
                    String[] q = Identifiers.qualified(name);
                    schema = first(schema, q[0]);
                    table = first(table, q[1]);
                }
            }
        }
        if (t.has("dropped")) {
            String name = m.group("dropped");
            switch (StatementHints.droppedObject(name, statement)) {
                case CONSTRAINT -> constraint = first(constraint, name);
                case COLUMN -> column = first(column, name);
                default -> index = first(index, name);
            }
        }
        if (t.has("what")) {
            named(m.group("what").toLowerCase(Locale.ROOT), m.group("name"));
        }
        schema = first(schema, group(t, m, "schema"));
        constraint = first(constraint, group(t, m, "constraint"));
        column = first(column, group(t, m, "column"));
        index = first(index, group(t, m, "index"));
        if (t.has("cols")) {
            column = first(column, Identifiers.unquoteList(m.group("cols")));
        }
        if (t.has("ref") && m.group("ref") != null) {
            referencedTable = first(referencedTable, Identifiers.qualified(m.group("ref"))[1]);
        }
        if (t.has("value")) {
            value = first(value, m.group("value"));
        }
    }

    private void named(String what, String rawName) {
        switch (what) {
            case "column" -> column = first(column, Identifiers.unquote(rawName));
            case "index", "key", "primary key" -> index = first(index, Identifiers.unquote(rawName));
            case "constraint", "foreign key", "check" -> constraint = first(constraint, Identifiers.unquote(rawName));
            case "table", "view", "materialized view", "sequence" -> {
                String[] q = Identifiers.qualified(rawName);
                schema = first(schema, q[0]);
                table = first(table, q[1]);
            }
            case "schema" -> schema = first(schema, Identifiers.unquote(rawName));
            default -> {}
        }
    }

    private static String group(MessageTemplate t, Matcher m, String name) {
        return t.has(name) ? Identifiers.unquote(m.group(name)) : null;
    }

    private static String first(String current, String candidate) {
        return current != null ? current : Text.trimToNull(candidate);
    }

    ErrorObjects build() {
        // '#sql-…' is InnoDB's temporary copy during ALTER, not a table anyone can act on
        String t = table != null && table.startsWith("#sql") ? null : table;
        return new ErrorObjects(schema, t, constraint, column, index, referencedTable, value);
    }
}
