package io.migrescue.testing;

import io.migrescue.model.Catalog;
import io.migrescue.model.Column;
import io.migrescue.model.Constraint;
import io.migrescue.model.ConstraintType;
import io.migrescue.model.Engine;
import io.migrescue.model.ForeignKey;
import io.migrescue.model.Index;
import io.migrescue.model.Table;
import java.util.ArrayList;
import java.util.List;

/** Hand-built catalogs for unit tests of the pure core. */
public final class CatalogBuilder {
    private final Engine engine;
    private final String schema;
    private final List<Table> tables = new ArrayList<>();

    private CatalogBuilder(Engine engine, String schema) {
        this.engine = engine;
        this.schema = schema;
    }

    public static CatalogBuilder of(Engine engine, String schema) {
        return new CatalogBuilder(engine, schema);
    }

    public TableBuilder table(String name) {
        return new TableBuilder(name);
    }

    public Catalog build() {
        return new Catalog(engine, List.of(schema), tables);
    }

    public final class TableBuilder {
        private final String name;
        private final List<Column> columns = new ArrayList<>();
        private final List<Index> indexes = new ArrayList<>();
        private final List<Constraint> constraints = new ArrayList<>();

        private TableBuilder(String name) {
            this.name = name;
        }

        public TableBuilder column(String column, String type, boolean nullable) {
            columns.add(new Column(column, columns.size() + 1, type, nullable, null, ""));
            return this;
        }

        public TableBuilder primaryKey(String name, String... cols) {
            constraints.add(new Constraint(name, ConstraintType.PRIMARY_KEY, List.of(cols), null, null, true, null));
            indexes.add(new Index(name, List.of(cols), true, true, "btree", true, null, null));
            return this;
        }

        public TableBuilder foreignKey(String name, String column, String refTable, String refColumn) {
            constraints.add(new Constraint(
                    name,
                    ConstraintType.FOREIGN_KEY,
                    List.of(column),
                    new ForeignKey(schema, refTable, List.of(refColumn), "NO ACTION", "NO ACTION"),
                    null,
                    true,
                    null));
            return this;
        }

        public TableBuilder index(String name, boolean unique, boolean valid, String... cols) {
            indexes.add(new Index(name, List.of(cols), unique, false, "btree", valid, null, null));
            return this;
        }

        public CatalogBuilder add() {
            tables.add(new Table(schema, name, columns, indexes, constraints));
            return CatalogBuilder.this;
        }
    }
}
