package io.migrescue.migration.knex;

import io.migrescue.migration.code.Code;
import io.migrescue.migration.code.Node;
import io.migrescue.migration.code.Node.Call;
import io.migrescue.migration.code.Node.Obj;
import io.migrescue.model.Engine;
import io.migrescue.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The SQL Knex 3's table compiler writes for one table, apart from the walk over the builder callback in
 * {@link KnexTable}: the qualified table name, Knex's key names, index and unique keys, dropped and altered columns.
 */
record KnexTableSql(Dialect d, String schema, String table) {
    boolean postgres() {
        return d.engine() == Engine.POSTGRESQL;
    }

    String keyName(Node option, String type, List<String> cols) {
        String explicit = Code.str(option);
        if (explicit == null && option instanceof Obj o) {
            explicit = Code.str(o.get("indexName"));
        }
        return explicit != null ? explicit : name(cols, type);
    }

    /** Knex's {@code _indexCommand}: {@code (<table>_<cols>_<type>).toLowerCase()}, dots and dashes as underscores. */
    String name(List<String> cols, String type) {
        return (table.replaceAll("[.-]", "_") + "_" + String.join("_", cols) + "_" + type).toLowerCase(Locale.ROOT);
    }

    String index(String name, List<String> cols) {
        return postgres()
                ? "create index " + d.quote(name) + " on " + qt() + " (" + list(cols) + ")"
                : "alter table " + qt() + " add index " + d.quote(name) + "(" + list(cols) + ")";
    }

    String unique(String name, List<String> cols) {
        return postgres()
                ? "alter table " + qt() + " add constraint " + d.quote(name) + " unique (" + list(cols) + ")"
                : "alter table " + qt() + " add unique " + d.quote(name) + "(" + list(cols) + ")";
    }

    String dropColumns(List<String> names) {
        return "alter table " + qt() + " "
                + names.stream()
                        .map(n -> (postgres() ? "drop column " : "drop ") + d.quote(n))
                        .collect(Collectors.joining(", "));
    }

    String list(List<String> cols) {
        return cols.stream().map(d::quote).collect(Collectors.joining(", "));
    }

    String qt() {
        return d.qualify(schema, table);
    }

    /** Knex's {@code .alter()}: MySQL {@code modify}; PostgreSQL drops the default and NOT NULL, changes the type, then sets them. */
    List<String> alter(KnexColumn c) {
        List<String> out = new ArrayList<>();
        if (!postgres()) {
            return List.of("alter table " + qt() + " modify " + c.sql(d, false));
        }
        String col = "alter table " + qt() + " alter column " + d.quote(c.name);
        out.add(col + " drop default");
        out.add(col + " drop not null");
        out.add(col + " type " + c.type + " using (" + d.quote(c.name) + "::" + c.type + ")");
        if (c.defaultValue != null) {
            out.add(col + " set default " + c.defaultValue);
        }
        if ("not null".equals(c.nullable)) {
            out.add(col + " set not null");
        }
        return out;
    }

    /** The primary key inside CREATE TABLE. */
    String primaryKey(String name, List<String> cols) {
        return (postgres() ? "constraint " + d.quote(name) + " " : "") + "primary key (" + list(cols) + ")";
    }

    String addPrimaryKey(String name, List<String> cols) {
        return postgres()
                ? "alter table " + qt() + " add constraint " + d.quote(name) + " primary key (" + list(cols) + ")"
                : "alter table " + qt() + " add primary key " + d.quote(name) + "(" + list(cols) + ")";
    }

    String dropPrimary(String name) {
        return postgres()
                ? "alter table " + qt() + " drop constraint " + d.quote(name)
                : "alter table " + qt() + " drop primary key";
    }

    String renameColumn(String from, String to) {
        return "alter table " + qt() + (postgres() ? " rename " : " rename column ") + d.quote(from) + " to "
                + d.quote(to);
    }

    /** {@code dropIndex}, {@code dropUnique} or {@code dropForeign} of the key named {@code name}. */
    String dropKey(String method, String name) {
        if (postgres()) {
            return method.equals("dropIndex")
                    ? "drop index " + d.qualify(schema, name)
                    : "alter table " + qt() + " drop constraint " + d.quote(name);
        }
        return "alter table " + qt() + (method.equals("dropForeign") ? " drop foreign key " : " drop index ")
                + d.quote(name);
    }

    String foreignKey(String name, List<String> cols, KnexForeignKey key) {
        String refTable = key.refTable();
        String refQualified = refTable.contains(".")
                ? d.qualify(refTable.substring(0, refTable.indexOf('.')), refTable.substring(refTable.indexOf('.') + 1))
                : d.quote(refTable);
        return "alter table " + qt() + " add constraint " + d.quote(name) + " foreign key (" + list(cols)
                + ") references " + refQualified + " (" + list(key.refCols()) + ")"
                + (key.onUpdate() != null ? " on update " + key.onUpdate() : "")
                + (key.onDelete() != null ? " on delete " + key.onDelete() : "");
    }

    /** The columns of {@code t.timestamps([useTimestamps], [defaultToNow], [camelCase])}. */
    List<String> timestamps(Call call) {
        boolean useTimestamp = Boolean.TRUE.equals(Code.bool(call.arg(0)));
        boolean defaultNow = Boolean.TRUE.equals(Code.bool(call.arg(1)));
        boolean camel = Boolean.TRUE.equals(Code.bool(call.arg(2)));
        String type = postgres() ? "timestamptz" : useTimestamp ? "timestamp" : "datetime";
        String suffix = defaultNow ? " not null default CURRENT_TIMESTAMP" : "";
        return (camel ? List.of("createdAt", "updatedAt") : List.of("created_at", "updated_at"))
                .stream().map(c -> d.quote(c) + " " + type + suffix).toList();
    }
}
