package io.migrescue.playbook;

import io.migrescue.model.Constraint;
import io.migrescue.model.ConstraintType;
import io.migrescue.model.Table;
import io.migrescue.sql.BoundStatement;
import java.util.List;

/**
 * The read-only queries that count the rows a data step touches and name the first of them, ordered by key. Rows are
 * named by the primary key; a table without one by a unique key, else by what the step knows them by, and the
 * figure says so rather than pretend those values name single rows.
 */
final class RowQueries {
    private final DdlWriter ddl;

    RowQueries(DdlWriter ddl) {
        this.ddl = ddl;
    }

    /** The rows of {@code table} matching {@code predicate}; {@code fallback}: the columns to name them by without a key. */
    RowsTouched where(
            Table table, String action, String note, String predicate, List<String> fallback, String fallbackName) {
        String from = " FROM " + ddl.table(table.schema(), table.name()) + " WHERE " + predicate;
        return rows(table, action, note, "SELECT COUNT(*)" + from, naming(table, fallback, fallbackName), from);
    }

    /**
     * Rows read from {@code derived} (a {@code SELECT} giving the key columns under their own names) where
     * {@code condition} holds on it: for figures that need window functions (the row kept per duplicate key).
     */
    RowsTouched derived(Table table, String action, String note, String derived, String condition) {
        String from = " FROM (" + derived + ") d WHERE " + condition;
        return rows(table, action, note, "SELECT COUNT(*)" + from, naming(table, List.of(), null), from);
    }

    /** Distinct values of {@code columns} in the rows of {@code source} matching {@code predicate}: rows to insert into {@code into}. */
    RowsTouched distinct(
            Table into, String note, Table source, List<String> columns, List<String> named, String predicate) {
        String select = "SELECT DISTINCT " + ddl.columns(columns) + " FROM " + ddl.table(source.schema(), source.name())
                + " WHERE " + predicate;
        return new RowsTouched(
                into.schema(),
                into.name(),
                "insert",
                note,
                named,
                null,
                BoundStatement.of("SELECT COUNT(*) FROM (" + select + ") d"),
                BoundStatement.of(select + " ORDER BY " + ddl.columns(columns) + " LIMIT " + RowsTouched.SHOWN),
                -1,
                List.of());
    }

    private RowsTouched rows(Table table, String action, String note, String count, Naming naming, String from) {
        BoundStatement keys = naming.key().isEmpty()
                ? null
                : BoundStatement.of("SELECT " + ddl.columns(naming.key()) + from + " ORDER BY "
                        + ddl.columns(naming.key()) + " LIMIT " + RowsTouched.SHOWN);
        return new RowsTouched(
                table.schema(),
                table.name(),
                action,
                note,
                naming.key(),
                naming.note(),
                BoundStatement.of(count),
                keys,
                -1,
                List.of());
    }

    private record Naming(List<String> key, String note) {}

    private static Naming naming(Table table, List<String> fallback, String fallbackName) {
        List<String> primary = key(table, ConstraintType.PRIMARY_KEY);
        if (!primary.isEmpty()) {
            return new Naming(primary, null);
        }
        List<String> unique = key(table, ConstraintType.UNIQUE);
        if (!unique.isEmpty()) {
            return new Naming(unique, "no primary key, named by a unique key");
        }
        if (!fallback.isEmpty()) {
            return new Naming(fallback, "no primary or unique key, named by " + fallbackName + ", which may repeat");
        }
        return new Naming(List.of(), "no primary or unique key: the rows cannot be named one by one");
    }

    private static List<String> key(Table table, ConstraintType type) {
        return table.constraints().stream()
                .filter(c -> c.type() == type)
                .findFirst()
                .map(Constraint::columns)
                .orElse(List.of());
    }
}
