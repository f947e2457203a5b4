package io.migrescue.model;

import java.util.List;

/**
 * A schema object known by its definition as the engine prints it: a view, a materialized view, a function or
 * procedure, a trigger, a comment, and on PostgreSQL also a domain, a composite type, an extension, a row-level
 * security policy, a table's row security switches, a partition, a privilege. Compared by {@code definition}; fixed
 * by dropping and creating it again, or in place where {@code replace} says how.
 *
 * @param kind       {@code view}, {@code materialized view}, {@code function}, {@code procedure}, {@code trigger},
 *                   {@code comment} (on a table, view, column, index, sequence or constraint: dropped is set
 *                   to NULL), {@code domain}, {@code composite type}, {@code extension}, {@code policy},
 *                   {@code row security}, {@code partition}, {@code privilege}, {@code partitioning}
 *                   (MySQL/MariaDB: a table's partitioning as a whole, one partition a line)
 * @param name       unique within its schema: a routine's with its argument types, a trigger's with its table
 * @param definition what is compared (the engine's own rendering)
 * @param create     the statement that creates it (quoted, schema-qualified)
 * @param drop       the statement that drops it
 * @param replace    statements (each ending in {@code ;} but the last) that turn the other side's version of the same
 *                   object into this one in place, or null: a partition's detach and attach with this bound
 * @param needs      what it depends on ({@link #key()} of another object, or {@code column schema.table.column}, or
 *                   {@code table schema.table}), from the engine's dependency catalog: what orders the script
 */
public record DefinedObject(
        String kind,
        String schema,
        String name,
        String definition,
        String create,
        String drop,
        String replace,
        List<String> needs) {
    public DefinedObject {
        needs = List.copyOf(needs);
    }

    public DefinedObject(String kind, String schema, String name, String definition, String create, String drop) {
        this(kind, schema, name, definition, create, drop, null, List.of());
    }

    public String qualifiedName() {
        return schema + "." + name;
    }

    /** How {@link #needs} names it: {@code view public.v}. */
    public String key() {
        return kind + " " + qualifiedName();
    }

    public DefinedObject withNeeds(List<String> needs) {
        return new DefinedObject(kind, schema, name, definition, create, drop, replace, needs);
    }
}
