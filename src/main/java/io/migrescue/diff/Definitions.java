package io.migrescue.diff;

import io.migrescue.model.Column;
import io.migrescue.model.Constraint;
import io.migrescue.model.ForeignKey;
import io.migrescue.model.Index;
import io.migrescue.model.Sequence;
import java.util.List;
import java.util.Locale;

/** How objects are shown in a difference's {@code source}/{@code target}: short, in each side's own names. */
public final class Definitions {
    private Definitions() {}

    public static String column(Column c) {
        StringBuilder out = new StringBuilder(c.type());
        out.append(c.nullable() ? " NULL" : " NOT NULL");
        if (c.defaultValue() != null) {
            out.append(" DEFAULT ").append(c.defaultValue());
        }
        String extra = Expressions.extra(c.extra());
        if (!extra.isEmpty()) {
            out.append(' ').append(extra);
        }
        return out.toString();
    }

    public static String nullability(Column c) {
        return c.nullable() ? "NULL" : "NOT NULL";
    }

    public static String index(Index i) {
        return (i.unique() ? "UNIQUE " : "")
                + (i.method() == null ? "" : i.method() + " ")
                + columns(i.columns())
                + (i.predicate() == null ? "" : " WHERE " + i.predicate());
    }

    public static String constraint(Constraint c) {
        return switch (c.type()) {
            case PRIMARY_KEY -> "PRIMARY KEY " + columns(c.columns());
            case UNIQUE -> "UNIQUE " + columns(c.columns());
            case CHECK -> "CHECK (" + Expressions.unwrap(c.checkExpression()) + ")";
            case FOREIGN_KEY -> foreignKey(c);
            case EXCLUSION -> c.definition();
        };
    }

    public static String foreignKey(Constraint c) {
        ForeignKey fk = c.foreignKey();
        return "FOREIGN KEY " + columns(c.columns()) + " REFERENCES " + fk.referencedSchema() + "."
                + fk.referencedTable() + " " + columns(fk.referencedColumns()) + actions(fk);
    }

    static String actions(ForeignKey fk) {
        return action("DELETE", fk.onDelete()) + action("UPDATE", fk.onUpdate());
    }

    public static String sequence(Sequence s) {
        return s.dataType() + " START " + s.start() + " INCREMENT " + s.increment() + " MIN " + s.min() + " MAX "
                + s.max() + " CACHE " + s.cache() + (s.cycle() ? " CYCLE" : " NO CYCLE");
    }

    public static String columns(List<String> columns) {
        return "(" + String.join(", ", columns) + ")";
    }

    /** NO ACTION is every engine's default and is left out; RESTRICT is shown, it is a choice. */
    private static String action(String event, String action) {
        if (action == null || action.equalsIgnoreCase("NO ACTION")) {
            return "";
        }
        return " ON " + event + " " + action.toUpperCase(Locale.ROOT);
    }
}
