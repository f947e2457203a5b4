package io.migrescue.migration.rails;

import io.migrescue.migration.code.Code;
import io.migrescue.migration.code.Node;
import io.migrescue.migration.code.Node.Obj;
import io.migrescue.model.Engine;

/**
 * ActiveRecord's native types per adapter ({@code NATIVE_DATABASE_TYPES} of the Mysql2 and PostgreSQL adapters) with
 * their {@code limit}, {@code precision} and {@code scale}; {@code datetime} has precision 6 from migration version 7.0
 * on, as Rails 7 gives it.
 */
final class RailsTypes {
    private RailsTypes() {}

    /** The SQL type of {@code t.<type> :name, options}, or null for a type not known here or computed options. */
    static String of(String type, Obj options, Engine engine, double migrationVersion) {
        boolean pg = engine == Engine.POSTGRESQL;
        Integer limit = option(options, "limit");
        Integer precision = option(options, "precision");
        Integer scale = option(options, "scale");
        if (options != null
                && (options.get("limit") != null && limit == null
                        || options.get("precision") != null
                                && precision == null
                                && !Code.isNull(options.get("precision"))
                        || options.get("scale") != null && scale == null)) {
            return null;
        }
        if (options != null && options.get("precision") != null && Code.isNull(options.get("precision"))) {
            precision = -1;
        }
        String sql = switch (type) {
            case "string" ->
                pg
                        ? "character varying" + (limit != null ? "(" + limit + ")" : "")
                        : "varchar(" + (limit != null ? limit : 255) + ")";
            case "text" ->
                pg || limit == null
                        ? "text"
                        : limit <= 0xff
                                ? "tinytext"
                                : limit <= 0xffff ? "text" : limit <= 0xffffff ? "mediumtext" : "longtext";
            case "integer" -> integer(limit, pg);
            case "bigint" -> "bigint";
            case "float" -> pg ? "float" : "float(24)";
            case "decimal", "numeric" ->
                "decimal"
                        + (precision != null && precision > 0
                                ? "(" + precision + "," + (scale != null ? scale : 0) + ")"
                                : "");
            case "datetime" -> {
                int p = precision != null ? precision : migrationVersion >= 7.0 ? 6 : -1;
                yield (pg ? "timestamp" : "datetime") + (p >= 0 ? "(" + p + ")" : "");
            }
            case "timestamp" -> "timestamp" + (precision != null && precision >= 0 ? "(" + precision + ")" : "");
            case "time" -> "time";
            case "date" -> "date";
            case "binary", "blob" -> pg ? "bytea" : "blob";
            case "boolean" -> pg ? "boolean" : "tinyint(1)";
            case "json" -> "json";
            case "jsonb" -> pg ? "jsonb" : null;
            case "uuid" -> pg ? "uuid" : null;
            case "inet", "cidr", "macaddr", "hstore", "citext", "interval", "tsvector", "money", "xml", "point" ->
                pg ? type : null;
            default -> null;
        };
        if (sql != null && pg && options != null && Boolean.TRUE.equals(Code.bool(options.get("array")))) {
            sql += "[]";
        }
        return sql;
    }

    private static String integer(Integer limit, boolean pg) {
        if (pg) {
            return limit == null || limit == 4 || limit == 3 ? "integer" : limit <= 2 ? "smallint" : "bigint";
        }
        if (limit == null || limit == 4) {
            return "int";
        }
        return switch (limit) {
            case 1 -> "tinyint";
            case 2 -> "smallint";
            case 3 -> "mediumint";
            default -> "bigint";
        };
    }

    private static Integer option(Obj options, String key) {
        Node n = options == null ? null : options.get(key);
        return n == null ? null : Code.integer(n);
    }

    /** A default as ActiveRecord quotes it; null when it is computed (a lambda, a method call). */
    static String defaultValue(Node n) {
        Boolean b = Code.bool(n);
        if (b != null) {
            return b ? "TRUE" : "FALSE";
        }
        if (Code.isNull(n)) {
            return "NULL";
        }
        if (n instanceof Node.Num num) {
            return num.value();
        }
        if (n instanceof Node.Str s && s.value() != null) {
            return "'" + s.value().replace("'", "''") + "'";
        }
        if (n instanceof Node.Sym s) {
            return "'" + s.name().replace("'", "''") + "'";
        }
        return null;
    }
}
