package io.migrescue.backup;

import io.migrescue.model.Constraint;
import io.migrescue.model.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders tables so that a table comes after the tables its foreign keys point to, keeping the given order where
 * foreign keys do not decide. A cycle of foreign keys cannot be ordered; its tables keep the given order (a restore
 * adds foreign keys after all rows are in, so the order only matters for reading the manifest and for partial rows).
 */
final class DependencyOrder {
    private DependencyOrder() {}

    static List<Table> parentsFirst(List<Table> tables) {
        Map<String, Table> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.qualifiedName(), t));
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (Table t : tables) {
            visit(t, byName, placed, visiting, ordered);
        }
        return ordered;
    }

    private static void visit(
            Table table, Map<String, Table> byName, Set<String> placed, Set<String> visiting, List<Table> ordered) {
        String name = table.qualifiedName();
        if (placed.contains(name) || !visiting.add(name)) {
            return; // already placed, or a cycle: leave it where it was first reached
        }
        for (Constraint fk : table.foreignKeys()) {
            Table parent = byName.get(
                    fk.foreignKey().referencedSchema() + "." + fk.foreignKey().referencedTable());
            if (parent != null && parent != table) {
                visit(parent, byName, placed, visiting, ordered);
            }
        }
        visiting.remove(name);
        if (placed.add(name)) {
            ordered.add(table);
        }
    }
}
