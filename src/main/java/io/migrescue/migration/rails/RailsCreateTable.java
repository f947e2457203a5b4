package io.migrescue.migration.rails;

import io.migrescue.migration.code.Code;
import io.migrescue.migration.code.Node;
import io.migrescue.migration.code.Node.Call;
import io.migrescue.migration.code.Node.Func;
import io.migrescue.migration.code.Node.Ident;
import io.migrescue.migration.code.Node.Obj;
import io.migrescue.migration.code.Rendered;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code create_table :orders do |t| … end} as ActiveRecord writes it: the implicit {@code id} first (bigint
 * auto-increment, or what {@code id:} says; none with {@code id: false}), the columns, then on MySQL the indexes
 * inside the CREATE TABLE and on PostgreSQL as CREATE INDEX after it, and the foreign keys of
 * {@code t.references … foreign_key: true} inside it on both.
 */
final class RailsCreateTable {
    private static final Set<String> TYPES = Set.of(
            "string",
            "text",
            "integer",
            "bigint",
            "float",
            "decimal",
            "numeric",
            "datetime",
            "timestamp",
            "time",
            "date",
            "binary",
            "blob",
            "boolean",
            "json",
            "jsonb",
            "uuid",
            "inet",
            "cidr",
            "macaddr",
            "hstore",
            "citext",
            "interval",
            "tsvector",
            "money",
            "xml",
            "point");
    private final RailsSql sql;
    private final Rendered out;
    private final String table;
    private final Obj options;
    private final int line;
    private final List<String> columns = new ArrayList<>();
    private final List<String[]> indexes = new ArrayList<>();
    private final List<String> foreignKeys = new ArrayList<>();
    private final List<Node> notUnderstood = new ArrayList<>();

    /** What {@code t.references} / {@code add_reference} adds besides the column; names null when not added. */
    record Reference(
            String indexName, boolean uniqueIndex, String fkName, String toTable, String onDelete, String onUpdate) {}

    static boolean isType(String method) {
        return TYPES.contains(method);
    }

    RailsCreateTable(RailsSql sql, Rendered out, String table, Obj options, int line) {
        this.sql = sql;
        this.out = out;
        this.table = table;
        this.options = options;
        this.line = line;
    }

    boolean render(Func block) {
        if (!RailsOptions.known(options, "id", "primary_key", "force", "if_not_exists", "options", "comment")) {
            return false;
        }
        Node id = options == null ? null : options.get("id");
        if (!Boolean.FALSE.equals(Code.bool(id))) {
            String type = id == null ? "bigint" : Code.str(id);
            String pk =
                    options != null && options.get("primary_key") != null ? Code.str(options.get("primary_key")) : "id";
            String idColumn = type == null || pk == null ? null : sql.idColumn(pk, type);
            if (idColumn == null) {
                return false;
            }
            columns.add(idColumn);
        }
        if (block != null) {
            String t = block.params().isEmpty() ? "t" : block.params().get(0);
            for (Node n : block.body()) {
                if (!(n instanceof Call c)
                        || !(c.target() instanceof Ident target)
                        || !target.name().equals(t)
                        || !definition(c)) {
                    notUnderstood.add(n);
                }
            }
        }
        if (options != null && options.get("force") != null) {
            out.add(
                    "DROP TABLE IF EXISTS " + sql.d.quote(table)
                            + ("cascade".equals(Code.str(options.get("force"))) ? " CASCADE" : ""),
                    line);
        }
        boolean ifNotExists = options != null && Boolean.TRUE.equals(Code.bool(options.get("if_not_exists")));
        List<String> parts = new ArrayList<>(columns);
        if (!sql.pg) {
            indexes.forEach(i -> parts.add(sql.inlineIndex(i[0], List.of(i[1].split(",")), i[2] != null)));
        }
        parts.addAll(foreignKeys);
        String tableOptions = options == null ? null : Code.str(options.get("options"));
        out.add(
                "CREATE TABLE " + (ifNotExists ? "IF NOT EXISTS " : "") + sql.d.quote(table) + " ("
                        + String.join(", ", parts) + ")" + (tableOptions != null && !sql.pg ? " " + tableOptions : ""),
                line);
        if (sql.pg) {
            indexes.forEach(i -> out.add(
                    sql.index(table, i[0], List.of(i[1].split(",")), i[2] != null, null), Integer.parseInt(i[3])));
        }
        notUnderstood.forEach(out::notUnderstood);
        return true;
    }

    /** One {@code t.…} line; false when it is not understood. */
    private boolean definition(Call c) {
        Obj o = RailsMigrationReader.options(c);
        String name = c.name();
        if (TYPES.contains(name)) {
            List<String> cols = new ArrayList<>();
            for (Node a : c.args()) {
                if (a instanceof Obj) {
                    continue;
                }
                String colName = Code.str(a);
                String col = colName == null ? null : sql.column(colName, name, RailsOptions.withoutKeys(o, "index"));
                if (col == null) {
                    return false;
                }
                cols.add(col);
                if (o != null && o.get("index") != null && !indexOption(colName, o.get("index"), c.line())) {
                    return false;
                }
            }
            columns.addAll(cols);
            return !cols.isEmpty();
        }
        switch (name) {
            case "column" -> {
                String colName = Code.str(c.arg(0));
                String type = Code.str(c.arg(1));
                String col = colName == null || type == null ? null : sql.column(colName, type, o);
                if (col == null) {
                    return false;
                }
                columns.add(col);
            }
            case "timestamps" -> {
                for (String col : List.of("created_at", "updated_at")) {
                    String def = sql.column(col, "datetime", RailsOptions.timestampOptions(o));
                    if (def == null) {
                        return false;
                    }
                    columns.add(def);
                }
            }
            case "references", "belongs_to" -> {
                String ref = Code.str(c.arg(0));
                if (ref == null) {
                    return false;
                }
                String column = ref + "_id";
                String col = sql.referenceColumn(ref, o);
                Reference r = reference(table, ref, o);
                if (col == null || r == null) {
                    return false;
                }
                columns.add(col);
                if (r.indexName() != null) {
                    indexes.add(new String[] {
                        r.indexName(), column, r.uniqueIndex() ? "unique" : null, Integer.toString(c.line())
                    });
                }
                if (r.fkName() != null) {
                    foreignKeys.add(sql.foreignKey(r.fkName(), column, r.toTable(), "id", r.onDelete(), r.onUpdate()));
                }
            }
            case "index" -> {
                List<String> cols = Code.names(c.arg(0));
                if (cols == null || !RailsOptions.known(o, "name", "unique")) {
                    return false;
                }
                String indexName = o != null && Code.str(o.get("name")) != null
                        ? Code.str(o.get("name"))
                        : RailsSql.indexName(table, cols);
                boolean unique = o != null && Boolean.TRUE.equals(Code.bool(o.get("unique")));
                indexes.add(new String[] {
                    indexName, String.join(",", cols), unique ? "unique" : null, Integer.toString(c.line())
                });
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** {@code t.string :email, index: true} or {@code index: { unique: true }}. */
    private boolean indexOption(String column, Node index, int at) {
        Boolean b = Code.bool(index);
        if (Boolean.FALSE.equals(b)) {
            return true;
        }
        Obj io = index instanceof Obj x ? x : null;
        if (b == null && (io == null || !RailsOptions.known(io, "unique", "name"))) {
            return false;
        }
        String name = io != null && Code.str(io.get("name")) != null
                ? Code.str(io.get("name"))
                : RailsSql.indexName(table, List.of(column));
        boolean unique = io != null && Boolean.TRUE.equals(Code.bool(io.get("unique")));
        indexes.add(new String[] {name, column, unique ? "unique" : null, Integer.toString(at)});
        return true;
    }

    /**
     * What a reference adds: an index {@code index_<table>_on_<ref>_id} unless {@code index: false}, a foreign key to
     * the pluralized name (or {@code to_table}) with {@code foreign_key: true} or a hash; null when not understood.
     */
    static Reference reference(String table, String ref, Obj o) {
        Node index = o == null ? null : o.get("index");
        Node fk = o == null ? null : o.get("foreign_key");
        String column = ref + "_id";
        String indexName = null;
        boolean unique = false;
        if (index == null || Boolean.TRUE.equals(Code.bool(index))) {
            indexName = RailsSql.indexName(table, List.of(column));
        } else if (index instanceof Obj io && RailsOptions.known(io, "unique", "name")) {
            indexName = Code.str(io.get("name")) != null
                    ? Code.str(io.get("name"))
                    : RailsSql.indexName(table, List.of(column));
            unique = Boolean.TRUE.equals(Code.bool(io.get("unique")));
        } else if (!Boolean.FALSE.equals(Code.bool(index))) {
            return null;
        }
        if (fk == null || Boolean.FALSE.equals(Code.bool(fk))) {
            return new Reference(indexName, unique, null, null, null, null);
        }
        if (Boolean.TRUE.equals(Code.bool(fk))) {
            return new Reference(
                    indexName, unique, RailsSql.foreignKeyName(table, column), RailsSql.pluralize(ref), null, null);
        }
        if (fk instanceof Obj fo && RailsOptions.known(fo, "to_table", "on_delete", "on_update", "name")) {
            String toTable = fo.get("to_table") != null ? Code.str(fo.get("to_table")) : RailsSql.pluralize(ref);
            String name = fo.get("name") != null ? Code.str(fo.get("name")) : RailsSql.foreignKeyName(table, column);
            if (toTable == null || name == null) {
                return null;
            }
            return new Reference(
                    indexName, unique, name, toTable, Code.str(fo.get("on_delete")), Code.str(fo.get("on_update")));
        }
        return null;
    }
}
