package io.migrescue.catalog;

import io.migrescue.model.Catalog;
import io.migrescue.model.Engine;
import io.migrescue.model.EnumType;
import io.migrescue.model.Sequence;
import io.migrescue.model.TableShape;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the catalog of the schemas in scope with a constant number of bulk queries, whatever the table count. */
public interface CatalogReader {

    /** The whole snapshot: tables, columns, indexes, constraints. */
    default Catalog read(Connection connection, List<String> schemas) throws SQLException {
        return read(connection, schemas, null);
    }

    /** The whole snapshot with the schemas' sequences and enum types as well: everything a diff compares. */
    default Catalog readWithTypes(Connection connection, List<String> schemas) throws SQLException {
        Catalog tables = read(connection, schemas);
        return new Catalog(
                tables.engine(),
                tables.schemas(),
                tables.tables(),
                List.copyOf(sequences(connection, schemas)),
                List.copyOf(enumTypes(connection, schemas)),
                tables.tableNamesIgnoreCase());
    }

    /** Sequences that are not an identity column's own. */
    List<Sequence> sequences(Connection connection, List<String> schemas) throws SQLException;

    /** Enum types (PostgreSQL); none on MySQL/MariaDB, where an enum is a column type. */
    List<EnumType> enumTypes(Connection connection, List<String> schemas) throws SQLException;

    /**
     * Every table of the schemas by name, with the names of its constraints and indexes; columns, definitions and key
     * columns only for {@code detailed} (names as the catalog spells them), or for all when it is null. A diagnosis
     * needs names schema-wide (who holds this constraint name?) but details only for the tables it looks at: on
     * thousands of tables that is the difference between a fraction of a second and several.
     */
    Catalog read(Connection connection, List<String> schemas, Set<String> detailed) throws SQLException;

    /** Tables per schema: what {@code status} needs, in one query. Schemas that do not exist are absent. */
    default Map<String, Integer> tableCounts(Connection connection, List<String> schemas) throws SQLException {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        CatalogSql.query(
                connection,
                CatalogSql.prepare(engine(), "table_counts", schemas, null),
                rs -> counts.put(rs.getString(1), rs.getInt(2)));
        return counts;
    }

    /** Names ({@code schema.table.index}) of indexes a failed {@code CREATE INDEX CONCURRENTLY} left invalid. */
    List<String> invalidIndexes(Connection connection, List<String> schemas) throws SQLException;

    /** The engine whose catalog this reads: it picks the engine's SQL resources. */
    Engine engine();

    /** Tables whose lower-case name is one of {@code lowerCaseNames}, with their columns: history table candidates. */
    default List<TableShape> tableShapes(Connection connection, List<String> schemas, Set<String> lowerCaseNames)
            throws SQLException {
        TableShapes shapes = new TableShapes();
        CatalogSql.query(
                connection, CatalogSql.prepare(engine(), "table_shapes", schemas, lowerCaseNames), shapes::add);
        return shapes.build();
    }

    /** Every schema (PostgreSQL) or database (MySQL/MariaDB) that can hold user tables. */
    default List<String> userSchemas(Connection connection) throws SQLException {
        List<String> schemas = new java.util.ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(CatalogSql.load(engine(), "user_schemas"));
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        }
        return schemas;
    }

    static CatalogReader of(Engine engine) {
        return engine == Engine.POSTGRESQL ? new PostgresCatalogReader() : new MySqlCatalogReader(engine);
    }
}
