package io.migrescue.model;

import java.util.List;
import java.util.Optional;

/**
 * An immutable picture of the schemas in scope: read once, in a few bulk queries, then only looked at.
 *
 * @param schemas   the schemas (PostgreSQL) or databases (MySQL/MariaDB) that were read
 * @param sequences sequences of those schemas; empty unless they were read ({@code CatalogReader.readWithTypes})
 * @param enumTypes enum types of those schemas (PostgreSQL); likewise
 * @param tableNamesIgnoreCase MySQL/MariaDB with {@code lower_case_table_names} 1 or 2: the server compares table
 *                  names without regard to case (1 also stores them in lower case); false elsewhere
 */
public record Catalog(
        Engine engine,
        List<String> schemas,
        List<Table> tables,
        List<Sequence> sequences,
        List<EnumType> enumTypes,
        boolean tableNamesIgnoreCase) {
    public Catalog {
        schemas = List.copyOf(schemas); // the scope as a caller asked for it; tables and types come unmodifiable
    }

    public Catalog(
            Engine engine,
            List<String> schemas,
            List<Table> tables,
            List<Sequence> sequences,
            List<EnumType> enumTypes) {
        this(engine, schemas, tables, sequences, enumTypes, false);
    }

    /** Tables only: what diagnosis reads and what most tests build. */
    public Catalog(Engine engine, List<String> schemas, List<Table> tables) {
        this(engine, schemas, tables, List.of(), List.of());
    }

    /** This catalog as read from a server that compares table names without regard to case. */
    public Catalog withTableNamesIgnoringCase(boolean ignoreCase) {
        return new Catalog(engine, schemas, tables, sequences, enumTypes, ignoreCase);
    }

    public Optional<Table> table(String schema, String name) {
        return tables.stream()
                .filter(t -> t.schema().equals(schema) && t.name().equals(name))
                .findFirst();
    }

    /** Tables of this name in any schema in scope, compared without regard to case. */
    public List<Table> tablesNamedIgnoreCase(String name) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).toList();
    }

    /**
     * This catalog with the tables {@code other} read in detail put in place of the ones read here by name only
     * (a table read by name has no columns).
     */
    public Catalog withDetailsFrom(Catalog other) {
        java.util.Map<String, Table> detailed = new java.util.HashMap<>();
        other.tables().stream().filter(t -> !t.columns().isEmpty()).forEach(t -> detailed.put(t.qualifiedName(), t));
        return new Catalog(
                engine,
                schemas,
                tables.stream()
                        .map(t -> detailed.getOrDefault(t.qualifiedName(), t))
                        .toList(),
                sequences,
                enumTypes,
                tableNamesIgnoreCase);
    }

    public int columnCount() {
        return tables.stream().mapToInt(t -> t.columns().size()).sum();
    }

    public int foreignKeyCount() {
        return tables.stream().mapToInt(t -> t.foreignKeys().size()).sum();
    }

    public List<Index> invalidIndexes() {
        return tables.stream()
                .flatMap(t -> t.indexes().stream())
                .filter(i -> !i.valid())
                .toList();
    }
}
