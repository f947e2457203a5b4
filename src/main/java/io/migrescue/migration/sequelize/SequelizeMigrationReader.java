package io.migrescue.migration.sequelize;

import io.migrescue.migration.CodeMigrationReader;
import io.migrescue.migration.code.Code;
import io.migrescue.migration.code.JsMigrations;
import io.migrescue.migration.code.Node;
import io.migrescue.migration.code.Node.Arr;
import io.migrescue.migration.code.Node.Call;
import io.migrescue.migration.code.Node.Func;
import io.migrescue.migration.code.Node.Ident;
import io.migrescue.migration.code.Node.Member;
import io.migrescue.migration.code.Node.Obj;
import io.migrescue.migration.code.Rendered;
import io.migrescue.model.Engine;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.SqlStatement;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sequelize migrations ({@code module.exports = { async up(queryInterface, Sequelize) {…} }}, as
 * {@code sequelize migration:generate} and {@code model:generate} write them): the {@code queryInterface} calls
 * {@code createTable}, {@code dropTable}, {@code renameTable}, {@code addColumn}, {@code removeColumn},
 * {@code changeColumn}, {@code renameColumn}, {@code addIndex}, {@code removeIndex}, {@code addConstraint},
 * {@code removeConstraint} (PostgreSQL) rendered as Sequelize 6's query generators render them, and
 * {@code queryInterface.sequelize.query("…")} as written; calls wrapped in {@code sequelize.transaction(…)} are read
 * in order. Known by the file name SequelizeMeta records, in file-name order.
 */
public final class SequelizeMigrationReader implements CodeMigrationReader {

    @Override
    public String tool() {
        return "sequelize";
    }

    @Override
    public List<MigrationFile> list(Path dir) throws IOException {
        return JsMigrations.byFileName(dir, tool());
    }

    @Override
    public List<SqlStatement> statements(MigrationFile file, Engine engine) throws IOException {
        Rendered out = new Rendered();
        JsMigrations.up(file, out)
                .ifPresent(up -> new Body(JsMigrations.firstParam(up, "queryInterface"), Dialect.of(engine), out)
                        .run(up.body()));
        return out.statements();
    }

    private record Body(String qi, Dialect d, Rendered out) {
        private boolean pg() {
            return d.engine() == Engine.POSTGRESQL;
        }

        void run(List<Node> body) {
            for (Node n : body) {
                statement(n);
            }
        }

        private void statement(Node n) {
            if (n instanceof Call c) {
                if (c.target() instanceof Ident id && id.name().equals(qi)) {
                    if (!call(c)) {
                        out.notUnderstood(c);
                    }
                    return;
                }
                if (c.name().equals("query")
                        && c.target() instanceof Member m
                        && m.name().equals("sequelize")
                        && Code.str(c.arg(0)) != null
                        && (c.args().size() == 1 || c.arg(1) instanceof Obj o && plainOptions(o))) {
                    out.add(stripSemicolon(Code.str(c.arg(0))), c.line());
                    return;
                }
                if (c.target() instanceof Ident p
                        && p.name().equals("Promise")
                        && c.name().equals("all")
                        && c.arg(0) instanceof Arr items) {
                    run(items.items());
                    return;
                }
                if (c.args().stream().anyMatch(a -> a instanceof Func)) {
                    c.args().stream().filter(a -> a instanceof Func).forEach(a -> run(((Func) a).body()));
                    return;
                }
            }
            out.notUnderstood(n);
        }

        /** Options that do not change the SQL ({@code { transaction: t }}, a query type). */
        private static boolean plainOptions(Obj o) {
            return o.entries().keySet().stream()
                    .allMatch(
                            k -> k.equals("transaction") || k.equals("type") || k.equals("raw") || k.equals("logging"));
        }

        private boolean call(Call c) {
            String table = Code.str(c.arg(0));
            if (table == null) {
                return false;
            }
            int line = c.line();
            switch (c.name()) {
                case "createTable" -> {
                    return c.arg(1) instanceof Obj attributes && createTable(table, attributes, line);
                }
                case "dropTable" -> out.add("DROP TABLE IF EXISTS " + d.quote(table), line);
                case "renameTable" -> {
                    String to = Code.str(c.arg(1));
                    if (to == null) {
                        return false;
                    }
                    out.add("ALTER TABLE " + d.quote(table) + " RENAME TO " + d.quote(to), line);
                }
                case "addColumn" -> {
                    String column = Code.str(c.arg(1));
                    Attribute a = column == null ? null : Attribute.read(c.arg(2), d.engine(), table, column);
                    if (a == null) {
                        return false;
                    }
                    enumType(a, line);
                    out.add(
                            pg()
                                    ? "ALTER TABLE " + d.qualify("public", table) + " ADD COLUMN " + d.quote(column)
                                            + " " + a.sql(d, true)
                                    : "ALTER TABLE " + d.quote(table) + " ADD " + d.quote(column) + " "
                                            + a.sqlForAddColumn(d, table, column),
                            line);
                }
                case "removeColumn" -> {
                    String column = Code.str(c.arg(1));
                    if (column == null) {
                        return false;
                    }
                    out.add(
                            pg()
                                    ? "ALTER TABLE " + d.qualify("public", table) + " DROP COLUMN " + d.quote(column)
                                    : "ALTER TABLE " + d.quote(table) + " DROP " + d.quote(column),
                            line);
                }
                case "renameColumn" -> {
                    String from = Code.str(c.arg(1));
                    String to = Code.str(c.arg(2));
                    if (from == null || to == null) {
                        return false;
                    }
                    // MySQL: Sequelize reads the column's type and writes CHANGE; the rename has the same effect
                    out.add(
                            "ALTER TABLE " + d.quote(table) + " RENAME COLUMN " + d.quote(from) + " TO " + d.quote(to),
                            line);
                }
                case "changeColumn" -> {
                    String column = Code.str(c.arg(1));
                    Attribute a = column == null ? null : Attribute.read(c.arg(2), d.engine(), table, column);
                    if (a == null || a.references != null) {
                        return false;
                    }
                    changeColumn(table, column, a, line);
                }
                case "addIndex" -> {
                    return addIndex(table, c, line);
                }
                case "removeIndex" -> {
                    String name = Code.str(c.arg(1));
                    if (name == null) {
                        List<String> fields = Code.names(c.arg(1));
                        if (fields == null) {
                            return false;
                        }
                        name = indexName(table, fields);
                    }
                    out.add(
                            pg()
                                    ? "DROP INDEX IF EXISTS " + d.quote(name)
                                    : "DROP INDEX " + d.quote(name) + " ON " + d.quote(table),
                            line);
                }
                case "addConstraint" -> {
                    return c.arg(1) instanceof Obj o && addConstraint(table, o, line);
                }
                case "removeConstraint" -> {
                    String name = Code.str(c.arg(1));
                    if (name == null || !pg()) {
                        return false; // MySQL: Sequelize looks the constraint's kind up in the catalog first
                    }
                    out.add("ALTER TABLE " + d.quote(table) + " DROP CONSTRAINT " + d.quote(name), line);
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        private boolean createTable(String table, Obj attributes, int line) {
            List<String> columns = new ArrayList<>();
            List<String> primary = new ArrayList<>();
            List<String> foreign = new ArrayList<>();
            List<Attribute> read = new ArrayList<>();
            for (Map.Entry<String, Node> e : attributes.entries().entrySet()) {
                Attribute a = Attribute.read(e.getValue(), d.engine(), table, e.getKey());
                if (a == null) {
                    return false;
                }
                read.add(a);
                String sql = a.sql(d, false);
                if (a.primaryKey) {
                    primary.add(d.quote(e.getKey()));
                }
                if (!pg() && a.references != null) {
                    foreign.add("FOREIGN KEY (" + d.quote(e.getKey()) + ")" + a.referencesSql(d));
                    sql = sql.substring(0, sql.indexOf(" REFERENCES "));
                }
                columns.add(d.quote(e.getKey()) + " " + sql);
            }
            for (Attribute a : read) {
                enumType(a, line);
            }
            String body = String.join(", ", columns);
            if (!primary.isEmpty()) {
                body += ", PRIMARY KEY (" + String.join(", ", primary) + ")";
            }
            for (String f : foreign) {
                body += ", " + f;
            }
            out.add(
                    "CREATE TABLE IF NOT EXISTS " + d.quote(table) + " (" + body + ")" + (pg() ? "" : " ENGINE=InnoDB"),
                    line);
            return true;
        }

        /** PostgreSQL: an ENUM column's type is created first, as Sequelize does (and it tolerates an existing one). */
        private void enumType(Attribute a, int line) {
            if (pg() && a.type.is("ENUM")) {
                String values = SequelizeTypes.enumValues(a.type).stream()
                        .map(v -> "''" + v.replace("'", "''''") + "''")
                        .collect(Collectors.joining(", "));
                out.add(
                        "DO 'BEGIN CREATE TYPE \"public\".\"" + SequelizeTypes.enumName(a.table, a.column)
                                + "\" AS ENUM(" + values + "); EXCEPTION WHEN duplicate_object THEN null; END'",
                        line);
            }
        }

        private void changeColumn(String table, String column, Attribute a, int line) {
            if (!pg()) {
                out.add(
                        "ALTER TABLE " + d.quote(table) + " CHANGE " + d.quote(column) + " " + d.quote(column) + " "
                                + a.sql(d, false),
                        line);
                return;
            }
            String alter = "ALTER TABLE " + d.quote(table) + " ALTER COLUMN " + d.quote(column);
            out.add(alter + (a.allowNullFalse ? " SET NOT NULL" : " DROP NOT NULL"), line);
            out.add(alter + (a.defaultValue != null ? " SET DEFAULT " + a.defaultValue : " DROP DEFAULT"), line);
            out.add(alter + " TYPE " + a.sqlType, line);
            if (a.unique) {
                out.add("ALTER TABLE " + d.quote(table) + " ADD UNIQUE (" + d.quote(column) + ")", line);
            }
        }

        private boolean addIndex(String table, Call c, int line) {
            Node second = c.arg(1);
            Obj options = c.arg(2) instanceof Obj o ? o : null;
            List<String> fields = Code.names(second);
            if (fields == null && second instanceof Obj o) {
                options = o;
                fields = Code.names(o.get("fields"));
            }
            if (fields == null
                    || options != null
                            && !options.entries().keySet().stream()
                                    .allMatch(k -> List.of("name", "unique", "fields", "transaction", "type")
                                            .contains(k))) {
                return false;
            }
            String name = options != null && Code.str(options.get("name")) != null
                    ? Code.str(options.get("name"))
                    : indexName(table, fields);
            String kind = options == null ? null : Code.str(options.get("type"));
            boolean unique = options != null && Boolean.TRUE.equals(Code.bool(options.get("unique")))
                    || "UNIQUE".equalsIgnoreCase(kind);
            if (kind != null && !"UNIQUE".equalsIgnoreCase(kind)) {
                return false;
            }
            String cols = fields.stream().map(d::quote).collect(Collectors.joining(", "));
            out.add(
                    pg()
                            ? "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + d.quote(name) + " ON " + d.quote(table)
                                    + " (" + cols + ")"
                            : "ALTER TABLE " + d.quote(table) + " ADD " + (unique ? "UNIQUE " : "") + "INDEX "
                                    + d.quote(name) + " (" + cols + ")",
                    line);
            return true;
        }

        /** {@code addConstraint(table, { fields, type, name, references: { table, field }, onDelete, onUpdate })}. */
        private boolean addConstraint(String table, Obj o, int line) {
            List<String> fields = Code.names(o.get("fields"));
            String type = Code.str(o.get("type"));
            if (fields == null || type == null) {
                return false;
            }
            String kind = type.toLowerCase(Locale.ROOT);
            String suffix = switch (kind) {
                case "unique" -> "uk";
                case "foreign key" -> "fk";
                case "primary key" -> "pk";
                default -> null;
            };
            if (suffix == null) {
                return false;
            }
            String cols = fields.stream().map(d::quote).collect(Collectors.joining(", "));
            String sql;
            String refTable = null;
            if (kind.equals("foreign key")) {
                Obj ref = o.get("references") instanceof Obj r ? r : null;
                refTable = ref == null ? null : Code.str(ref.get("table"));
                String field = ref == null ? null : Code.str(ref.get("field"));
                if (refTable == null || field == null) {
                    return false;
                }
                String onDelete = Code.str(o.get("onDelete"));
                String onUpdate = Code.str(o.get("onUpdate"));
                sql = "FOREIGN KEY (" + cols + ") REFERENCES " + d.quote(refTable) + " (" + d.quote(field) + ")"
                        + (onDelete != null ? " ON DELETE " + onDelete.toUpperCase(Locale.ROOT) : "")
                        + (onUpdate != null ? " ON UPDATE " + onUpdate.toUpperCase(Locale.ROOT) : "");
            } else {
                sql = kind.toUpperCase(Locale.ROOT) + " (" + cols + ")";
            }
            String name = Code.str(o.get("name"));
            if (name == null) {
                name = table + "_" + String.join("_", fields) + (refTable != null ? "_" + refTable : "") + "_" + suffix;
            }
            out.add("ALTER TABLE " + d.quote(table) + " ADD CONSTRAINT " + d.quote(name) + " " + sql, line);
            return true;
        }
    }

    /** Sequelize's {@code nameIndex}: {@code Utils.underscore(<table>_<fields>)}. */
    static String indexName(String table, List<String> fields) {
        return underscore(table + "_" + String.join("_", fields));
    }

    /** inflection's {@code underscore}: an underscore before every capital, a leading one dropped, all lower case. */
    static String underscore(String s) {
        String u = s.replaceAll("([A-Z])", "_$1");
        if (u.startsWith("_")) {
            u = u.substring(1);
        }
        return u.toLowerCase(Locale.ROOT);
    }

    private static String stripSemicolon(String sql) {
        String s = sql.strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1).strip() : s;
    }
}
