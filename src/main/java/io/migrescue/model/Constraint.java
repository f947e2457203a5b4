package io.migrescue.model;

import java.util.List;

/**
 * A table constraint.
 *
 * @param foreignKey      set for {@link ConstraintType#FOREIGN_KEY}, else null
 * @param checkExpression set for {@link ConstraintType#CHECK}, else null
 * @param validated       false for a PostgreSQL constraint added {@code NOT VALID} and not validated yet
 * @param definition      the engine's own definition where it gives one (PostgreSQL {@code pg_get_constraintdef}), or null
 */
public record Constraint(
        String name,
        ConstraintType type,
        List<String> columns,
        ForeignKey foreignKey,
        String checkExpression,
        boolean validated,
        String definition) {
    public Constraint {
        columns = List.copyOf(columns);
    }

    public boolean isForeignKey() {
        return type == ConstraintType.FOREIGN_KEY;
    }
}
