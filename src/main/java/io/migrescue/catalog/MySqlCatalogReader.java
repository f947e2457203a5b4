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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads MySQL and MariaDB catalogs from {@code information_schema}, one bulk query per kind of object. */
final class MySqlCatalogReader implements CatalogReader {
    private static final Pattern NUMERIC_TYPE = Pattern.compile(
            "(?i)^(tinyint|smallint|mediumint|int|integer|bigint|decimal|numeric|float|double|real|bit|year)\\b.*");

    private final Engine engine;

    MySqlCatalogReader(Engine engine) {
        this.engine = engine;
    }

    @Override
    public Catalog read(Connection connection, List<String> schemas, Set<String> detailed) throws SQLException {
        TableAssembler assembler = new TableAssembler();
        query(connection, "tables", schemas, detailed, rs -> assembler.table(rs.getString(1), rs.getString(2)));
        query(
                connection,
                "columns",
                schemas,
                detailed,
                rs -> assembler.column(rs.getString(1), rs.getString(2), column(rs)));
        readIndexes(connection, schemas, detailed, assembler);
        readConstraints(connection, schemas, detailed, assembler);
        if (detailed != null) {
            query(connection, "names", schemas, null, assembler::name);
        }
        return new Catalog(engine, schemas, assembler.build())
                .withTableNamesIgnoringCase(lowerCaseTableNames(connection) != 0);
    }

    /** 0: table names are compared as stored (case-sensitive); 1 and 2: without regard to case (Windows, macOS). */
    private static int lowerCaseTableNames(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT @@lower_case_table_names");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** MySQL has none; MariaDB has them since 10.3. */
    @Override
    public List<Sequence> sequences(Connection connection, List<String> schemas) throws SQLException {
        return engine == Engine.MARIADB ? MariaDbSequences.read(connection, schemas) : List.of();
    }

    /** None: MySQL and MariaDB enums are part of the column type ({@code enum('a','b')}). */
    @Override
    public List<EnumType> enumTypes(Connection connection, List<String> schemas) {
        return List.of();
    }

    @Override
    public List<String> invalidIndexes(Connection connection, List<String> schemas) {
        return List.of(); // MySQL and MariaDB build indexes atomically: none is ever left invalid
    }

    @Override
    public Engine engine() {
        return engine;
    }

    private Column column(ResultSet rs) throws SQLException {
        String type = rs.getString("data_type");
        String extra = rs.getString("extra");
        return new Column(
                rs.getString("column_name"),
                rs.getInt("position"),
                type,
                rs.getBoolean("nullable"),
                defaultExpression(rs.getString("default_value"), type, extra),
                extra == null ? "" : extra.toLowerCase(Locale.ROOT));
    }

    /**
     * Defaults as SQL expressions on both engines: MariaDB already reports {@code 'text'} and {@code NULL};
     * MySQL reports the bare literal and marks expressions {@code DEFAULT_GENERATED}.
     */
    String defaultExpression(String raw, String type, String extra) {
        if (raw == null) {
            return null;
        }
        if (engine == Engine.MARIADB) {
            return raw.equals("NULL") ? null : raw;
        }
        String upper = raw.toUpperCase(Locale.ROOT);
        boolean expression =
                (extra != null && extra.contains("DEFAULT_GENERATED")) || upper.startsWith("CURRENT_TIMESTAMP");
        if (expression || NUMERIC_TYPE.matcher(type).matches()) {
            return raw;
        }
        return "'" + raw.replace("'", "''") + "'";
    }

    private void readIndexes(
            Connection connection, List<String> schemas, Set<String> detailed, TableAssembler assembler)
            throws SQLException {
        Map<String, IndexRows> indexes = new LinkedHashMap<>();
        query(connection, "indexes", schemas, detailed, rs -> {
            String schema = rs.getString("schema_name");
            String table = rs.getString("table_name");
            String name = rs.getString("index_name");
            IndexRows rows = indexes.computeIfAbsent(
                    schema + '\0' + table + '\0' + name,
                    k -> new IndexRows(schema, table, name, new boolean[] {false}, new ArrayList<>(), new String[1]));
            rows.unique()[0] = getBoolean(rs, "is_unique");
            String column = rs.getString("column_name");
            int subPart = rs.getInt("sub_part");
            boolean hasSubPart = !rs.wasNull();
            rows.columns().add(column == null ? "(expression)" : hasSubPart ? column + "(" + subPart + ")" : column);
            rows.method()[0] = rs.getString("method").toLowerCase(Locale.ROOT);
        });
        for (IndexRows r : indexes.values()) {
            assembler.index(
                    r.schema(),
                    r.table(),
                    new Index(
                            r.name(),
                            r.columns(),
                            r.unique()[0],
                            r.name().equals("PRIMARY"),
                            r.method()[0],
                            true,
                            null,
                            null));
        }
    }

    /**
     * Primary, unique, foreign-key and check constraints from four single-view queries joined here: joining the
     * information_schema views inside MariaDB takes seconds on a 2,000-table schema, each view alone tens of ms.
     */
    private void readConstraints(
            Connection connection, List<String> schemas, Set<String> detailed, TableAssembler assembler)
            throws SQLException {
        Map<String, String[]> kinds = new LinkedHashMap<>();
        query(
                connection,
                "constraints",
                schemas,
                detailed,
                rs -> kinds.put(key(rs), new String[] {
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getString("constraint_type")
                }));
        Map<String, KeyRows> keys = new LinkedHashMap<>();
        query(connection, "key_columns", schemas, detailed, rs -> {
            KeyRows rows = keys.computeIfAbsent(
                    key(rs), k -> new KeyRows(new ArrayList<>(), new ArrayList<>(), new String[2]));
            rows.columns().add(rs.getString("column_name"));
            if (rs.getString("ref_column") != null) {
                rows.refColumns().add(rs.getString("ref_column"));
                rows.ref()[0] = rs.getString("ref_schema");
                rows.ref()[1] = rs.getString("ref_table");
            }
        });
        Map<String, String[]> rules = new LinkedHashMap<>();
        query(
                connection,
                "referential",
                schemas,
                detailed,
                rs -> rules.put(key(rs), new String[] {rs.getString("on_delete"), rs.getString("on_update")}));
        Map<String, String> checks = new LinkedHashMap<>();
        query(
                connection,
                "checks",
                schemas,
                detailed,
                rs -> checks.put(
                        checkKey(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getString("check_clause")));
        for (Map.Entry<String, String[]> e : kinds.entrySet()) {
            String[] k = e.getValue();
            KeyRows rows = keys.getOrDefault(e.getKey(), new KeyRows(List.of(), List.of(), new String[2]));
            Constraint c = switch (k[3]) {
                case "PRIMARY KEY" ->
                    new Constraint(k[2], ConstraintType.PRIMARY_KEY, rows.columns(), null, null, true, null);
                case "UNIQUE" -> new Constraint(k[2], ConstraintType.UNIQUE, rows.columns(), null, null, true, null);
                case "FOREIGN KEY" -> {
                    String[] rule = rules.getOrDefault(e.getKey(), new String[2]);
                    yield new Constraint(
                            k[2],
                            ConstraintType.FOREIGN_KEY,
                            rows.columns(),
                            new ForeignKey(rows.ref()[0], rows.ref()[1], rows.refColumns(), rule[0], rule[1]),
                            null,
                            true,
                            null);
                }
                case "CHECK" -> {
                    String clause =
                            checks.getOrDefault(checkKey(k[0], k[1], k[2]), checks.get(checkKey(k[0], null, k[2])));
                    yield new Constraint(k[2], ConstraintType.CHECK, List.of(), null, clause, true, null);
                }
                default -> null;
            };
            if (c != null) {
                assembler.constraint(k[0], k[1], c);
            }
        }
    }

    private static String key(ResultSet rs) throws SQLException {
        return rs.getString(1) + '\0' + rs.getString(2) + '\0' + rs.getString(3);
    }

    /** MySQL names checks per schema (no table in CHECK_CONSTRAINTS); MariaDB per table. */
    private static String checkKey(String schema, String table, String name) {
        return schema + '\0' + table + '\0' + name;
    }

    private static boolean getBoolean(ResultSet rs, String column) throws SQLException {
        return rs.getInt(column) != 0;
    }

    private void query(
            Connection connection, String name, List<String> schemas, Set<String> tables, RowConsumer consumer)
            throws SQLException {
        // MySQL's CHECK_CONSTRAINTS has no table column: its (small) list is read whole
        Set<String> filter = name.equals("checks") && engine == Engine.MYSQL ? null : tables;
        CatalogSql.query(connection, CatalogSql.prepare(engine, name, schemas, filter), consumer);
    }

    private record IndexRows(
            String schema, String table, String name, boolean[] unique, List<String> columns, String[] method) {}

    private record KeyRows(List<String> columns, List<String> refColumns, String[] ref) {}
}
