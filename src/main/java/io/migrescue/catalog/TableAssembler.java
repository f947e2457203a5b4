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
    /** A table's parts while its rows come in: the lists grow, then {@link Table} copies them once. */
    private record Parts(
            String schema,
            String name,
            String partitionBy,
            List<Column> columns,
            List<Index> indexes,
            List<Constraint> constraints) {}

    private final Map<String, Parts> tables = new LinkedHashMap<>();

    void table(String schema, String name) {
        table(schema, name, null);
    }

    /** @param partitionBy a partitioned table's key, else null */
    void table(String schema, String name, String partitionBy) {
        if (OwnTables.isOwn(name)) {
            return; // migrescue's own bookkeeping, not the user's
        }
        tables.put(
                key(schema, name),
                new Parts(schema, name, partitionBy, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
        detailed.add(key(schema, name));
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

    /**
     * A row of {@code names.sql}: a table read without details gets its constraint and index names (kind and name
     * only), so that name lookups see the whole schema. Tables read in detail are left as they are.
     */
    void name(java.sql.ResultSet rs) throws java.sql.SQLException {
        String schema = rs.getString(1);
        String table = rs.getString(2);
        String kind = rs.getString(3);
        String name = rs.getString(4);
        String key = key(schema, table);
        if (detailed.contains(key) || OwnTables.isOwn(table)) {
            return;
        }
        Parts parts = tables.computeIfAbsent(
                key, k -> new Parts(schema, table, null, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
        if (kind.equals("index")) {
            parts.indexes().add(new Index(name, List.of(), false, false, null, true, null, null));
        } else if (kind.startsWith("constraint:")) {
            parts.constraints()
                    .add(new Constraint(
                            name,
                            constraintType(kind.substring("constraint:".length())),
                            List.of(),
                            new io.migrescue.model.ForeignKey(null, null, List.of(), null, null),
                            null,
                            true,
                            null));
        }
    }

    /** Called once the detailed reads are done: those tables are complete. */
    private final java.util.Set<String> detailed = new java.util.HashSet<>();

    private static io.migrescue.model.ConstraintType constraintType(String code) {
        return switch (code) {
            case "p", "PRIMARY KEY" -> io.migrescue.model.ConstraintType.PRIMARY_KEY;
            case "u", "UNIQUE" -> io.migrescue.model.ConstraintType.UNIQUE;
            case "f", "FOREIGN KEY" -> io.migrescue.model.ConstraintType.FOREIGN_KEY;
            case "c", "CHECK" -> io.migrescue.model.ConstraintType.CHECK;
            default -> io.migrescue.model.ConstraintType.EXCLUSION;
        };
    }

    List<Table> build() {
        return tables.values().stream()
                .map(p -> new Table(
                        p.schema(),
                        p.name(),
                        List.copyOf(p.columns()),
                        List.copyOf(p.indexes()),
                        List.copyOf(p.constraints()),
                        p.partitionBy()))
                .toList();
    }

    private static String key(String schema, String table) {
        return schema + '\u0000' + table;
    }
}
