package io.migrescue.migration.knex;

import io.migrescue.migration.code.Code;
import io.migrescue.migration.code.Node;
import io.migrescue.migration.code.Node.Call;
import io.migrescue.migration.code.Node.Func;
import io.migrescue.migration.code.Node.Ident;
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
    private final String table;
    private final boolean create;
    private final boolean ifNotExists;
    private final Rendered out;
    private final KnexTableSql sql;
    private final List<String> columns = new ArrayList<>();
    private final List<KnexColumn> altered = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();
    /** Statements after the table's own, in call order; each with its line. */
    private final List<Later> after = new ArrayList<>();

    private final List<String> tableOptions = new ArrayList<>();
    private List<String> primary;
    private String primaryName;

    KnexTable(Dialect d, String schema, String table, boolean create, boolean ifNotExists, Rendered out) {
        this.d = d;
        this.postgres = d.engine() == Engine.POSTGRESQL;
        this.table = table;
        this.create = create;
        this.ifNotExists = ifNotExists;
        this.out = out;
        this.sql = new KnexTableSql(d, schema, table);
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

    /** A statement rendered after the table's own (or, with no SQL, the code it could not read), in call order. */
    private record Later(String statement, int line, Node notUnderstood) {}

    private void later(String statement, int line, Node notUnderstood) {
        after.add(new Later(statement, line, notUnderstood));
    }

    private void emit(int line) {
        if (create) {
            List<String> parts = new ArrayList<>(columns);
            if (primary != null) {
                parts.add(sql.primaryKey(primaryName, primary));
            }
            out.add(
                    "create table " + (ifNotExists ? "if not exists " : "") + sql.qt() + " (" + String.join(", ", parts)
                            + ")" + String.join("", tableOptions),
                    line);
        } else if (!columns.isEmpty()) {
            out.add(
                    "alter table " + sql.qt() + " "
                            + columns.stream()
                                    .map(c -> (postgres ? "add column " : "add ") + c)
                                    .collect(Collectors.joining(", ")),
                    line);
        }
        for (String c : comments) {
            out.add(c, line);
        }
        for (KnexColumn c : altered) {
            for (String statement : sql.alter(c)) {
                out.add(statement, line);
            }
        }
        if (!create && primary != null) {
            out.add(sql.addPrimaryKey(primaryName, primary), line);
        }
        for (Later a : after) {
            if (a.notUnderstood() != null) {
                out.notUnderstood(a.notUnderstood());
            } else {
                out.add(a.statement(), a.line());
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
            case "timestamps" -> columns.addAll(sql.timestamps(first));
            case "index", "unique" -> {
                if (cols == null || chain.size() > 1) {
                    later(null, line, whole);
                } else {
                    String keyName = sql.keyName(first.arg(1), method.equals("index") ? "index" : "unique", cols);
                    later(method.equals("index") ? sql.index(keyName, cols) : sql.unique(keyName, cols), line, null);
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
                later(sql.dropColumns(names), line, null);
            }
            case "dropTimestamps" -> later(sql.dropColumns(List.of("created_at", "updated_at")), line, null);
            case "renameColumn" -> {
                String to = Code.str(first.arg(1));
                if (name == null || to == null) {
                    later(null, line, whole);
                } else {
                    later(sql.renameColumn(name, to), line, null);
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
                later(sql.dropKey(method, explicit != null ? explicit : sql.name(cols, type2)), line, null);
            }
            case "dropPrimary" -> {
                String keyName = first.args().isEmpty() ? table + "_pkey" : Code.str(first.arg(0));
                later(sql.dropPrimary(keyName), line, null);
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

    private void column(String name, String type, String method, List<Call> modifiers, Node whole) {
        KnexColumn c = new KnexColumn(name, type);
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
                        comments.add("comment on column " + sql.qt() + "." + d.quote(name) + " is "
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
                        String keyName = sql.keyName(m.arg(0), m.name(), List.of(name));
                        later(
                                m.name().equals("index")
                                        ? sql.index(keyName, List.of(name))
                                        : sql.unique(keyName, List.of(name)),
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

    private void finish(KnexColumn c) {
        if (c.alter) {
            altered.add(c);
        } else {
            columns.add(c.sql(d, postgres));
        }
    }

    /** {@code t.foreign(cols)} or a column's {@code .references(…)}: after the table's own statements. */
    private void foreign(List<String> cols, String keyName, List<Call> calls, Node whole, int line) {
        KnexForeignKey key = KnexForeignKey.read(calls, keyName, line, (n, at) -> later(null, at, n));
        if (key == null) {
            later(null, line, whole);
            return;
        }
        later(sql.foreignKey(key.name() != null ? key.name() : sql.name(cols, "foreign"), cols, key), line, null);
    }

    private void setPrimary(List<String> cols, String name) {
        if (primary == null) {
            primary = cols;
            primaryName = name != null ? name : table + "_pkey";
        }
    }
}
