package io.migrescue.diagnosis;

import io.migrescue.model.Constraint;
import io.migrescue.sql.Effect;
import java.util.List;

/** Constraints as one line of SQL-like text, for evidence shown side by side (live vs intended). */
public final class ConstraintText {
    private ConstraintText() {}

    public static String of(Constraint c) {
        if (c.definition() != null) {
            return c.definition();
        }
        return switch (c.type()) {
            case PRIMARY_KEY -> "PRIMARY KEY (" + cols(c.columns()) + ")";
            case UNIQUE -> "UNIQUE (" + cols(c.columns()) + ")";
            case CHECK -> "CHECK (" + c.checkExpression() + ")";
            case EXCLUSION -> "EXCLUDE";
            case FOREIGN_KEY ->
                "FOREIGN KEY (" + cols(c.columns()) + ") REFERENCES "
                        + c.foreignKey().referencedTable()
                        + " (" + cols(c.foreignKey().referencedColumns()) + ")"
                        + action("DELETE", c.foreignKey().onDelete())
                        + action("UPDATE", c.foreignKey().onUpdate());
        };
    }

    public static String of(Effect.ConstraintDef c) {
        return switch (c.kind()) {
            case "PRIMARY_KEY" -> "PRIMARY KEY (" + cols(c.columns()) + ")";
            case "UNIQUE" -> "UNIQUE (" + cols(c.columns()) + ")";
            case "CHECK" -> "CHECK (" + c.checkExpression() + ")";
            default ->
                "FOREIGN KEY (" + cols(c.columns()) + ") REFERENCES " + c.referencedTable() + " ("
                        + cols(c.referencedColumns()) + ")" + action("DELETE", c.onDelete())
                        + action("UPDATE", c.onUpdate());
        };
    }

    private static String cols(List<String> columns) {
        return String.join(", ", columns);
    }

    /** The default action is left out, as SHOW CREATE TABLE and pg_get_constraintdef do. */
    private static String action(String event, String action) {
        return action == null || action.equalsIgnoreCase("NO ACTION") || action.equalsIgnoreCase("RESTRICT")
                ? ""
                : " ON " + event + " " + action.toUpperCase(java.util.Locale.ROOT);
    }
}
