package io.migrescue.migration.typeorm;

import io.migrescue.files.Digests;
import io.migrescue.migration.code.Code;
import io.migrescue.migration.code.Node;
import io.migrescue.migration.code.Node.Arr;
import io.migrescue.migration.code.Node.Call;
import io.migrescue.migration.code.Node.Obj;
import io.migrescue.migration.code.Rendered;
import io.migrescue.model.Engine;
import io.migrescue.sql.Dialect;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * TypeORM's Table API on the query runner ({@code createTable(new Table({…}))}, {@code dropTable}, {@code addColumn(t,
 * new TableColumn({…}))}, {@code dropColumn}, {@code renameColumn}, {@code createIndex(t, new TableIndex({…}))},
 * {@code dropIndex}, {@code createForeignKey(t, new TableForeignKey({…}))}, {@code dropForeignKey}) rendered as its MySQL
 * and PostgreSQL query runners write it, with DefaultNamingStrategy's names ({@code PK_}/{@code UQ_}/{@code FK_} + 27
 * and {@code IDX_} + 26 hex digits of SHA-1 of {@code <table>_<sorted columns>}). A column option it does not know
 * makes the call not understood.
 */
final class TableApi {
    private final Dialect d;
    private final boolean pg;
    private final TypeOrmColumnSql columnSql;

    TableApi(Engine engine) {
        this.d = Dialect.of(engine);
        this.pg = engine == Engine.POSTGRESQL;
        this.columnSql = new TypeOrmColumnSql(d, pg);
    }

    /** Renders {@code call} and says so; false when it is not a Table API call this reader knows. */
    boolean render(Call call, Rendered out) {
        List<String> sql = sql(call);
        if (sql == null) {
            return false;
        }
        sql.forEach(s -> out.add(s, call.line()));
        return true;
    }

    private List<String> sql(Call c) {
        String table = Code.str(c.arg(0));
        switch (c.name()) {
            case "createTable" -> {
                Obj t = constructed(c.arg(0), "Table");
                return t == null ? null : createTable(t, Boolean.TRUE.equals(Code.bool(c.arg(1))));
            }
            case "dropTable" -> {
                return table == null ? null : List.of("DROP TABLE " + d.quote(table));
            }
            case "addColumn" -> {
                Obj col = constructed(c.arg(1), "TableColumn");
                String def = table == null || col == null ? null : columnSql.column(col, false);
                if (def == null) {
                    return null;
                }
                List<String> out = new ArrayList<>(List.of("ALTER TABLE " + d.quote(table) + " ADD " + def));
                if (Boolean.TRUE.equals(Code.bool(col.get("isUnique")))) {
                    List<String> cols = List.of(Code.str(col.get("name")));
                    out.add(
                            pg
                                    ? "ALTER TABLE " + d.quote(table) + " ADD CONSTRAINT "
                                            + d.quote(name("UQ_", table, cols, 27)) + " UNIQUE (" + list(cols) + ")"
                                    : "CREATE UNIQUE INDEX " + d.quote(name("UQ_", table, cols, 27)) + " ON "
                                            + d.quote(table) + " (" + list(cols) + ")");
                }
                return out;
            }
            case "dropColumn" -> {
                String column = Code.str(c.arg(1));
                return table == null || column == null
                        ? null
                        : List.of("ALTER TABLE " + d.quote(table) + " DROP COLUMN " + d.quote(column));
            }
            case "renameColumn" -> {
                String from = Code.str(c.arg(1));
                String to = Code.str(c.arg(2));
                return table == null || from == null || to == null
                        ? null
                        : List.of("ALTER TABLE " + d.quote(table) + " RENAME COLUMN " + d.quote(from) + " TO "
                                + d.quote(to));
            }
            case "createIndex" -> {
                Obj i = constructed(c.arg(1), "TableIndex");
                String sql = table == null || i == null ? null : index(table, i);
                return sql == null ? null : List.of(sql);
            }
            case "dropIndex" -> {
                String name = Code.str(c.arg(1));
                return table == null || name == null
                        ? null
                        : List.of(
                                pg
                                        ? "DROP INDEX " + d.quote(name)
                                        : "DROP INDEX " + d.quote(name) + " ON " + d.quote(table));
            }
            case "createForeignKey" -> {
                Obj fk = constructed(c.arg(1), "TableForeignKey");
                String sql = table == null || fk == null ? null : foreignKey(table, fk, "");
                return sql == null ? null : List.of("ALTER TABLE " + d.quote(table) + " ADD " + sql);
            }
            case "dropForeignKey" -> {
                String name = Code.str(c.arg(1));
                return table == null || name == null
                        ? null
                        : List.of("ALTER TABLE " + d.quote(table) + (pg ? " DROP CONSTRAINT " : " DROP FOREIGN KEY ")
                                + d.quote(name));
            }
            default -> {
                return null;
            }
        }
    }

    /** {@code new Name({…})}'s options, or a plain object where TypeORM takes one too. */
    private static Obj constructed(Node n, String className) {
        if (n instanceof Call c && c.construct() && c.name().equals(className) && c.arg(0) instanceof Obj o) {
            return o;
        }
        return n instanceof Obj o ? o : null;
    }

    private List<String> createTable(Obj t, boolean ifNotExists) {
        String table = Code.str(t.get("name"));
        if (table == null
                || !Set.of("name", "columns", "indices", "foreignKeys")
                        .containsAll(t.entries().keySet())
                || !(t.get("columns") instanceof Arr columns)) {
            return null;
        }
        List<String> defs = new ArrayList<>();
        List<String> primary = new ArrayList<>();
        List<String> uniques = new ArrayList<>();
        for (Node n : columns.items()) {
            Obj col = constructed(n, "TableColumn");
            String def = col == null ? null : columnSql.column(col, true);
            if (def == null) {
                return null;
            }
            defs.add(def);
            if (Boolean.TRUE.equals(Code.bool(col.get("isPrimary")))) {
                primary.add(Code.str(col.get("name")));
            }
            if (Boolean.TRUE.equals(Code.bool(col.get("isUnique")))) {
                uniques.add(Code.str(col.get("name")));
            }
        }
        List<String> after = new ArrayList<>();
        // with ifNotExists TypeORM asks the catalog first and then writes the same CREATE TABLE
        StringBuilder sql = new StringBuilder("CREATE TABLE " + d.quote(table) + " (" + String.join(", ", defs));
        List<String> inlineIndexes = new ArrayList<>();
        for (String u : uniques) {
            String name = name("UQ_", table, List.of(u), 27);
            if (pg) {
                sql.append(", CONSTRAINT ")
                        .append(d.quote(name))
                        .append(" UNIQUE (")
                        .append(d.quote(u))
                        .append(")");
            } else {
                inlineIndexes.add("UNIQUE INDEX " + d.quote(name) + " (" + d.quote(u) + ")");
            }
        }
        if (t.get("indices") instanceof Arr indices) {
            for (Node n : indices.items()) {
                Obj i = constructed(n, "TableIndex");
                String sqlIndex = i == null ? null : index(table, i);
                if (sqlIndex == null) {
                    return null;
                }
                if (pg) {
                    after.add(sqlIndex);
                } else {
                    inlineIndexes.add(sqlIndex.substring("CREATE ".length(), sqlIndex.indexOf(" ON "))
                            + sqlIndex.substring(sqlIndex.lastIndexOf(" (")));
                }
            }
        } else if (t.get("indices") != null) {
            return null;
        }
        inlineIndexes.forEach(i -> sql.append(", ").append(i));
        if (t.get("foreignKeys") instanceof Arr fks) {
            for (Node n : fks.items()) {
                Obj fk = constructed(n, "TableForeignKey");
                String fkSql = fk == null ? null : foreignKey(table, fk, " ");
                if (fkSql == null) {
                    return null;
                }
                sql.append(", ").append(fkSql);
            }
        } else if (t.get("foreignKeys") != null) {
            return null;
        }
        if (!primary.isEmpty()) {
            sql.append(
                    pg
                            ? ", CONSTRAINT " + d.quote(name("PK_", table, primary, 27)) + " PRIMARY KEY ("
                                    + list(primary) + ")"
                            : ", PRIMARY KEY (" + list(primary) + ")");
        }
        sql.append(pg ? ")" : ") ENGINE=InnoDB");
        List<String> out = new ArrayList<>(List.of(sql.toString()));
        out.addAll(after);
        return out;
    }

    private String index(String table, Obj i) {
        List<String> cols = Code.names(i.get("columnNames"));
        if (cols == null
                || !Set.of("name", "columnNames", "isUnique")
                        .containsAll(i.entries().keySet())) {
            return null;
        }
        String name = i.get("name") != null ? Code.str(i.get("name")) : name("IDX_", table, cols, 26);
        boolean unique = Boolean.TRUE.equals(Code.bool(i.get("isUnique")));
        return "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + d.quote(name) + " ON " + d.quote(table) + " ("
                + list(cols) + ")";
    }

    /** {@code space}: inside CREATE TABLE TypeORM writes {@code REFERENCES "t" ("id")}, in createForeignKey {@code REFERENCES "t"("id")}. */
    private String foreignKey(String table, Obj fk, String space) {
        List<String> cols = Code.names(fk.get("columnNames"));
        List<String> refCols = Code.names(fk.get("referencedColumnNames"));
        String refTable = Code.str(fk.get("referencedTableName"));
        if (cols == null
                || refCols == null
                || refTable == null
                || !Set.of(
                                "name",
                                "columnNames",
                                "referencedColumnNames",
                                "referencedTableName",
                                "onDelete",
                                "onUpdate")
                        .containsAll(fk.entries().keySet())) {
            return null;
        }
        String name = fk.get("name") != null ? Code.str(fk.get("name")) : name("FK_", table, cols, 27);
        String onDelete = Code.str(fk.get("onDelete"));
        String onUpdate = Code.str(fk.get("onUpdate"));
        return "CONSTRAINT " + d.quote(name) + " FOREIGN KEY (" + list(cols) + ") REFERENCES " + d.quote(refTable)
                + space + "(" + list(refCols) + ")" + (onDelete != null ? " ON DELETE " + onDelete : "")
                + (onUpdate != null ? " ON UPDATE " + onUpdate : "");
    }

    private String list(List<String> cols) {
        return cols.stream().map(d::quote).collect(Collectors.joining(", "));
    }

    /** DefaultNamingStrategy: prefix + SHA-1 hex of {@code <table>_<columns sorted>}, cut to {@code length}. */
    static String name(String prefix, String table, List<String> columns, int length) {
        List<String> sorted = new ArrayList<>(columns);
        java.util.Collections.sort(sorted);
        String key =
                table.substring(table.lastIndexOf('.') + 1).replaceFirst("\\.", "_") + "_" + String.join("_", sorted);
        byte[] digest = Digests.digest("SHA-1").digest(key.getBytes(StandardCharsets.UTF_8));
        return prefix + HexFormat.of().formatHex(digest).substring(0, length);
    }
}
