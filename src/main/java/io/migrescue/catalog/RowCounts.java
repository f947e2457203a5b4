package io.migrescue.catalog;

import io.migrescue.model.Engine;
import io.migrescue.model.Table;
import io.migrescue.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Rows per table: the engine's estimate (one catalog query), or exact counts (every table read, 200 per query). */
public final class RowCounts {
    private static final int TABLES_PER_QUERY = 200;

    private RowCounts() {}

    /** @param rows null when the engine has no estimate (a PostgreSQL table never analysed) */
    public record TableRows(String schema, String table, Long rows) {}

    public static List<TableRows> estimated(Engine engine, Connection connection, List<String> schemas)
            throws SQLException {
        return estimated(engine, connection, schemas, null);
    }

    /**
     * MySQL/MariaDB: one lookup per named table, in one statement. information_schema.TABLES opens only the table an
     * equality on schema and name selects; with {@code IN (…)} MariaDB opens every table of the schema (half a second
     * on 2,000 tables). Null when there is no table to ask about.
     */
    private static CatalogSql.Prepared namedMySqlTables(List<String> schemas, java.util.Set<String> tables) {
        List<String> selects = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (String schema : schemas) {
            for (String table : tables) {
                selects.add("SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS table_name, TABLE_ROWS AS estimate"
                        + " FROM information_schema.TABLES"
                        + " WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA = ? AND TABLE_NAME = ?");
                params.add(schema);
                params.add(table);
            }
        }
        return selects.isEmpty() ? null : new CatalogSql.Prepared(String.join(" UNION ALL ", selects), params);
    }

    /** The estimates of these tables only (names as the catalog spells them), or of all when {@code tables} is null. */
    public static List<TableRows> estimated(
            Engine engine, Connection connection, List<String> schemas, java.util.Set<String> tables)
            throws SQLException {
        List<TableRows> rows = new ArrayList<>();
        CatalogSql.Prepared query = engine == Engine.POSTGRESQL || tables == null
                ? CatalogSql.prepare(engine, "row_estimates", schemas, tables)
                : namedMySqlTables(schemas, tables);
        if (query == null) {
            return rows;
        }
        CatalogSql.query(connection, query, rs -> {
            long estimate = rs.getLong("estimate");
            rows.add(new TableRows(rs.getString(1), rs.getString(2), rs.wasNull() ? null : estimate));
        });
        return rows;
    }

    /** {@code count(*)} of each table, in UNION ALL queries of up to 200 tables: a handful of round trips, not thousands. */
    public static List<TableRows> exact(Engine engine, Connection connection, List<Table> tables) throws SQLException {
        Dialect dialect = Dialect.of(engine);
        List<TableRows> rows = new ArrayList<>();
        for (int from = 0; from < tables.size(); from += TABLES_PER_QUERY) {
            List<Table> chunk = tables.subList(from, Math.min(tables.size(), from + TABLES_PER_QUERY));
            List<String> selects = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                selects.add("SELECT " + i + " AS n, count(*) AS c FROM "
                        + dialect.qualify(chunk.get(i).schema(), chunk.get(i).name()));
            }
            CatalogSql.query(
                    connection, new CatalogSql.Prepared(String.join("\nUNION ALL\n", selects), List.of()), rs -> {
                        Table t = chunk.get(rs.getInt("n"));
                        rows.add(new TableRows(t.schema(), t.name(), rs.getLong("c")));
                    });
        }
        return rows;
    }
}
