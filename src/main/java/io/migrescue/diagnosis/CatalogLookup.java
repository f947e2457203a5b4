package io.migrescue.diagnosis;

import io.migrescue.model.Catalog;
import io.migrescue.model.Constraint;
import io.migrescue.model.Engine;
import io.migrescue.model.Index;
import io.migrescue.model.Table;
import io.migrescue.sql.Dialect;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds what a statement names in the snapshot, by the name the server really stores: PostgreSQL keeps the first 63
 * bytes of a longer name ({@link Dialect#stored}), and folds unquoted names to lower case (the SQL reader folds
 * them already; a name from elsewhere, such as an error text, is tried exactly first, then in lower case). MySQL and
 * MariaDB compare column, index and constraint names without regard to case, and table names too when the server's
 * {@code lower_case_table_names} says so.
 */
public final class CatalogLookup {
    private final Catalog catalog;
    private final String defaultSchema;
    private final Dialect dialect;

    public CatalogLookup(Catalog catalog, String defaultSchema) {
        this.catalog = catalog;
        this.defaultSchema = defaultSchema;
        this.dialect = Dialect.of(catalog.engine());
    }

    public Catalog catalog() {
        return catalog;
    }

    public Engine engine() {
        return catalog.engine();
    }

    public String schemaOf(String schema) {
        return schema == null ? defaultSchema : dialect.stored(schema);
    }

    public Optional<Table> table(String schema, String name) {
        String s = schemaOf(schema);
        if (name == null) {
            return Optional.empty();
        }
        Optional<Table> exact = catalog.table(s, dialect.stored(name));
        if (exact.isPresent()) {
            return exact;
        }
        if (catalog.engine() == Engine.POSTGRESQL) {
            return catalog.table(s, dialect.stored(name.toLowerCase(Locale.ROOT)));
        }
        if (catalog.tableNamesIgnoreCase()) {
            return catalog.tables().stream()
                    .filter(t -> t.schema().equalsIgnoreCase(s) && t.name().equalsIgnoreCase(name))
                    .findFirst();
        }
        return Optional.empty();
    }

    /**
     * Why the name a statement writes is not the one the catalog holds, for the evidence: "name … is 70 bytes;
     * PostgreSQL keeps the first 63: …"; null when they are the same.
     */
    public String storedNote(String name) {
        return dialect.storedNote(name);
    }

    public Optional<Constraint> constraint(Table table, String name) {
        return table.constraints().stream()
                .filter(c -> sameName(c.name(), name))
                .findFirst();
    }

    public Optional<Index> index(Table table, String name) {
        return table.indexes().stream().filter(i -> sameName(i.name(), name)).findFirst();
    }

    /** Tables in the schema holding a constraint of this name: one schema-wide namespace on MySQL/MariaDB. */
    public List<Table> constraintHolders(String schema, String name) {
        String s = schemaOf(schema);
        return catalog.tables().stream()
                .filter(t -> t.schema().equals(s))
                .filter(t -> t.constraints().stream().anyMatch(c -> sameName(c.name(), name)))
                .toList();
    }

    /** Tables in the schema holding an index of this name (PostgreSQL: index names are relations, schema-wide). */
    public List<Table> indexHolders(String schema, String name) {
        String s = schemaOf(schema);
        return catalog.tables().stream()
                .filter(t -> t.schema().equals(s))
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
        String stored = dialect.stored(written);
        if (actual.equals(stored)) {
            return true;
        }
        // PostgreSQL folds unquoted names; MySQL column and index names are case-insensitive.
        return catalog.engine() == Engine.POSTGRESQL
                ? actual.equals(dialect.stored(written.toLowerCase(Locale.ROOT)))
                : actual.equalsIgnoreCase(written);
    }
}
