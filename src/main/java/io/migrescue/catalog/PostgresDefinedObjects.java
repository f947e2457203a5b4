package io.migrescue.catalog;

import io.migrescue.model.DefinedObject;
import io.migrescue.model.Engine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Views, materialized views, functions, procedures, triggers, comments, domains, composite types, extensions,
 * policies, row security, partitions and privileges of the schemas in scope, with what each depends on
 * ({@code pg_depend}), one catalog query per kind (a 2,000-table schema is read in as many round trips as a 2-table one). Objects an extension owns are left
 * to the extension. Read with {@code search_path} set to {@code pg_catalog} only, so every name in a printed
 * definition is schema-qualified and the definition means the same whatever path the fix script runs under.
 */
public final class PostgresDefinedObjects {

    /**
     * Routines, views, triggers, comments, domains, composite types, extensions, policies, row security, partitions,
     * identity columns' sequence options and privileges (compared only with {@code --privileges}), each kind one query
     * ({@code catalog/postgresql/defined_*.sql}).
     */
    /** In this order: routines before the views that may call them, triggers after both. */
    private static final List<String> RESOURCES = List.of(
            "defined_routines",
            "defined_views",
            "defined_triggers",
            "defined_comments",
            "defined_types",
            "defined_security",
            "defined_partitions",
            "defined_privileges",
            "defined_identity");

    private PostgresDefinedObjects() {}

    public static List<DefinedObject> read(Connection connection, List<String> schemas) throws SQLException {
        String path;
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SHOW search_path")) {
            rs.next();
            path = rs.getString(1);
        }
        String jit = JitOff.switchOff(connection);
        List<DefinedObject> out = new ArrayList<>();
        Map<String, List<String>> needs = new HashMap<>();
        setPath(connection, "pg_catalog");
        try {
            for (String name : RESOURCES) {
                String sql = CatalogSql.load(Engine.POSTGRESQL, name);
                query(
                        connection,
                        sql,
                        schemas,
                        rs -> out.add(new DefinedObject(
                                rs.getString("kind"),
                                rs.getString("nspname"),
                                rs.getString("name"),
                                rs.getString("definition"),
                                rs.getString("create_sql"),
                                rs.getString("drop_sql"),
                                rs.getMetaData().getColumnCount() > 6 ? rs.getString(7) : null,
                                List.of())));
            }
            query(
                    connection,
                    CatalogSql.load(Engine.POSTGRESQL, "dependencies"),
                    schemas,
                    rs -> needs.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(rs.getString(2)));
        } finally {
            setPath(connection, path);
            JitOff.restore(connection, jit);
        }
        return out.stream()
                .map(o -> o.withNeeds(needs.getOrDefault(o.key(), List.of())))
                .toList();
    }

    private static void query(Connection connection, String sql, List<String> schemas, RowConsumer consumer)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                ps.setArray(i, connection.createArrayOf("text", schemas.toArray()));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs);
                }
            }
        }
    }

    private static void setPath(Connection connection, String path) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT set_config('search_path', ?, false)")) {
            ps.setString(1, path);
            ps.executeQuery().close();
        }
    }
}
