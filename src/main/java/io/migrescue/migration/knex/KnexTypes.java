package io.migrescue.migration.knex;

import io.migrescue.migration.code.Code;
import io.migrescue.migration.code.Node;
import io.migrescue.migration.code.Node.Arr;
import io.migrescue.migration.code.Node.Call;
import io.migrescue.migration.code.Node.Ident;
import io.migrescue.migration.code.Node.Member;
import io.migrescue.model.Engine;
import io.migrescue.sql.Dialect;
import java.util.ArrayList;
import java.util.List;

/** Knex 3's column types per engine (its MySQL and PostgreSQL column compilers), and how it writes default values. */
final class KnexTypes {
    private KnexTypes() {}

    /**
     * The SQL type of {@code t.<method>(name, …args)}, or null when {@code method} is not a column type (or its
     * arguments are computed).
     */
    static String of(String method, List<Node> args, Engine engine, String column, Dialect d) {
        boolean pg = engine == Engine.POSTGRESQL;
        Integer a1 = args.size() > 1 ? Code.integer(args.get(1)) : null;
        Integer a2 = args.size() > 2 ? Code.integer(args.get(2)) : null;
        if (args.size() > 1
                && a1 == null
                && !List.of(
                                "text",
                                "enu",
                                "enum",
                                "increments",
                                "bigIncrements",
                                "timestamp",
                                "datetime",
                                "specificType")
                        .contains(method)) {
            return null;
        }
        return switch (method) {
            case "increments" ->
                args.size() > 1 ? null : pg ? "serial primary key" : "int unsigned not null auto_increment primary key";
            case "bigIncrements" ->
                args.size() > 1
                        ? null
                        : pg ? "bigserial primary key" : "bigint unsigned not null auto_increment primary key";
            case "integer" -> pg ? "integer" : a1 != null ? "int(" + a1 + ")" : "int";
            case "bigInteger", "bigint" -> "bigint";
            case "tinyint" -> pg ? "smallint" : "tinyint";
            case "smallint" -> "smallint";
            case "mediumint" -> pg ? "integer" : "mediumint";
            case "string", "varchar" -> "varchar(" + (a1 != null ? a1 : 255) + ")";
            case "text" -> {
                String textType = args.size() > 1 ? Code.str(args.get(1)) : null;
                yield pg || textType == null ? "text" : textType;
            }
            case "boolean" -> "boolean";
            case "decimal" -> "decimal(" + (a1 != null ? a1 : 8) + ", " + (a2 != null ? a2 : 2) + ")";
            case "float" -> pg ? "real" : "float(" + (a1 != null ? a1 : 8) + ", " + (a2 != null ? a2 : 2) + ")";
            case "double" -> pg ? "double precision" : "double";
            case "date" -> "date";
            case "datetime", "timestamp" -> args.size() > 1 ? null : pg ? "timestamptz" : method;
            case "time" -> "time";
            case "json" -> "json";
            case "jsonb" -> pg ? "jsonb" : "json";
            case "uuid" -> pg ? "uuid" : "char(36)";
            case "binary" -> pg ? "bytea" : "blob";
            case "specificType" -> args.size() > 1 ? Code.str(args.get(1)) : null;
            case "enu", "enum" -> {
                List<String> values = args.size() > 1 ? Code.names(args.get(1)) : null;
                if (values == null || args.size() > 2 || !(args.get(1) instanceof Arr)) {
                    yield null;
                }
                List<String> quoted = new ArrayList<>();
                values.forEach(v -> quoted.add(quoteValue(v)));
                yield pg
                        ? "text check (" + d.quote(column) + " in (" + String.join(", ", quoted) + "))"
                        : "enum(" + String.join(", ", quoted) + ")";
            }
            default -> null;
        };
    }

    /**
     * {@code .defaultTo(v)} as Knex writes it: every literal quoted ({@code default '0'}, booleans {@code '1'}/{@code '0'}),
     * {@code knex.fn.now()} as CURRENT_TIMESTAMP, {@code knex.raw('…')} as written; null when computed.
     */
    static String defaultValue(Node v) {
        Boolean b = Code.bool(v);
        if (b != null) {
            return b ? "'1'" : "'0'";
        }
        if (Code.isNull(v)) {
            return "null";
        }
        String s = Code.str(v);
        if (s != null) {
            return quoteValue(s);
        }
        if (v instanceof Call c
                && c.name().equals("now")
                && c.target() instanceof Member m
                && m.name().equals("fn")) {
            return "CURRENT_TIMESTAMP";
        }
        if (v instanceof Call c
                && c.name().equals("raw")
                && c.target() instanceof Ident
                && c.args().size() == 1
                && Code.str(c.arg(0)) != null) {
            return Code.str(c.arg(0));
        }
        return null;
    }

    static String quoteValue(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
