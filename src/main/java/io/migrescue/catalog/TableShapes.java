package io.migrescue.catalog;

import io.migrescue.model.TableShape;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Groups (schema, table, column) rows into table shapes, keeping the order of the rows. */
final class TableShapes {
    private final Map<List<String>, Set<String>> columns = new LinkedHashMap<>();

    void add(ResultSet rs) throws SQLException {
        columns.computeIfAbsent(List.of(rs.getString(1), rs.getString(2)), k -> new LinkedHashSet<>())
                .add(rs.getString(3));
    }

    List<TableShape> build() {
        List<TableShape> shapes = new ArrayList<>();
        columns.forEach((key, cols) -> shapes.add(new TableShape(key.get(0), key.get(1), cols)));
        return shapes;
    }
}
