package io.migrescue.migration.alembic;

import io.migrescue.migration.python.PyExpr;
import io.migrescue.model.Engine;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SQLAlchemy 1.4's DDL compiler as far as Alembic migrations use it: type names per dialect, server defaults, and
 * identifiers quoted only where needed (a lowercase name that is no reserved word stays bare, as SQLAlchemy writes it).
 */
final class SqlAlchemyDdl {
    private static final Set<String> RESERVED = Set.of(
            "all",
            "alter",
            "analyse",
            "analyze",
            "and",
            "any",
            "array",
            "as",
            "asc",
            "between",
            "both",
            "by",
            "case",
            "cast",
            "change",
            "check",
            "collate",
            "column",
            "condition",
            "constraint",
            "create",
            "cross",
            "current_date",
            "current_time",
            "current_timestamp",
            "current_user",
            "database",
            "default",
            "delete",
            "desc",
            "distinct",
            "div",
            "do",
            "drop",
            "else",
            "end",
            "except",
            "exists",
            "false",
            "fetch",
            "for",
            "foreign",
            "from",
            "full",
            "grant",
            "group",
            "having",
            "in",
            "index",
            "inner",
            "insert",
            "interval",
            "into",
            "is",
            "join",
            "key",
            "keys",
            "leading",
            "left",
            "like",
            "limit",
            "lock",
            "match",
            "mod",
            "natural",
            "not",
            "null",
            "offset",
            "on",
            "only",
            "option",
            "or",
            "order",
            "outer",
            "partition",
            "primary",
            "range",
            "read",
            "references",
            "rename",
            "right",
            "select",
            "session_user",
            "set",
            "show",
            "table",
            "then",
            "to",
            "trailing",
            "true",
            "union",
            "unique",
            "update",
            "usage",
            "user",
            "using",
            "values",
            "when",
            "where",
            "with",
            "write");

    private final Engine engine;
    private final boolean postgres;

    SqlAlchemyDdl(Engine engine) {
        this.engine = engine;
        this.postgres = engine == Engine.POSTGRESQL;
    }

    boolean postgres() {
        return postgres;
    }

    Engine engine() {
        return engine;
    }

    String quote(String name) {
        if (name.matches("[a-z_][a-z0-9_$]*") && !RESERVED.contains(name)) {
            return name;
        }
        return postgres ? "\"" + name.replace("\"", "\"\"") + "\"" : "`" + name.replace("`", "``") + "`";
    }

    String table(String schema, String name) {
        return schema == null ? quote(name) : quote(schema) + "." + quote(name);
    }

    String columns(List<String> names) {
        return names.stream().map(this::quote).collect(Collectors.joining(", "));
    }

    /** The type's DDL on this engine, or empty when it is not one this reader knows. */
    Optional<String> type(PyExpr e) {
        PyExpr.Call call = e instanceof PyExpr.Call c ? c : null;
        String name = call != null ? call.last() : e instanceof PyExpr.Name n ? n.last() : null;
        if (name == null) {
            return Optional.empty();
        }
        List<PyExpr> args = call != null ? call.args() : List.of();
        Optional<String> length = arg(call, 0, "length");
        boolean timezone =
                call != null && call.kw("timezone").flatMap(PyExpr::bool).orElse(false);
        return Optional.ofNullable(
                switch (name) {
                    case "Integer", "INTEGER", "INT" ->
                        postgres || call == null || call.kwargs().isEmpty() && args.isEmpty()
                                ? "INTEGER"
                                : arg(call, 0, "display_width")
                                        .map(w -> "INTEGER(" + w + ")")
                                        .orElse("INTEGER");
                    case "SmallInteger", "SMALLINT" -> "SMALLINT";
                    case "BigInteger", "BIGINT" -> "BIGINT";
                    case "TINYINT" ->
                        postgres
                                ? null
                                : arg(call, 0, "display_width")
                                        .map(w -> "TINYINT(" + w + ")")
                                        .orElse("TINYINT");
                    case "String", "Unicode", "VARCHAR", "NVARCHAR" ->
                        length.map(l -> "VARCHAR(" + l + ")").orElse(postgres ? "VARCHAR" : null);
                    case "CHAR", "NCHAR" -> length.map(l -> "CHAR(" + l + ")").orElse("CHAR");
                    case "Text", "UnicodeText", "TEXT" -> "TEXT";
                    case "Boolean" -> postgres ? "BOOLEAN" : "BOOL";
                    case "BOOLEAN" -> "BOOLEAN";
                    case "DateTime" ->
                        postgres ? timezone ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP WITHOUT TIME ZONE" : "DATETIME";
                    case "TIMESTAMP" ->
                        postgres ? timezone ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP WITHOUT TIME ZONE" : "TIMESTAMP";
                    case "DATETIME" -> postgres ? null : "DATETIME";
                    case "Date", "DATE" -> "DATE";
                    case "Time", "TIME" ->
                        postgres ? timezone ? "TIME WITH TIME ZONE" : "TIME WITHOUT TIME ZONE" : "TIME";
                    case "Numeric", "NUMERIC" -> precision("NUMERIC", call);
                    case "DECIMAL" -> precision("DECIMAL", call);
                    case "Float", "FLOAT" ->
                        arg(call, 0, "precision").map(p -> "FLOAT(" + p + ")").orElse("FLOAT");
                    case "REAL" -> "REAL";
                    case "DOUBLE_PRECISION" -> postgres ? "DOUBLE PRECISION" : null;
                    case "DOUBLE" -> postgres ? null : "DOUBLE";
                    case "LargeBinary" -> postgres ? "BYTEA" : "BLOB";
                    case "BYTEA" -> postgres ? "BYTEA" : null;
                    case "BLOB" -> postgres ? null : "BLOB";
                    case "JSON" -> "JSON";
                    case "JSONB" -> postgres ? "JSONB" : null;
                    case "UUID" -> postgres ? "UUID" : null;
                    case "Uuid" -> postgres ? "UUID" : "CHAR(32)";
                    case "Enum" -> postgres ? null : enumType(call);
                    default -> null;
                });
    }

    private static String enumType(PyExpr.Call call) {
        if (call == null || call.args().isEmpty() || !call.args().stream().allMatch(a -> a instanceof PyExpr.Str)) {
            return null;
        }
        return "ENUM("
                + call.args().stream()
                        .map(a -> literal(((PyExpr.Str) a).value()))
                        .collect(Collectors.joining(",")) + ")";
    }

    private static String precision(String name, PyExpr.Call call) {
        Optional<String> p = arg(call, 0, "precision");
        Optional<String> s = arg(call, 1, "scale");
        if (p.isEmpty()) {
            return name;
        }
        return name + "(" + p.get() + s.map(x -> ", " + x).orElse("") + ")";
    }

    private static Optional<String> arg(PyExpr.Call call, int i, String kw) {
        if (call == null) {
            return Optional.empty();
        }
        return call.arg(i, kw).filter(a -> a instanceof PyExpr.Num).map(a -> ((PyExpr.Num) a).value());
    }

    /** The types that get SERIAL / AUTO_INCREMENT as a table's only integer primary key column. */
    static boolean integer(PyExpr type) {
        String name = type instanceof PyExpr.Call c ? c.last() : type instanceof PyExpr.Name n ? n.last() : "";
        return Set.of("Integer", "INTEGER", "INT", "SmallInteger", "SMALLINT", "BigInteger", "BIGINT")
                .contains(name);
    }

    String serial(String type) {
        return switch (type) {
            case "BIGINT" -> "BIGSERIAL";
            case "SMALLINT" -> "SMALLSERIAL";
            default -> "SERIAL";
        };
    }

    /**
     * A {@code server_default}: a string is a quoted literal, {@code sa.text("…")} / {@code sa.literal_column("…")} its
     * text, {@code sa.func.now()} a function call. Empty when it is something else.
     */
    Optional<String> serverDefault(PyExpr e) {
        if (e instanceof PyExpr.Str s) {
            return Optional.of(literal(s.value()));
        }
        if (e instanceof PyExpr.Call c
                && (c.last().equals("text") || c.last().equals("literal_column"))
                && c.args().size() == 1
                && c.args().get(0) instanceof PyExpr.Str s) {
            return Optional.of(s.value());
        }
        if (e instanceof PyExpr.Call c
                && c.callee().contains("func.")
                && c.args().isEmpty()) {
            String fn = c.last();
            return Optional.of(
                    fn.equalsIgnoreCase("current_timestamp")
                                    || fn.equalsIgnoreCase("current_date")
                                    || fn.equalsIgnoreCase("current_time")
                            ? fn.toUpperCase(Locale.ROOT)
                            : fn + "()");
        }
        if (e instanceof PyExpr.Call c
                && (c.last().equals("true") || c.last().equals("false"))
                && c.args().isEmpty()) {
            return Optional.of(postgres ? c.last() : c.last().equals("true") ? "1" : "0");
        }
        return Optional.empty();
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
