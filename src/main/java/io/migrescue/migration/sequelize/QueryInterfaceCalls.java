package io.migrescue.migration.sequelize;

import io.migrescue.migration.code.Code;
import io.migrescue.migration.code.Node;
import io.migrescue.migration.code.Node.Call;
import io.migrescue.migration.code.Node.Obj;
import io.migrescue.migration.code.Rendered;
import io.migrescue.model.Engine;
import io.migrescue.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code queryInterface} calls of a migration ({@code createTable}, {@code dropTable}, {@code renameTable},
 * {@code addColumn}, {@code removeColumn}, {@code renameColumn}, {@code changeColumn}, {@code addIndex},
 * {@code removeIndex}, {@code addConstraint}, {@code removeConstraint}) as Sequelize 6's query generators render them.
 */
record QueryInterfaceCalls(Dialect d, Rendered out) {
    private boolean pg() {
        return d.engine() == Engine.POSTGRESQL;
    }

    /** Renders a {@code queryInterface} call and says whether it knew it. */
    boolean render(Call c) {
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
                                ? "ALTER TABLE " + d.qualify("public", table) + " ADD COLUMN " + d.quote(column) + " "
                                        + a.sql(d, true)
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
                return new SequelizeKeys(d, out).addIndex(table, c, line);
            }
            case "removeIndex" -> {
                String name = Code.str(c.arg(1));
                if (name == null) {
                    List<String> fields = Code.names(c.arg(1));
                    if (fields == null) {
                        return false;
                    }
                    name = SequelizeKeys.indexName(table, fields);
                }
                out.add(
                        pg()
                                ? "DROP INDEX IF EXISTS " + d.quote(name)
                                : "DROP INDEX " + d.quote(name) + " ON " + d.quote(table),
                        line);
            }
            case "addConstraint" -> {
                return c.arg(1) instanceof Obj o && new SequelizeKeys(d, out).addConstraint(table, o, line);
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
                    "DO 'BEGIN CREATE TYPE \"public\".\"" + SequelizeTypes.enumName(a.table, a.column) + "\" AS ENUM("
                            + values + "); EXCEPTION WHEN duplicate_object THEN null; END'",
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
}
