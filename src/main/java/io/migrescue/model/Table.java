package io.migrescue.model;

import java.util.List;
import java.util.Optional;

/**
 * A base table with its columns (in ordinal order), indexes and constraints.
 *
 * @param partitionBy a partitioned table's key as the engine prints it ({@code RANGE (created)}), else null
 */
public record Table(
        String schema,
        String name,
        List<Column> columns,
        List<Index> indexes,
        List<Constraint> constraints,
        String partitionBy) {
    public Table(String schema, String name, List<Column> columns, List<Index> indexes, List<Constraint> constraints) {
        this(schema, name, columns, indexes, constraints, null);
    }

    public String qualifiedName() {
        return schema + "." + name;
    }

    public Optional<Column> column(String columnName) {
        return columns.stream()
                .filter(c -> c.name().equalsIgnoreCase(columnName))
                .findFirst();
    }

    public Optional<Constraint> constraint(String constraintName) {
        return constraints.stream().filter(c -> c.name().equals(constraintName)).findFirst();
    }

    public Optional<Index> index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }

    public List<Constraint> foreignKeys() {
        return constraints.stream().filter(Constraint::isForeignKey).toList();
    }
}
