package io.migrescue.model;

import java.util.List;

/**
 * An index.
 *
 * @param columns    key columns in order; an expression key appears as its expression text
 * @param method     access method: btree, hash, gin, gist, brin, spgist (PostgreSQL); btree, hash, fulltext, spatial (MySQL)
 * @param valid      false for a PostgreSQL index left invalid by a failed {@code CREATE INDEX CONCURRENTLY}
 * @param predicate  the WHERE clause of a partial index, or null
 * @param definition the engine's own definition where it gives one (PostgreSQL), or null
 */
public record Index(
        String name,
        List<String> columns,
        boolean unique,
        boolean primary,
        String method,
        boolean valid,
        String predicate,
        String definition) {
    public Index {
        columns = List.copyOf(columns);
    }
}
