package io.migrescue.migration.knex;

import io.migrescue.migration.code.Code;
import io.migrescue.migration.code.Node;
import io.migrescue.migration.code.Node.Call;
import io.migrescue.migration.code.Node.Func;
import io.migrescue.migration.code.Node.Ident;
import io.migrescue.migration.code.Node.Obj;
import io.migrescue.migration.code.Rendered;
import io.migrescue.model.Engine;
import io.migrescue.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One {@code createTable}/{@code table} builder callback, rendered as Knex 3's table and column compilers render it
 * (lib/dialects/mysql/schema/mysql-*compiler.js, lib/dialects/postgres/schema/pg-*compiler.js): the CREATE TABLE (or
 * one ALTER TABLE adding the new columns), then the altered columns, then indexes, unique keys, foreign keys, drops
 * and renames in the order they were called. Knex names keys {@code <table>_<columns>_<index|unique|foreign>} in
 * lower case, the primary key {@code <table>_pkey}.
 */
final class KnexTable {
    private final Dialect d;
    private final boolean postgres;
    private final String schema;
    private final String table;
    private final boolean create;
    private final boolean ifNotExists;
    private final Rendered out;
    private final List<String> columns = new ArrayList<>();
    private final List<Column> altered = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();
    /** Statements after the table's own, in call order; each with its line. */
    private final List<Object[]> after = new ArrayList<>();

    private final List<String> tableOptions = new ArrayList<>();
    private List<String> primary;
    private String primaryName;

    KnexTable(Dialect d, String schema, String table, boolean create, boolean ifNotExists, Rendered out) {
        this.d = d;
        this.postgres = d.engine() == Engine.POSTGRESQL;
        this.schema = schema;
        this.table = table;
        this.create = create;
        this.ifNotExists = ifNotExists;
        this.out = out;
    }

    private String qt() {
        return d.qualify(schema, table);
    }

    void render(Func builder, int line) {
        String t = builder.params().get(0);
        for (Node s : builder.body()) {
            if (!(s instanceof Call last)) {
                later(null, s.line(), s);
                continue;
            }
            List<Call> chain = KnexMigrationReader.chain(last);
            if (!(chain.get(0).target() instanceof Ident id && id.name().equals(t))) {
                later(null, s.line(), s);
                continue;
            }
            statement(chain, s);
        }
        emit(line);
    }

    private void later(String sql, int line, Node notUnderstood) {
        after.add(new Object[] {sql, line, notUnderstood});
    }

    private void emit(int line) {
        if (create) {
            List<String> parts = new ArrayList<>(columns);
            if (primary != null) {
                parts.add((postgres ? "constraint " + d.quote(primaryName) + " " : "") + "primary key (" + list(primary)
                        + ")");
            }
            out.add(
                    "create table " + (ifNotExists ? "if not exists " : "") + qt() + " (" + String.join(", ", parts)
                            + ")" + String.join("", tableOptions),
                    line);
        } else if (!columns.isEmpty()) {
            out.add(
                    "alter table " + qt() + " "
                            + columns.stream()
                                    .map(c -> (postgres ? "add column " : "add ") + c)
                                    .collect(Collectors.joining(", ")),
                    line);
        }
        for (String c : comments) {
            out.add(c, line);
        }
        for (Column c : altered) {
            alterColumn(c, line);
        }
        if (!create && primary != null) {
            out.add(
                    postgres
                            ? "alter table " + qt() + " add constraint " + d.quote(primaryName) + " primary key ("
                                    + list(primary) + ")"
                            : "alter table " + qt() + " add primary key " + d.quote(primaryName) + "(" + list(primary)
                                    + ")",
                    line);
        }
        for (Object[] a : after) {
            if (a[2] != null) {
                out.notUnderstood((Node) a[2]);
            } else {
                out.add((String) a[0], (Integer) a[1]);
            }
        }
    }

    private void statement(List<Call> chain, Node whole) {
        Call first = chain.get(0);
        String method = first.name();
        String name = Code.str(first.arg(0));
        if (name == null && first.args().isEmpty() && method.endsWith("ncrements")) {
            name = "id";
        }
        String type = name == null ? null : KnexTypes.of(method, first.args(), d.engine(), name, d);
        if (type != null) {
            column(name, type, method, chain.subList(1, chain.size()), whole);
            return;
        }
        int line = first.line();
        List<String> cols = Code.names(first.arg(0));
        switch (method) {
            case "timestamps" -> timestamps(first);
            case "index", "unique" -> {
                if (cols == null || chain.size() > 1) {
                    later(null, line, whole);
                } else {
                    String keyName = keyName(first.arg(1), method.equals("index") ? "index" : "unique", cols);
                    later(method.equals("index") ? index(keyName, cols) : unique(keyName, cols), line, null);
                }
            }
            case "primary" -> {
                if (cols == null) {
                    later(null, line, whole);
                } else {
                    setPrimary(cols, Code.str(first.arg(1)));
                }
            }
            case "foreign" -> {
                if (cols == null) {
                    later(null, line, whole);
                } else {
                    foreign(cols, Code.str(first.arg(1)), chain.subList(1, chain.size()), whole, line);
                }
            }
            case "dropColumn", "dropColumns" -> {
                List<String> names = new ArrayList<>();
                for (Node a : first.args()) {
                    List<String> n = Code.names(a);
                    if (n == null) {
                        later(null, line, whole);
                        return;
                    }
                    names.addAll(n);
                }
                later(dropColumns(names), line, null);
            }
            case "dropTimestamps" -> later(dropColumns(List.of("created_at", "updated_at")), line, null);
            case "renameColumn" -> {
                String to = Code.str(first.arg(1));
                if (name == null || to == null) {
                    later(null, line, whole);
                } else {
                    later(
                            "alter table " + qt() + (postgres ? " rename " : " rename column ") + d.quote(name) + " to "
                                    + d.quote(to),
                            line,
                            null);
                }
            }
            case "dropIndex", "dropUnique", "dropForeign" -> {
                String explicit = Code.str(first.arg(1));
                String type2 =
                        method.equals("dropIndex") ? "index" : method.equals("dropUnique") ? "unique" : "foreign";
                if (cols == null && explicit == null) {
                    later(null, line, whole);
                    return;
                }
                String keyName = explicit != null ? explicit : name(cols, type2);
                if (postgres) {
                    later(
                            method.equals("dropIndex")
                                    ? "drop index " + d.qualify(schema, keyName)
                                    : "alter table " + qt() + " drop constraint " + d.quote(keyName),
                            line,
                            null);
                } else {
                    later(
                            "alter table " + qt()
                                    + (method.equals("dropForeign") ? " drop foreign key " : " drop index ")
                                    + d.quote(keyName),
                            line,
                            null);
                }
            }
            case "dropPrimary" -> {
                String keyName = first.args().isEmpty() ? table + "_pkey" : Code.str(first.arg(0));
                later(
                        postgres
                                ? "alter table " + qt() + " drop constraint " + d.quote(keyName)
                                : "alter table " + qt() + " drop primary key",
                        line,
                        null);
            }
            case "engine", "charset", "collate" -> {
                if (postgres || !create || name == null) {
                    later(null, line, whole);
                } else {
                    tableOptions.add(
                            switch (method) {
                                case "engine" -> " engine = " + name;
                                case "charset" -> " default character set " + name;
                                default -> " collate " + name;
                            });
                }
            }
            default -> later(null, line, whole);
        }
    }

    /** {@code t.timestamps([useTimestamps], [defaultToNow], [camelCase])}. */
    private void timestamps(Call call) {
        boolean useTimestamp = Boolean.TRUE.equals(Code.bool(call.arg(0)));
        boolean defaultNow = Boolean.TRUE.equals(Code.bool(call.arg(1)));
        boolean camel = Boolean.TRUE.equals(Code.bool(call.arg(2)));
        String type = postgres ? "timestamptz" : useTimestamp ? "timestamp" : "datetime";
        String suffix = defaultNow ? " not null default CURRENT_TIMESTAMP" : "";
        for (String c : camel ? List.of("createdAt", "updatedAt") : List.of("created_at", "updated_at")) {
            columns.add(d.quote(c) + " " + type + suffix);
        }
    }

    private void column(String name, String type, String method, List<Call> modifiers, Node whole) {
        Column c = new Column(name, type);
        boolean increments = method.toLowerCase(Locale.ROOT).contains("increments");
        for (Call m : modifiers) {
            int line = m.line();
            switch (m.name()) {
                case "notNullable" -> c.nullable = "not null";
                case "nullable" -> c.nullable = "null";
                case "unsigned" -> c.unsigned = !postgres;
                case "defaultTo" -> {
                    String v = KnexTypes.defaultValue(m.arg(0));
                    if (v == null) {
                        later(null, line, m);
                    } else {
                        c.defaultValue = v;
                    }
                }
                case "comment" -> {
                    String text = Code.str(m.arg(0));
                    if (text == null) {
                        later(null, line, m);
                    } else if (postgres) {
                        comments.add("comment on column " + d.qualify(schema, table) + "." + d.quote(name) + " is "
                                + KnexTypes.quoteValue(text));
                    } else {
                        c.comment = " comment " + KnexTypes.quoteValue(text);
                    }
                }
                case "after", "first" -> {
                    if (!postgres) {
                        String col = Code.str(m.arg(0));
                        c.position = m.name().equals("first") ? " first" : col == null ? "" : " after " + d.quote(col);
                    }
                }
                case "collate" -> {
                    if (!postgres && Code.str(m.arg(0)) != null) {
                        c.collate = " collate " + Code.str(m.arg(0));
                    }
                }
                case "alter" -> c.alter = true;
                case "primary" -> {
                    if (!increments) {
                        setPrimary(List.of(name), Code.str(m.arg(0)));
                    }
                }
                case "index", "unique" -> {
                    if (!increments) {
                        String keyName = keyName(m.arg(0), m.name(), List.of(name));
                        later(
                                m.name().equals("index")
                                        ? index(keyName, List.of(name))
                                        : unique(keyName, List.of(name)),
                                line,
                                null);
                    }
                }
                case "references" -> {
                    int at = modifiers.indexOf(m);
                    foreign(List.of(name), null, modifiers.subList(at, modifiers.size()), whole, line);
                    finish(c);
                    return;
                }
                default -> later(null, line, m);
            }
        }
        finish(c);
    }

    private void finish(Column c) {
        if (c.alter) {
            altered.add(c);
        } else {
            columns.add(c.sql(d, postgres));
        }
    }

    /** {@code .references('users.id')} or {@code .references('id').inTable('users')}, {@code .onDelete}, {@code .onUpdate}, {@code .withKeyName}. */
    private void foreign(List<String> cols, String keyName, List<Call> calls, Node whole, int line) {
        String refTable = null;
        List<String> refCols = null;
        String onDelete = null;
        String onUpdate = null;
        String name = keyName;
        for (Call m : calls) {
            switch (m.name()) {
                case "references" -> {
                    List<String> refs = Code.names(m.arg(0));
                    if (refs == null) {
                        later(null, line, whole);
                        return;
                    }
                    if (refs.size() == 1 && refs.get(0).contains(".")) {
                        String r = refs.get(0);
                        refTable = r.substring(0, r.lastIndexOf('.'));
                        refCols = List.of(r.substring(r.lastIndexOf('.') + 1));
                    } else {
                        refCols = refs;
                    }
                }
                case "inTable" -> refTable = Code.str(m.arg(0));
                case "onDelete" -> onDelete = Code.str(m.arg(0));
                case "onUpdate" -> onUpdate = Code.str(m.arg(0));
                case "withKeyName" -> name = Code.str(m.arg(0));
                case "deferrable" -> {
                    later(null, line, m);
                }
                default -> {
                    later(null, m.line(), m);
                }
            }
        }
        if (refTable == null || refCols == null) {
            later(null, line, whole);
            return;
        }
        String keyName2 = name != null ? name : name(cols, "foreign");
        String refQualified = refTable.contains(".")
                ? d.qualify(refTable.substring(0, refTable.indexOf('.')), refTable.substring(refTable.indexOf('.') + 1))
                : d.quote(refTable);
        later(
                "alter table " + qt() + " add constraint " + d.quote(keyName2) + " foreign key (" + list(cols)
                        + ") references " + refQualified + " (" + list(refCols) + ")"
                        + (onUpdate != null ? " on update " + onUpdate : "")
                        + (onDelete != null ? " on delete " + onDelete : ""),
                line,
                null);
    }

    private void setPrimary(List<String> cols, String name) {
        if (primary == null) {
            primary = cols;
            primaryName = name != null ? name : table + "_pkey";
        }
    }

    private String keyName(Node option, String type, List<String> cols) {
        String explicit = Code.str(option);
        if (explicit == null && option instanceof Obj o) {
            explicit = Code.str(o.get("indexName"));
        }
        return explicit != null ? explicit : name(cols, type);
    }

    /** Knex's {@code _indexCommand}: {@code (<table>_<cols>_<type>).toLowerCase()}, dots and dashes as underscores. */
    private String name(List<String> cols, String type) {
        return (table.replaceAll("[.-]", "_") + "_" + String.join("_", cols) + "_" + type).toLowerCase(Locale.ROOT);
    }

    private String index(String name, List<String> cols) {
        return postgres
                ? "create index " + d.quote(name) + " on " + qt() + " (" + list(cols) + ")"
                : "alter table " + qt() + " add index " + d.quote(name) + "(" + list(cols) + ")";
    }

    private String unique(String name, List<String> cols) {
        return postgres
                ? "alter table " + qt() + " add constraint " + d.quote(name) + " unique (" + list(cols) + ")"
                : "alter table " + qt() + " add unique " + d.quote(name) + "(" + list(cols) + ")";
    }

    private String dropColumns(List<String> names) {
        return "alter table " + qt() + " "
                + names.stream()
                        .map(n -> (postgres ? "drop column " : "drop ") + d.quote(n))
                        .collect(Collectors.joining(", "));
    }

    /** Knex's {@code .alter()}: MySQL {@code modify}; PostgreSQL drops the default and NOT NULL, changes the type, then sets them. */
    private void alterColumn(Column c, int line) {
        if (!postgres) {
            out.add("alter table " + qt() + " modify " + c.sql(d, false), line);
            return;
        }
        String col = "alter table " + qt() + " alter column " + d.quote(c.name);
        out.add(col + " drop default", line);
        out.add(col + " drop not null", line);
        out.add(col + " type " + c.type + " using (" + d.quote(c.name) + "::" + c.type + ")", line);
        if (c.defaultValue != null) {
            out.add(col + " set default " + c.defaultValue, line);
        }
        if ("not null".equals(c.nullable)) {
            out.add(col + " set not null", line);
        }
    }

    private String list(List<String> cols) {
        return cols.stream().map(d::quote).collect(Collectors.joining(", "));
    }

    private static final class Column {
        final String name;
        final String type;
        String nullable;
        String defaultValue;
        String comment = "";
        String position = "";
        String collate = "";
        boolean unsigned;
        boolean alter;

        Column(String name, String type) {
            this.name = name;
            this.type = type;
        }

        String sql(Dialect d, boolean postgres) {
            return d.quote(name) + " " + type + (unsigned && !type.contains("unsigned") ? " unsigned" : "")
                    + (nullable == null ? "" : " " + nullable)
                    + (defaultValue == null ? "" : " default " + defaultValue)
                    + comment + collate + position;
        }
    }
}
