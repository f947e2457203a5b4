package io.migrescue.preflight;

import io.migrescue.model.Catalog;
import io.migrescue.model.Column;
import io.migrescue.model.Constraint;
import io.migrescue.model.Engine;
import io.migrescue.model.Index;
import io.migrescue.model.Table;
import io.migrescue.sql.Dialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The live catalog as a model the pending migrations change one statement at a time, so that a later migration sees
 * what an earlier pending one creates, renames or drops. Names compare as the engine compares them: PostgreSQL as
 * stored (folded, cut to 63 bytes), MySQL/MariaDB columns, indexes and constraints without regard to case, tables too
 * when {@code lower_case_table_names} says so.
 */
final class SchemaModel {
    private final Engine engine;
    private final Dialect dialect;
    private final String defaultSchema;
    private final boolean tableNamesIgnoreCase;
    private final Map<String, ModelTable> tables = new LinkedHashMap<>();

    SchemaModel(Catalog catalog, String defaultSchema) {
        this.engine = catalog.engine();
        this.dialect = Dialect.of(engine);
        this.defaultSchema = defaultSchema;
        this.tableNamesIgnoreCase = catalog.tableNamesIgnoreCase();
        catalog.tables().forEach(t -> put(fromLive(t)));
    }

    Engine engine() {
        return engine;
    }

    Dialect dialect() {
        return dialect;
    }

    String schemaOf(String schema) {
        return schema == null ? defaultSchema : dialect.stored(schema);
    }

    /** A column, index or constraint name as the engine compares it. */
    String key(String name) {
        return engine == Engine.POSTGRESQL ? dialect.stored(name) : name.toLowerCase(Locale.ROOT);
    }

    private String tableKey(String schema, String name) {
        String n = engine == Engine.POSTGRESQL
                ? dialect.stored(name)
                : tableNamesIgnoreCase ? name.toLowerCase(Locale.ROOT) : name;
        return schemaOf(schema) + "\u0000" + n;
    }

    Optional<ModelTable> table(String schema, String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(tables.get(tableKey(schema, name)));
    }

    java.util.Collection<ModelTable> tables() {
        return tables.values();
    }

    void put(ModelTable t) {
        tables.put(tableKey(t.schema, t.name), t);
    }

    void remove(ModelTable t) {
        tables.remove(tableKey(t.schema, t.name));
    }

    void rename(ModelTable t, String to) {
        remove(t);
        t.name = to;
        put(t);
    }

    /** Tables of the schema holding a foreign key of this name: one namespace per schema on MySQL/MariaDB. */
    List<ModelTable> foreignKeyHolders(String schema, String name) {
        String s = schemaOf(schema);
        String k = key(name);
        List<ModelTable> out = new ArrayList<>();
        for (ModelTable t : tables.values()) {
            ModelTable.Con c = t.constraints.get(k);
            if (t.schema.equals(s) && c != null && "FOREIGN_KEY".equals(c.kind())) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * PostgreSQL: what holds a relation name in the schema (a table, or the table of an index of that name), since
     * tables and indexes (those of primary keys and unique constraints too) share one namespace. Empty elsewhere.
     */
    Optional<String> relationHolder(String schema, String name) {
        if (engine != Engine.POSTGRESQL) {
            return Optional.empty();
        }
        String s = schemaOf(schema);
        String k = key(name);
        for (ModelTable t : tables.values()) {
            if (!t.schema.equals(s)) {
                continue;
            }
            if (key(t.name).equals(k)) {
                return Optional.of("table " + t.name);
            }
            if (t.indexes.containsKey(k)) {
                return Optional.of("an index of table " + t.name);
            }
        }
        return Optional.empty();
    }

    /** Tables of this name in other schemas in scope: where a "missing" table may really be. */
    List<ModelTable> elsewhere(String schema, String name) {
        String s = schemaOf(schema);
        return tables.values().stream()
                .filter(t -> !t.schema.equals(s) && t.name.equalsIgnoreCase(name))
                .toList();
    }

    private ModelTable fromLive(Table t) {
        ModelTable m = new ModelTable(t.schema(), t.name(), t.schema(), t.name());
        for (Column c : t.columns()) {
            boolean hasDefault =
                    c.defaultValue() != null || c.extra() != null && !c.extra().isBlank();
            m.columns.put(key(c.name()), new ModelTable.Col(c.name(), c.type(), c.nullable(), hasDefault, c.name()));
        }
        m.columnsKnown = !t.columns().isEmpty();
        for (Index i : t.indexes()) {
            m.indexes.put(key(i.name()), new ModelTable.Idx(i.name(), i.columns(), i.unique(), i.primary()));
        }
        for (Constraint c : t.constraints()) {
            var fk = c.foreignKey();
            m.constraints.put(
                    key(c.name()),
                    new ModelTable.Con(
                            c.name(),
                            c.type().name(),
                            c.columns(),
                            fk == null ? null : fk.referencedSchema(),
                            fk == null ? null : fk.referencedTable(),
                            fk == null ? List.of() : fk.referencedColumns(),
                            fk == null ? null : fk.onDelete(),
                            fk == null ? null : fk.onUpdate()));
        }
        return m;
    }
}
