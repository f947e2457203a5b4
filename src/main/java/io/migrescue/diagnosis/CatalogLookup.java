package io.migrescue.diagnosis;

import io.migrescue.model.Catalog;
import io.migrescue.model.Constraint;
import io.migrescue.model.Engine;
import io.migrescue.model.Index;
import io.migrescue.model.Table;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds what a statement names in the snapshot. Names in a migration file are as written: on PostgreSQL an unquoted
 * name is folded to lower case by the server, so an exact match is tried first, then the lower-case one.
 */
public final class CatalogLookup {
    private final Catalog catalog;
    private final String defaultSchema;

    public CatalogLookup(Catalog catalog, String defaultSchema) {
        this.catalog = catalog;
        this.defaultSchema = defaultSchema;
    }

    public Catalog catalog() {
        return catalog;
    }

    public Engine engine() {
        return catalog.engine();
    }

    public String schemaOf(String schema) {
        return schema == null ? defaultSchema : schema;
    }

    public Optional<Table> table(String schema, String name) {
        String s = schemaOf(schema);
        Optional<Table> exact = catalog.table(s, name);
        if (exact.isPresent() || name == null) {
            return exact;
        }
        if (catalog.engine() == Engine.POSTGRESQL) {
            return catalog.table(s, name.toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    public Optional<Constraint> constraint(Table table, String name) {
        return table.constraints().stream().filter(c -> sameName(c.name(), name)).findFirst();
    }

    public Optional<Index> index(Table table, String name) {
        return table.indexes().stream().filter(i -> sameName(i.name(), name)).findFirst();
    }

    /** Tables in the schema holding a constraint of this name: one schema-wide namespace on MySQL/MariaDB. */
    public List<Table> constraintHolders(String schema, String name) {
        String s = schemaOf(schema);
        return catalog.tables().stream().filter(t -> t.schema().equals(s))
                .filter(t -> t.constraints().stream().anyMatch(c -> sameName(c.name(), name)))
                .toList();
    }

    /** Tables in the schema holding an index of this name (PostgreSQL: index names are relations, schema-wide). */
    public List<Table> indexHolders(String schema, String name) {
        String s = schemaOf(schema);
        return catalog.tables().stream().filter(t -> t.schema().equals(s))
                .filter(t -> t.indexes().stream().anyMatch(i -> sameName(i.name(), name)))
                .toList();
    }

    /** Tables of this name in other schemas or in another letter case: where a "missing" table really is. */
    public List<Table> lookalikes(String schema, String name) {
        String s = schemaOf(schema);
        return catalog.tablesNamedIgnoreCase(name).stream()
                .filter(t -> !(t.schema().equals(s) && t.name().equals(name)))
                .toList();
    }

    public boolean hasColumn(Table table, String column) {
        return table.columns().stream().anyMatch(c -> sameName(c.name(), column));
    }

    boolean sameName(String actual, String written) {
        if (actual == null || written == null) {
            return false;
        }
        if (actual.equals(written)) {
            return true;
        }
        // PostgreSQL folds unquoted names; MySQL column and index names are case-insensitive.
        return catalog.engine() == Engine.POSTGRESQL ? actual.equals(written.toLowerCase(Locale.ROOT)) : actual.equalsIgnoreCase(written);
    }
}
