package io.migrescue.catalog;

import io.migrescue.model.Column;
import io.migrescue.model.Constraint;
import io.migrescue.model.Index;
import io.migrescue.model.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects rows of the bulk queries per table, then builds the immutable tables in catalog order. */
final class TableAssembler {
    private record Parts(String schema, String name, List<Column> columns, List<Index> indexes, List<Constraint> constraints) {
    }

    private final Map<String, Parts> tables = new LinkedHashMap<>();

    void table(String schema, String name) {
        tables.put(key(schema, name), new Parts(schema, name, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
    }

    void column(String schema, String table, Column column) {
        Parts parts = tables.get(key(schema, table));
        if (parts != null) {
            parts.columns().add(column);
        }
    }

    void index(String schema, String table, Index index) {
        Parts parts = tables.get(key(schema, table));
        if (parts != null) {
            parts.indexes().add(index);
        }
    }

    void constraint(String schema, String table, Constraint constraint) {
        Parts parts = tables.get(key(schema, table));
        if (parts != null) {
            parts.constraints().add(constraint);
        }
    }

    List<Table> build() {
        return tables.values().stream()
                .map(p -> new Table(p.schema(), p.name(), p.columns(), p.indexes(), p.constraints()))
                .toList();
    }

    private static String key(String schema, String table) {
        return schema + '\u0000' + table;
    }
}
