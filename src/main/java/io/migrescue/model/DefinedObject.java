package io.migrescue.model;

/**
 * A schema object known by its definition as the engine prints it: a view, a materialized view, a function or
 * procedure, a trigger. Compared by {@code definition}; fixed by dropping and creating it again.
 *
 * @param kind       {@code view}, {@code materialized view}, {@code function}, {@code procedure}, {@code trigger}, {@code comment}
 *                   (on a table, view, column, index, sequence or constraint: dropped is set to NULL), {@code partitioning}
 *                   (MySQL/MariaDB: a table's partitioning as a whole, one partition a line)
 * @param name       unique within its schema: a routine's with its argument types, a trigger's with its table
 * @param definition what is compared (the engine's own rendering)
 * @param create     the statement that creates it (quoted, schema-qualified)
 * @param drop       the statement that drops it
 */
public record DefinedObject(String kind, String schema, String name, String definition, String create, String drop) {
    public String qualifiedName() {
        return schema + "." + name;
    }
}
