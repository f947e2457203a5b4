package io.migrescue.migration.rails;

import io.migrescue.migration.code.Code;
import io.migrescue.migration.code.Node.Obj;
import io.migrescue.model.Engine;
import io.migrescue.sql.Dialect;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ActiveRecord's SQL for one engine (its schema creation visitors): column definitions, indexes and foreign keys, named
 * as {@link RailsNames} says.
 */
final class RailsSql {
    private static final Set<String> COLUMN_OPTIONS =
            Set.of("null", "default", "limit", "precision", "scale", "comment", "array");
    final Dialect d;
    final boolean pg;
    final double version;

    RailsSql(Engine engine, double version) {
        this.d = Dialect.of(engine);
        this.pg = engine == Engine.POSTGRESQL;
        this.version = version;
    }

    /** {@code name} quoted for the engine. */
    String q(String name) {
        return d.quote(name);
    }

    /**
     * The {@code <ref>_id} column of {@code t.references :ref} and {@code add_reference}, or null when an option or the
     * type is not known.
     */
    String referenceColumn(String ref, Obj options) {
        if (!RailsOptions.known(options, "foreign_key", "index", "null", "type", "default")) {
            return null;
        }
        String type = options != null && options.get("type") != null ? Code.str(options.get("type")) : "bigint";
        return type == null
                ? null
                : column(ref + "_id", type, RailsOptions.withoutKeys(options, "foreign_key", "index", "type"));
    }

    /** {@code "name" type[ DEFAULT x][ NOT NULL]}, or null when the type or an option is not known. */
    String column(String name, String type, Obj options) {
        if (options != null && !COLUMN_OPTIONS.containsAll(options.entries().keySet())) {
            return null;
        }
        String sqlType = RailsTypes.of(type, options, d.engine(), version);
        if (sqlType == null) {
            return null;
        }
        StringBuilder sql = new StringBuilder(d.quote(name)).append(' ').append(sqlType);
        if (options != null && options.get("default") != null) {
            String value = RailsTypes.defaultValue(options.get("default"));
            if (value == null) {
                return null;
            }
            sql.append(" DEFAULT ").append(value);
        }
        if (options != null && Boolean.FALSE.equals(Code.bool(options.get("null")))) {
            sql.append(" NOT NULL");
        }
        if (options != null && options.get("comment") != null && !pg) {
            String comment = Code.str(options.get("comment"));
            if (comment == null) {
                return null;
            }
            sql.append(" COMMENT ").append(RailsTypes.defaultValue(options.get("comment")));
        }
        return sql.toString();
    }

    /** The id column {@code create_table} adds: bigint auto-increment (7.x and 6.x alike), or the type {@code id:} names. */
    String idColumn(String name, String type) {
        return switch (type) {
            case "bigint", "primary_key" ->
                d.quote(name) + (pg ? " bigserial primary key" : " bigint NOT NULL AUTO_INCREMENT PRIMARY KEY");
            case "integer", "serial" ->
                d.quote(name) + (pg ? " serial primary key" : " int NOT NULL AUTO_INCREMENT PRIMARY KEY");
            case "uuid" -> pg ? d.quote(name) + " uuid DEFAULT gen_random_uuid() NOT NULL PRIMARY KEY" : null;
            default -> null;
        };
    }

    String index(String table, String name, List<String> columns, boolean unique, Obj options) {
        String using = options == null ? null : Code.str(options.get("using"));
        String where = options == null ? null : Code.str(options.get("where"));
        boolean concurrently = options != null && "concurrently".equals(Code.str(options.get("algorithm")));
        boolean ifNotExists = options != null && Boolean.TRUE.equals(Code.bool(options.get("if_not_exists")));
        return "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + (concurrently && pg ? "CONCURRENTLY " : "")
                + (ifNotExists ? "IF NOT EXISTS " : "") + d.quote(name) + " ON " + d.quote(table)
                + (using != null && pg ? " USING " + using : "") + " (" + list(columns) + ")"
                + (where != null && pg ? " WHERE " + where : "");
    }

    /** The index inside MySQL's CREATE TABLE: {@code [UNIQUE ]INDEX `name` (`a`)}. */
    String inlineIndex(String name, List<String> columns, boolean unique) {
        return (unique ? "UNIQUE " : "") + "INDEX " + d.quote(name) + " (" + list(columns) + ")";
    }

    /** ActiveRecord's {@code visit_ForeignKeyDefinition}, line breaks and all (a heredoc: it ends in one, before any ON DELETE). */
    String foreignKey(String name, String column, String toTable, String primaryKey, String onDelete, String onUpdate) {
        return "CONSTRAINT " + d.quote(name) + "\nFOREIGN KEY (" + d.quote(column) + ")\n  REFERENCES "
                + d.quote(toTable) + " ("
                + d.quote(primaryKey) + ")\n" + (onDelete != null ? " ON DELETE " + action(onDelete) : "")
                + (onUpdate != null ? " ON UPDATE " + action(onUpdate) : "");
    }

    private static String action(String a) {
        return switch (a) {
            case "nullify" -> "SET NULL";
            case "cascade" -> "CASCADE";
            case "restrict" -> "RESTRICT";
            default -> a.toUpperCase(Locale.ROOT).replace('_', ' ');
        };
    }

    String list(List<String> columns) {
        return columns.stream().map(d::quote).collect(Collectors.joining(", "));
    }

    static String indexName(String table, List<String> columns) {
        return RailsNames.index(table, columns);
    }

    static String foreignKeyName(String table, String column) {
        return RailsNames.foreignKey(table, column);
    }

    static String pluralize(String word) {
        return RailsNames.pluralize(word);
    }
}
