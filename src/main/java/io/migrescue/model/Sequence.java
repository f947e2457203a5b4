package io.migrescue.model;

/**
 * A sequence that is not an identity column's own (those belong to their column, see {@link Column#extra()}).
 * PostgreSQL; MariaDB 10.3+ as well. Its current value is data, not shape, and is not part of it.
 *
 * @param dataType PostgreSQL {@code smallint}/{@code integer}/{@code bigint}; {@code bigint} on MariaDB
 */
public record Sequence(
        String schema,
        String name,
        String dataType,
        long start,
        long increment,
        long min,
        long max,
        long cache,
        boolean cycle) {
    public String qualifiedName() {
        return schema + "." + name;
    }
}
