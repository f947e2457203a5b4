package io.migrescue.diff;

import io.migrescue.model.Constraint;
import io.migrescue.model.ConstraintType;
import io.migrescue.model.Index;
import io.migrescue.model.Table;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Which indexes of a table are its own. */
public final class Indexes {
    private Indexes() {}

    /**
     * Indexes of their own, not the ones a primary key, unique or exclusion constraint makes (they share its name):
     * those come and go with their constraint.
     */
    public static List<Index> own(Table table) {
        Set<String> constraintNames = table.constraints().stream()
                .filter(c -> c.type() == ConstraintType.PRIMARY_KEY
                        || c.type() == ConstraintType.UNIQUE
                        || c.type() == ConstraintType.EXCLUSION)
                .map(Constraint::name)
                .collect(Collectors.toSet());
        return table.indexes().stream()
                .filter(i -> !constraintNames.contains(i.name()))
                .toList();
    }
}
