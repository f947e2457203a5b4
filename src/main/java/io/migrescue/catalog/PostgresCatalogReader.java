package io.migrescue.catalog;

import io.migrescue.model.Catalog;
import io.migrescue.model.Column;
import io.migrescue.model.Constraint;
import io.migrescue.model.ConstraintType;
import io.migrescue.model.Engine;
import io.migrescue.model.EnumType;
import io.migrescue.model.ForeignKey;
import io.migrescue.model.Index;
import io.migrescue.model.Sequence;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Reads {@code pg_catalog} directly (the {@code information_schema} views are slow and hide index methods). */
final class PostgresCatalogReader implements CatalogReader {
    private static final Engine ENGINE = Engine.POSTGRESQL;

    @Override
    public Catalog read(Connection connection, List<String> schemas, Set<String> detailed) throws SQLException {
        TableAssembler assembler = new TableAssembler();
        query(
                connection,
                "tables",
                schemas,
                detailed,
                rs -> assembler.table(rs.getString(1), rs.getString(2), rs.getString("partition_by")));
        query(
                connection,
                "columns",
                schemas,
                detailed,
                rs -> assembler.column(
                        rs.getString(1),
                        rs.getString(2),
                        new Column(
                                rs.getString("column_name"),
                                rs.getInt("position"),
                                rs.getString("data_type"),
                                rs.getBoolean("nullable"),
                                rs.getString("default_value"),
                                rs.getString("extra"))));
        query(
                connection,
                "indexes",
                schemas,
                detailed,
                rs -> assembler.index(
                        rs.getString(1),
                        rs.getString(2),
                        new Index(
                                rs.getString("index_name"),
                                strings(rs.getArray("key_columns")),
                                rs.getBoolean("is_unique"),
                                rs.getBoolean("is_primary"),
                                rs.getString("method"),
                                rs.getBoolean("is_valid"),
                                rs.getString("predicate"),
                                rs.getString("definition"))));
        query(
                connection,
                "constraints",
                schemas,
                detailed,
                rs -> assembler.constraint(rs.getString(1), rs.getString(2), constraint(rs)));
        if (detailed != null) {
            query(connection, "names", schemas, null, assembler::name);
        }
        return new Catalog(ENGINE, schemas, assembler.build());
    }

    @Override
    public List<Sequence> sequences(Connection connection, List<String> schemas) throws SQLException {
        return CatalogSql.list(connection, ENGINE, "sequences", schemas, rs -> SequenceRow.read(rs, "schema_name"));
    }

    @Override
    public List<EnumType> enumTypes(Connection connection, List<String> schemas) throws SQLException {
        return CatalogSql.list(connection, ENGINE, "enums", schemas, PostgresCatalogReader::enumType);
    }

    private static EnumType enumType(ResultSet rs) throws SQLException {
        return new EnumType(rs.getString("schema_name"), rs.getString("type_name"), strings(rs.getArray("labels")));
    }

    @Override
    public List<String> invalidIndexes(Connection connection, List<String> schemas) throws SQLException {
        return CatalogSql.list(connection, ENGINE, "invalid_indexes", schemas, PostgresCatalogReader::indexName);
    }

    /** {@code schema.table.index} */
    private static String indexName(ResultSet rs) throws SQLException {
        return rs.getString(1) + "." + rs.getString(2) + "." + rs.getString(3);
    }

    @Override
    public Engine engine() {
        return ENGINE;
    }

    private static Constraint constraint(ResultSet rs) throws SQLException {
        String type = rs.getString("constraint_type");
        String definition = rs.getString("definition");
        ConstraintType kind = switch (type) {
            case "p" -> ConstraintType.PRIMARY_KEY;
            case "u" -> ConstraintType.UNIQUE;
            case "f" -> ConstraintType.FOREIGN_KEY;
            case "c" -> ConstraintType.CHECK;
            default -> ConstraintType.EXCLUSION;
        };
        ForeignKey fk = kind != ConstraintType.FOREIGN_KEY
                ? null
                : new ForeignKey(
                        rs.getString("ref_schema"),
                        rs.getString("ref_table"),
                        strings(rs.getArray("ref_columns")),
                        action(rs.getString("on_delete")),
                        action(rs.getString("on_update")));
        String check = kind == ConstraintType.CHECK ? checkExpression(definition) : null;
        return new Constraint(
                rs.getString("constraint_name"),
                kind,
                strings(rs.getArray("columns")),
                fk,
                check,
                rs.getBoolean("validated"),
                definition);
    }

    /** "CHECK (price > 0) NOT VALID" → "price > 0". */
    static String checkExpression(String definition) {
        String d = definition.strip();
        if (d.endsWith(" NOT VALID")) {
            d = d.substring(0, d.length() - " NOT VALID".length());
        }
        if (d.startsWith("CHECK (") && d.endsWith(")")) {
            return d.substring("CHECK (".length(), d.length() - 1);
        }
        return d;
    }

    private static String action(String code) {
        return switch (code) {
            case "a" -> "NO ACTION";
            case "r" -> "RESTRICT";
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            default -> code;
        };
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    private static void query(
            Connection connection, String name, List<String> schemas, Set<String> tables, RowConsumer consumer)
            throws SQLException {
        CatalogSql.query(connection, CatalogSql.prepare(ENGINE, name, schemas, tables), consumer);
    }
}
