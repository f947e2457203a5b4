package io.migrescue.backup;

import io.migrescue.model.Column;
import io.migrescue.model.Constraint;
import io.migrescue.model.ConstraintType;
import io.migrescue.model.Table;
import java.util.List;
import java.util.Optional;

/** The columns that identify a row, for putting back some rows of a table: its primary key, else a NOT NULL unique key. */
final class KeyColumns {
    private KeyColumns() {}

    static Optional<List<String>> of(Table table) {
        Optional<Constraint> primary = table.constraints().stream()
                .filter(c -> c.type() == ConstraintType.PRIMARY_KEY)
                .findFirst();
        if (primary.isPresent()) {
            return Optional.of(primary.get().columns());
        }
        return table.constraints().stream()
                .filter(c -> c.type() == ConstraintType.UNIQUE && !c.columns().isEmpty())
                .filter(c -> c.columns().stream()
                        .allMatch(
                                n -> table.column(n).map(col -> !col.nullable()).orElse(false)))
                .map(Constraint::columns)
                .findFirst();
    }

    static List<String> nonKey(List<String> columns, List<String> key, Table table) {
        return columns.stream()
                .filter(c -> !key.contains(c))
                .filter(c -> table.column(c).map(KeyColumns::updatable).orElse(true))
                .toList();
    }

    /** A GENERATED ALWAYS identity column refuses any value but DEFAULT in an UPDATE. */
    private static boolean updatable(Column c) {
        return c.extra() == null || !c.extra().equals("generated always as identity");
    }
}
