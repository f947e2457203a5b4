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
    private static final String VIEWS = """
            SELECT CASE c.relkind WHEN 'm' THEN 'materialized view' ELSE 'view' END AS kind, n.nspname,
                   c.relname AS name,
                   pg_get_viewdef(c.oid) AS definition,
                   CASE c.relkind WHEN 'm' THEN 'CREATE MATERIALIZED VIEW ' ELSE 'CREATE VIEW ' END
                       || format('%I.%I', n.nspname, c.relname) || ' AS' || chr(10) || rtrim(pg_get_viewdef(c.oid), ';')
                       AS create_sql,
                   CASE c.relkind WHEN 'm' THEN 'DROP MATERIALIZED VIEW ' ELSE 'DROP VIEW ' END
                       || format('%I.%I', n.nspname, c.relname) AS drop_sql
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                              AND d.deptype = 'e')
            ORDER BY c.oid""";
    private static final String ROUTINES = """
            SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END AS kind, n.nspname,
                   p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS name,
                   pg_get_functiondef(p.oid) AS definition, rtrim(pg_get_functiondef(p.oid), E'\\n') AS create_sql,
                   CASE p.prokind WHEN 'p' THEN 'DROP PROCEDURE ' ELSE 'DROP FUNCTION ' END
                       || format('%I.%I', n.nspname, p.proname)
                       || '(' || pg_get_function_identity_arguments(p.oid) || ')'
                       AS drop_sql
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE p.prokind IN ('f', 'p') AND n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                              AND d.deptype = 'e')
            ORDER BY p.oid""";
    private static final String TRIGGERS = """
            SELECT 'trigger' AS kind, n.nspname, c.relname || '.' || t.tgname AS name,
                   pg_get_triggerdef(t.oid) AS definition, pg_get_triggerdef(t.oid) AS create_sql,
                   format('DROP TRIGGER %I ON %I.%I', t.tgname, n.nspname, c.relname) AS drop_sql
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT t.tgisinternal AND n.nspname = ANY (?)
            ORDER BY t.oid""";

    /** Comments on tables, views, columns, indexes, sequences (objsubid 0 / column number) and on constraints. */
    private static final String COMMENTS = """
            SELECT 'comment' AS kind, n.nspname,
                   CASE WHEN d.objsubid > 0 THEN c.relname || '.' || a.attname
                        WHEN c.relkind = 'i' THEN c.relname || ' (index)'
                        ELSE c.relname END AS name,
                   d.description AS definition,
                   format('COMMENT ON %s %s IS %L', CASE WHEN d.objsubid > 0 THEN 'COLUMN' ELSE CASE c.relkind
                          WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'i' THEN 'INDEX'
                          WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END END,
                          format('%I.%I', n.nspname, c.relname) || CASE WHEN d.objsubid > 0
                              THEN '.' || quote_ident(a.attname) ELSE '' END, d.description) AS create_sql,
                   format('COMMENT ON %s %s IS NULL', CASE WHEN d.objsubid > 0 THEN 'COLUMN' ELSE CASE c.relkind
                          WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'i' THEN 'INDEX'
                          WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END END,
                          format('%I.%I', n.nspname, c.relname) || CASE WHEN d.objsubid > 0
                              THEN '.' || quote_ident(a.attname) ELSE '' END) AS drop_sql
            FROM pg_description d JOIN pg_class c ON d.classoid = 'pg_class'::regclass AND c.oid = d.objoid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0
            WHERE n.nspname = ANY (?) AND (d.objsubid = 0 OR a.attname IS NOT NULL)
            UNION ALL
            SELECT 'comment', n.nspname, c.relname || '.' || k.conname || ' (constraint)', d.description,
                   format('COMMENT ON CONSTRAINT %I ON %I.%I IS %L', k.conname, n.nspname, c.relname, d.description),
                   format('COMMENT ON CONSTRAINT %I ON %I.%I IS NULL', k.conname, n.nspname, c.relname)
            FROM pg_description d JOIN pg_constraint k ON d.classoid = 'pg_constraint'::regclass AND k.oid = d.objoid
            JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY (?)""";

    /**
     * Domains, composite types, extensions, policies, row security, partitions, identity columns' sequence options and
     * privileges (compared only with
     * {@code --privileges}), each kind one query ({@code catalog/postgresql/defined_*.sql}).
     */
    private static final List<String> RESOURCES = List.of(
            "defined_types", "defined_security", "defined_partitions", "defined_privileges", "defined_identity");

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
            List<String> queries = new ArrayList<>(List.of(ROUTINES, VIEWS, TRIGGERS, COMMENTS));
            RESOURCES.forEach(name -> queries.add(CatalogSql.load(Engine.POSTGRESQL, name)));
            for (String sql : queries) {
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
