package io.migrescue.diff;

import io.migrescue.model.Catalog;
import io.migrescue.model.DefinedObject;
import io.migrescue.model.MigrationHistory;
import java.util.List;

/**
 * One side of a diff as read from its database.
 *
 * @param catalog         the whole catalog of the schemas in scope ({@link Catalog#schemas()})
 * @param existingSchemas every schema (database) that exists on that server, to tell a missing schema from an empty one
 * @param histories       every migration tool's history found
 * @param definedObjects  views, materialized views, functions, procedures, triggers, comments; on MySQL/MariaDB
 *                        also partitioning
 */
public record Snapshot(
        Catalog catalog,
        List<String> existingSchemas,
        List<MigrationHistory> histories,
        List<DefinedObject> definedObjects) {
    /** Without views, routines and triggers (an engine whose reader does not read them yet). */
    public Snapshot(Catalog catalog, List<String> existingSchemas, List<MigrationHistory> histories) {
        this(catalog, existingSchemas, histories, List.of());
    }

    public List<String> scope() {
        return catalog.schemas();
    }
}
