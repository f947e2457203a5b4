package io.migrescue.catalog;

import io.migrescue.model.DefinedObject;
import io.migrescue.model.Engine;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MySQL and MariaDB views, functions, procedures, triggers, table comments and partitioning, one
 * {@code information_schema} query per kind for every schema in scope. Each is written as the statement that creates
 * it without a DEFINER (the one who runs the script owns it) and with every name of its own schema quoted
 * ({@link MySqlDefinitions}), and compared by that statement without its own schema's name and with its white space
 * folded, so that two equal objects compare equal whatever their schemas are called.
 */
public final class MySqlDefinedObjects {
    private MySqlDefinedObjects() {}

    public static List<DefinedObject> read(Connection connection, Engine engine, List<String> schemas)
            throws SQLException {
        List<DefinedObject> out = new ArrayList<>(routines(connection, engine, schemas));
        out.addAll(views(connection, engine, schemas));
        out.addAll(CatalogSql.list(
                connection,
                engine,
                "triggers",
                schemas,
                reader(MySqlDefinitions::trigger, "table_name", "timing", "event", "body")));
        CatalogSql.query(connection, CatalogSql.prepare(engine, "table_details", schemas, null), rs -> {
            String comment = rs.getString("comment_text");
            if (comment != null && !comment.isEmpty()) {
                out.add(MySqlDefinitions.tableComment(rs.getString(1), rs.getString(2), comment));
            }
        });
        out.addAll(partitioning(connection, engine, schemas));
        return out;
    }

    private static List<DefinedObject> routines(Connection connection, Engine engine, List<String> schemas)
            throws SQLException {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        CatalogSql.query(connection, CatalogSql.prepare(engine, "routine_parameters", schemas, null), rs -> {
            String mode = rs.getString("kind").equals("PROCEDURE") ? rs.getString("param_mode") + " " : "";
            String routine = rs.getString(1) + '\0' + rs.getString(3) + '\0' + rs.getString(2);
            parameters
                    .computeIfAbsent(routine, k -> new ArrayList<>())
                    .add(mode + MySqlDefinitions.quote(rs.getString("parameter")) + " " + rs.getString("type"));
        });
        List<DefinedObject> out = new ArrayList<>();
        CatalogSql.query(connection, CatalogSql.prepare(engine, "routines", schemas, null), rs -> {
            String kind = rs.getString("kind");
            out.add(MySqlDefinitions.routine(
                    rs.getString(1),
                    rs.getString("name"),
                    kind,
                    parameters.getOrDefault(rs.getString(1) + '\0' + kind + '\0' + rs.getString("name"), List.of()),
                    rs.getString("returns"),
                    rs.getString("body"),
                    rs.getString("is_deterministic").equals("YES"),
                    rs.getString("data_access"),
                    rs.getString("security"),
                    rs.getString("comment_text")));
        });
        return out;
    }

    private static List<DefinedObject> views(Connection connection, Engine engine, List<String> schemas)
            throws SQLException {
        return dependencyOrder(CatalogSql.list(
                connection,
                engine,
                "views",
                schemas,
                reader(MySqlDefinitions::view, "body", "algorithm", "security", "check_option")));
    }

    /** A definition made of the schema (first column), the object's name and four more columns of a row. */
    @FunctionalInterface
    private interface Definition {
        DefinedObject of(String schema, String name, String a, String b, String c, String d);
    }

    private static CatalogSql.RowReader<DefinedObject> reader(Definition definition, String... columns) {
        return rs -> definition.of(
                rs.getString(1),
                rs.getString("name"),
                rs.getString(columns[0]),
                rs.getString(columns[1]),
                rs.getString(columns[2]),
                rs.getString(columns[3]));
    }

    private static List<DefinedObject> partitioning(Connection connection, Engine engine, List<String> schemas)
            throws SQLException {
        Map<String, MySqlDefinitions.Partitioning> tables = new LinkedHashMap<>();
        CatalogSql.query(connection, CatalogSql.prepare(engine, "partitions", schemas, null), rs -> {
            String key = rs.getString(1) + '\0' + rs.getString(2);
            if (!tables.containsKey(key)) {
                tables.put(
                        key,
                        new MySqlDefinitions.Partitioning(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString("method"),
                                rs.getString("expression"),
                                new ArrayList<>()));
            }
            tables.get(key)
                    .partitions()
                    .add(MySqlDefinitions.partition(
                            rs.getString("method"), rs.getString("name"), rs.getString("bound")));
        });
        return tables.values().stream()
                .map(MySqlDefinitions.Partitioning::object)
                .toList();
    }

    /**
     * Views in an order they can be created in: one that selects from another comes after it (information_schema has
     * no view dependencies on MariaDB, so they are read from the definitions, which name every view schema-qualified).
     * Dropped the other way round.
     */
    static List<DefinedObject> dependencyOrder(List<DefinedObject> views) {
        List<DefinedObject> out = new ArrayList<>();
        Set<DefinedObject> visiting = new HashSet<>();
        for (DefinedObject v : views) {
            visit(v, views, out, visiting);
        }
        return out;
    }

    private static void visit(
            DefinedObject view, List<DefinedObject> views, List<DefinedObject> out, Set<DefinedObject> visiting) {
        if (out.contains(view) || !visiting.add(view)) {
            return;
        }
        String body = view.create().substring(view.create().indexOf(" AS ") + 4);
        for (DefinedObject other : views) {
            if (other != view && body.contains(MySqlDefinitions.qualified(other.schema(), other.name()))) {
                visit(other, views, out, visiting);
            }
        }
        out.add(view);
    }
}
