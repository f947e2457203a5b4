package io.migrescue.migration.rails;

import io.migrescue.migration.code.Code;
import io.migrescue.migration.code.Node;
import io.migrescue.migration.code.Node.Call;
import io.migrescue.migration.code.Node.Func;
import io.migrescue.migration.code.Node.Ident;
import io.migrescue.migration.code.Node.Obj;
import io.migrescue.migration.code.Node.Str;
import io.migrescue.migration.code.Rendered;
import java.util.ArrayList;
import java.util.List;

/** The statements of one migration body, call by call (see {@link RailsMigrationReader} for what is read). */
final class RailsBody {
    private final RailsSql sql;
    private final Rendered out;

    RailsBody(RailsSql sql, Rendered out) {
        this.sql = sql;
        this.out = out;
    }

    void run(List<Node> body) {
        for (Node n : body) {
            if (!(n instanceof Call c) || c.target() != null || !call(c)) {
                out.notUnderstood(n);
            }
        }
    }

    private String q(String name) {
        return sql.d.quote(name);
    }

    /** Renders a bare call and says whether it knew it. */
    private boolean call(Call c) {
        Obj options = RailsMigrationReader.options(c);
        String a0 = Code.str(c.arg(0));
        String a1 = Code.str(c.arg(1));
        int line = c.line();
        switch (c.name()) {
            case "reversible" -> {
                if (c.block() == null) {
                    return false;
                }
                run(RailsMigrationReader.upHalf(c.block()));
            }
            case "up_only", "say_with_time", "suppress_messages", "revert" -> {
                if (c.block() == null || c.name().equals("revert")) {
                    return false;
                }
                run(c.block().body());
            }
            case "say" -> {
                // prints only
            }
            case "execute" -> {
                String text = executed(c.arg(0));
                if (text == null || c.args().size() > 1) {
                    return false;
                }
                out.add(text.strip().replaceAll(";\\s*$", ""), line);
            }
            case "change_table" -> {
                return a0 != null
                        && c.block() != null
                        && (options == null || options.entries().isEmpty())
                        && changeTable(a0, c.block());
            }
            case "create_table" -> {
                return a0 != null && new RailsCreateTable(sql, out, a0, options, line).render(c.block());
            }
            case "drop_table" -> {
                if (a0 == null) {
                    return false;
                }
                boolean ifExists = options != null && Boolean.TRUE.equals(Code.bool(options.get("if_exists")));
                boolean cascade = options != null && "cascade".equals(Code.str(options.get("force")));
                out.add("DROP TABLE " + (ifExists ? "IF EXISTS " : "") + q(a0) + (cascade ? " CASCADE" : ""), line);
            }
            case "rename_table" -> {
                if (a0 == null || a1 == null) {
                    return false;
                }
                out.add(
                        sql.pg
                                ? "ALTER TABLE " + q(a0) + " RENAME TO " + q(a1)
                                : "RENAME TABLE " + q(a0) + " TO " + q(a1),
                        line);
            }
            case "add_column" -> {
                String type = Code.str(c.arg(2));
                String column = a1 == null || type == null ? null : sql.column(a1, type, options);
                if (column == null || options != null && options.get("index") != null) {
                    return false;
                }
                out.add("ALTER TABLE " + q(a0) + " ADD " + column, line);
            }
            case "remove_column", "remove_columns" -> {
                List<String> columns = new ArrayList<>();
                for (int k = 1; k < c.args().size(); k++) {
                    if (c.args().get(k) instanceof Obj || c.name().equals("remove_column") && k > 1) {
                        continue; // remove_column's type and options only matter for rolling back
                    }
                    String col = Code.str(c.args().get(k));
                    if (col == null) {
                        return false;
                    }
                    columns.add(col);
                }
                if (a0 == null || columns.isEmpty()) {
                    return false;
                }
                for (String col : columns) {
                    out.add("ALTER TABLE " + q(a0) + " DROP COLUMN " + q(col), line);
                }
            }
            case "rename_column" -> {
                String to = Code.str(c.arg(2));
                if (a0 == null || a1 == null || to == null) {
                    return false;
                }
                out.add("ALTER TABLE " + q(a0) + " RENAME COLUMN " + q(a1) + " TO " + q(to), line);
            }
            case "change_column" -> {
                String type = Code.str(c.arg(2));
                String column = a0 == null || a1 == null || type == null ? null : sql.column(a1, type, options);
                if (column == null) {
                    return false;
                }
                if (!sql.pg) {
                    out.add("ALTER TABLE " + q(a0) + " CHANGE " + q(a1) + " " + column, line);
                    return true;
                }
                String alter = "ALTER TABLE " + q(a0) + " ALTER COLUMN " + q(a1);
                out.add(alter + " TYPE " + RailsTypes.of(type, options, sql.d.engine(), sql.version), line);
                if (options != null && options.get("default") != null) {
                    out.add(alter + " SET DEFAULT " + RailsTypes.defaultValue(options.get("default")), line);
                }
                if (options != null && Code.bool(options.get("null")) != null) {
                    out.add(
                            alter
                                    + (Boolean.FALSE.equals(Code.bool(options.get("null")))
                                            ? " SET NOT NULL"
                                            : " DROP NOT NULL"),
                            line);
                }
            }
            case "change_column_default" -> {
                Node value = options != null && options.get("to") != null ? options.get("to") : c.arg(2);
                String v = value == null ? null : RailsTypes.defaultValue(value);
                if (a0 == null || a1 == null || v == null) {
                    return false;
                }
                String alter = "ALTER TABLE " + q(a0) + " ALTER COLUMN " + q(a1);
                out.add(v.equals("NULL") ? alter + " DROP DEFAULT" : alter + " SET DEFAULT " + v, line);
            }
            case "change_column_null" -> {
                Boolean nullable = Code.bool(c.arg(2));
                if (a0 == null || a1 == null || nullable == null || !sql.pg) {
                    return false; // MySQL: ActiveRecord restates the column's type, read from the live table
                }
                if (c.args().size() > 3) {
                    String v = RailsTypes.defaultValue(c.arg(3));
                    if (v == null) {
                        return false;
                    }
                    out.add("UPDATE " + q(a0) + " SET " + q(a1) + "=" + v + " WHERE " + q(a1) + " IS NULL", line);
                }
                out.add(
                        "ALTER TABLE " + q(a0) + " ALTER COLUMN " + q(a1)
                                + (nullable ? " DROP NOT NULL" : " SET NOT NULL"),
                        line);
            }
            case "add_index" -> {
                List<String> columns = Code.names(c.arg(1));
                if (a0 == null || columns == null || !knownIndexOptions(options)) {
                    return false;
                }
                String name = options != null && Code.str(options.get("name")) != null
                        ? Code.str(options.get("name"))
                        : RailsSql.indexName(a0, columns);
                out.add(sql.index(a0, name, columns, unique(options), options), line);
            }
            case "remove_index" -> {
                String name = options != null ? Code.str(options.get("name")) : null;
                if (name == null) {
                    List<String> columns = options != null && options.get("column") != null
                            ? Code.names(options.get("column"))
                            : c.arg(1) instanceof Obj ? null : Code.names(c.arg(1));
                    name = columns == null || a0 == null ? null : RailsSql.indexName(a0, columns);
                }
                if (name == null) {
                    return false;
                }
                out.add(sql.pg ? "DROP INDEX  " + q(name) : "DROP INDEX " + q(name) + " ON " + q(a0), line);
            }
            case "rename_index" -> {
                String to = Code.str(c.arg(2));
                if (a0 == null || a1 == null || to == null) {
                    return false;
                }
                out.add(
                        sql.pg
                                ? "ALTER INDEX " + q(a1) + " RENAME TO " + q(to)
                                : "ALTER TABLE " + q(a0) + " RENAME INDEX " + q(a1) + " TO " + q(to),
                        line);
            }
            case "add_reference", "add_belongs_to" -> {
                return a0 != null && a1 != null && addReference(a0, a1, options, line);
            }
            case "remove_reference", "remove_belongs_to" -> {
                if (a0 == null || a1 == null) {
                    return false;
                }
                Node fk = options == null ? null : options.get("foreign_key");
                if (fk != null && !Boolean.FALSE.equals(Code.bool(fk))) {
                    String column = a1 + "_id";
                    out.add(dropForeignKey(a0, RailsSql.foreignKeyName(a0, column)), line);
                }
                out.add("ALTER TABLE " + q(a0) + " DROP COLUMN " + q(a1 + "_id"), line);
            }
            case "add_foreign_key" -> {
                if (a0 == null
                        || a1 == null
                        || !known(options, "column", "primary_key", "name", "on_delete", "on_update", "validate")) {
                    return false;
                }
                String column = options != null && options.get("column") != null
                        ? Code.str(options.get("column"))
                        : singular(a1) + "_id";
                String pk = options != null && options.get("primary_key") != null
                        ? Code.str(options.get("primary_key"))
                        : "id";
                String name = options != null && options.get("name") != null
                        ? Code.str(options.get("name"))
                        : RailsSql.foreignKeyName(a0, column);
                if (column == null || pk == null || name == null) {
                    return false;
                }
                boolean notValid =
                        sql.pg && options != null && Boolean.FALSE.equals(Code.bool(options.get("validate")));
                out.add(
                        "ALTER TABLE " + q(a0) + " ADD "
                                + sql.foreignKey(
                                                name,
                                                column,
                                                a1,
                                                pk,
                                                opt(options, "on_delete"),
                                                opt(options, "on_update"))
                                        .strip()
                                + (notValid ? " NOT VALID" : ""),
                        line);
            }
            case "remove_foreign_key" -> {
                String name = options != null ? Code.str(options.get("name")) : null;
                if (name == null && a0 != null) {
                    String column = options != null && options.get("column") != null
                            ? Code.str(options.get("column"))
                            : a1 != null ? singular(a1) + "_id" : null;
                    name = column == null ? null : RailsSql.foreignKeyName(a0, column);
                }
                if (name == null) {
                    return false;
                }
                out.add(dropForeignKey(a0, name), line);
            }
            case "add_timestamps" -> {
                if (a0 == null) {
                    return false;
                }
                Obj o = options;
                String type = "datetime";
                List<String> cols = new ArrayList<>();
                for (String name : List.of("created_at", "updated_at")) {
                    String col = sql.column(name, type, timestampOptions(o));
                    if (col == null) {
                        return false;
                    }
                    cols.add("ADD " + col);
                }
                out.add("ALTER TABLE " + q(a0) + " " + String.join(", ", cols), line);
            }
            case "remove_timestamps" -> {
                if (a0 == null) {
                    return false;
                }
                out.add(
                        "ALTER TABLE " + q(a0) + " DROP COLUMN " + q("updated_at") + ", DROP COLUMN " + q("created_at"),
                        line);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code change_table :users do |t| … end}: each line is the schema statement it stands for ({@code t.string :x} is
     * {@code add_column :users, :x, :string}, {@code t.remove} is {@code remove_columns}, {@code t.index} is
     * {@code add_index}, …), run one by one as ActiveRecord does without {@code bulk: true}.
     */
    private boolean changeTable(String table, Func block) {
        String t = block.params().isEmpty() ? "t" : block.params().get(0);
        Node.Sym tableArg = new Node.Sym(table, block.line(), ":" + table);
        for (Node n : block.body()) {
            if (!(n instanceof Call c)
                    || !(c.target() instanceof Ident id)
                    || !id.name().equals(t)) {
                out.notUnderstood(n);
                continue;
            }
            String statement = switch (c.name()) {
                case "column" -> "add_column";
                case "remove" -> "remove_columns";
                case "index" -> "add_index";
                case "remove_index" -> "remove_index";
                case "references", "belongs_to" -> "add_reference";
                case "remove_references", "remove_belongs_to" -> "remove_reference";
                case "timestamps" -> "add_timestamps";
                case "remove_timestamps" -> "remove_timestamps";
                case "rename" -> "rename_column";
                case "change" -> "change_column";
                case "change_default" -> "change_column_default";
                case "change_null" -> "change_column_null";
                case "foreign_key" -> "add_foreign_key";
                case "remove_foreign_key" -> "remove_foreign_key";
                default -> RailsCreateTable.isType(c.name()) ? "add_column" : null;
            };
            List<Node> args = new ArrayList<>();
            args.add(tableArg);
            if (statement != null && statement.equals("add_column") && !c.name().equals("column")) {
                // t.string :a, :b, null: false: one add_column per name
                Obj opts = RailsMigrationReader.options(c);
                for (Node a : c.args()) {
                    if (!(a instanceof Obj)) {
                        List<Node> one =
                                new ArrayList<>(List.of(tableArg, a, new Node.Sym(c.name(), c.line(), ":" + c.name())));
                        if (opts != null) {
                            one.add(opts);
                        }
                        if (!call(new Call(null, statement, one, null, false, c.line(), c.text()))) {
                            out.notUnderstood(c);
                        }
                    }
                }
                continue;
            }
            args.addAll(c.args());
            if (statement == null || !call(new Call(null, statement, args, null, false, c.line(), c.text()))) {
                out.notUnderstood(c);
            }
        }
        return true;
    }

    private String dropForeignKey(String table, String name) {
        return "ALTER TABLE " + q(table) + (sql.pg ? " DROP CONSTRAINT " : " DROP FOREIGN KEY ") + q(name);
    }

    /** {@code add_reference :orders, :user, foreign_key: true, null: false, index: true}: column, index, foreign key. */
    private boolean addReference(String table, String ref, Obj options, int line) {
        if (!known(options, "foreign_key", "index", "null", "type", "default")) {
            return false;
        }
        String column = ref + "_id";
        String type = options != null && options.get("type") != null ? Code.str(options.get("type")) : "bigint";
        String col =
                type == null ? null : sql.column(column, type, withoutKeys(options, "foreign_key", "index", "type"));
        if (col == null) {
            return false;
        }
        RailsCreateTable.Reference r = RailsCreateTable.reference(table, ref, options);
        if (r == null) {
            return false;
        }
        out.add("ALTER TABLE " + q(table) + " ADD " + col, line);
        if (r.indexName() != null) {
            out.add(sql.index(table, r.indexName(), List.of(column), r.uniqueIndex(), null), line);
        }
        if (r.fkName() != null) {
            out.add(
                    ("ALTER TABLE " + q(table) + " ADD "
                                    + sql.foreignKey(r.fkName(), column, r.toTable(), "id", r.onDelete(), r.onUpdate()))
                            .strip(),
                    line);
        }
        return true;
    }

    /** ActiveRecord 6.1+: {@code add_timestamps} makes NOT NULL columns with precision 6 unless told otherwise. */
    static Obj timestampOptions(Obj given) {
        java.util.Map<String, Node> o = new java.util.LinkedHashMap<>();
        o.put("precision", new Node.Num("6", 0, "6"));
        o.put("null", new Ident("false", 0, "false"));
        if (given != null) {
            o.putAll(given.entries());
        }
        return new Obj(o, 0, "");
    }

    static Obj withoutKeys(Obj options, String... keys) {
        if (options == null) {
            return null;
        }
        java.util.Map<String, Node> o = new java.util.LinkedHashMap<>(options.entries());
        for (String k : keys) {
            o.remove(k);
        }
        return new Obj(o, options.line(), options.text());
    }

    static boolean known(Obj options, String... keys) {
        return options == null || List.of(keys).containsAll(options.entries().keySet());
    }

    private static boolean knownIndexOptions(Obj options) {
        return known(options, "name", "unique", "where", "using", "algorithm", "if_not_exists");
    }

    private static boolean unique(Obj options) {
        return options != null && Boolean.TRUE.equals(Code.bool(options.get("unique")));
    }

    private static String opt(Obj options, String key) {
        return options == null ? null : Code.str(options.get(key));
    }

    /** A literal string, or a heredoc with {@code .squish}/{@code .strip} applied. */
    private static String executed(Node n) {
        if (n instanceof Str s) {
            return s.value();
        }
        if (n instanceof Call c
                && c.target() instanceof Str s
                && s.value() != null
                && c.args().isEmpty()) {
            return switch (c.name()) {
                case "squish" -> s.value().strip().replaceAll("\\s+", " ");
                case "strip", "chomp", "freeze", "dup" -> s.value().strip();
                default -> null;
            };
        }
        return null;
    }

    /** ActiveSupport's singular for the common plural table names ({@code users} → {@code user}). */
    static String singular(String table) {
        if (table.endsWith("ies")) {
            return table.substring(0, table.length() - 3) + "y";
        }
        if (table.endsWith("sses")
                || table.endsWith("xes")
                || table.endsWith("ches")
                || table.endsWith("shes")
                || table.endsWith("uses")) {
            return table.substring(0, table.length() - 2);
        }
        if (table.equals("people")) {
            return "person";
        }
        return table.endsWith("s") && !table.endsWith("ss") ? table.substring(0, table.length() - 1) : table;
    }

    static boolean isFunc(Node n) {
        return n instanceof Func;
    }
}
