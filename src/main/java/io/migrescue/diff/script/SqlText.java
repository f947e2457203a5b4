package io.migrescue.diff.script;

import io.migrescue.diff.QualifiedName;
import io.migrescue.model.ForeignKey;
import io.migrescue.sql.Dialect;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Small pieces both engines' DDL share. */
final class SqlText {
    private SqlText() {}

    static String name(Dialect dialect, QualifiedName name) {
        return dialect.qualify(name.schema(), name.name());
    }

    static String columns(Dialect dialect, List<String> columns) {
        return "(" + columns.stream().map(dialect::quote).collect(Collectors.joining(", ")) + ")";
    }

    /** A string literal (enum labels): the one value a fix script writes that is not catalog text or a name. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** @param match PostgreSQL's {@code MATCH FULL}, which goes between the referenced columns and the actions; or "" */
    static String foreignKey(
            Dialect dialect, List<String> columns, ForeignKey fk, QualifiedName referenced, String match) {
        return "FOREIGN KEY " + columns(dialect, columns) + " REFERENCES " + name(dialect, referenced) + " "
                + columns(dialect, fk.referencedColumns()) + match + action("DELETE", fk.onDelete())
                + action("UPDATE", fk.onUpdate());
    }

    private static String action(String event, String action) {
        return action == null || action.equalsIgnoreCase("NO ACTION")
                ? ""
                : " ON " + event + " " + action.toUpperCase(Locale.ROOT);
    }
}
