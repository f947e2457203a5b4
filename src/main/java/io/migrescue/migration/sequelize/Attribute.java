package io.migrescue.migration.sequelize;

import io.migrescue.migration.code.Code;
import io.migrescue.migration.code.Node;
import io.migrescue.migration.code.Node.Call;
import io.migrescue.migration.code.Node.Member;
import io.migrescue.migration.code.Node.Obj;
import io.migrescue.model.Engine;
import io.migrescue.sql.Dialect;
import java.util.Locale;
import java.util.Set;

/**
 * One column definition of a Sequelize migration ({@code { type, allowNull, defaultValue, primaryKey, autoIncrement,
 * unique, references: { model, key }, onDelete, onUpdate }}, or a bare data type), written as Sequelize 6's
 * {@code attributeToSQL} writes it per engine. Null from {@link #read} when any part is computed or unknown.
 */
final class Attribute {
    private static final Set<String> KEYS = Set.of(
            "type",
            "allowNull",
            "defaultValue",
            "primaryKey",
            "autoIncrement",
            "unique",
            "references",
            "onDelete",
            "onUpdate",
            "comment");
    final String table;
    final String column;
    final SequelizeTypes.Type type;
    final String sqlType;
    final Engine engine;
    boolean allowNullFalse;
    boolean autoIncrement;
    boolean primaryKey;
    boolean unique;
    String defaultValue;
    String references;
    String referencesKey;
    String onDelete;
    String onUpdate;

    private Attribute(String table, String column, SequelizeTypes.Type type, String sqlType, Engine engine) {
        this.table = table;
        this.column = column;
        this.type = type;
        this.sqlType = sqlType;
        this.engine = engine;
    }

    static Attribute read(Node n, Engine engine, String table, String column) {
        Obj o = n instanceof Obj obj ? obj : null;
        SequelizeTypes.Type type = SequelizeTypes.read(o == null ? n : o.get("type"));
        if (type == null || o != null && !KEYS.containsAll(o.entries().keySet())) {
            return null;
        }
        String sqlType = SequelizeTypes.sql(type, engine, table, column);
        if (sqlType == null) {
            return null;
        }
        Attribute a = new Attribute(table, column, type, sqlType, engine);
        if (o == null) {
            return a;
        }
        a.allowNullFalse = Boolean.FALSE.equals(Code.bool(o.get("allowNull")));
        a.autoIncrement = Boolean.TRUE.equals(Code.bool(o.get("autoIncrement")));
        a.primaryKey = Boolean.TRUE.equals(Code.bool(o.get("primaryKey")));
        a.unique = Boolean.TRUE.equals(Code.bool(o.get("unique")));
        if (o.get("unique") != null && Code.bool(o.get("unique")) == null) {
            return null; // a named unique key: Sequelize adds it apart
        }
        if (o.get("defaultValue") != null) {
            if (isNow(o.get("defaultValue"))) {
                a.defaultValue = null; // Sequelize.NOW is set by Sequelize when it inserts, not by the schema
            } else {
                a.defaultValue = literal(o.get("defaultValue"));
                if (a.defaultValue == null) {
                    return null;
                }
            }
        }
        if (o.get("references") != null) {
            Obj ref = o.get("references") instanceof Obj r ? r : null;
            a.references = ref == null ? null : Code.str(ref.get("model"));
            a.referencesKey = ref == null || ref.get("key") == null ? "id" : Code.str(ref.get("key"));
            if (a.references == null || a.referencesKey == null) {
                return null;
            }
            a.onDelete = Code.str(o.get("onDelete"));
            a.onUpdate = Code.str(o.get("onUpdate"));
        }
        if (o.get("comment") != null) {
            return null;
        }
        return a;
    }

    private static boolean isNow(Node n) {
        return n instanceof Member m && m.name().equals("NOW");
    }

    /** A default as Sequelize escapes it: strings quoted, numbers and booleans bare, {@code Sequelize.literal('…')} as written. */
    private static String literal(Node n) {
        Boolean b = Code.bool(n);
        if (b != null) {
            return b.toString();
        }
        if (Code.isNull(n)) {
            return "NULL";
        }
        if (n instanceof Node.Num num) {
            return num.value();
        }
        if (n instanceof Node.Str s && s.value() != null) {
            return SequelizeTypes.quote(s.value());
        }
        if (n instanceof Call c && c.name().equals("literal") && c.args().size() == 1 && Code.str(c.arg(0)) != null) {
            return Code.str(c.arg(0));
        }
        return null;
    }

    /** {@code attributeToSQL}; on PostgreSQL followed by {@code dataTypeMapping} (SERIAL, the ENUM's own type, no PRIMARY KEY). */
    String sql(Dialect d, boolean addColumn) {
        boolean pg = engine == Engine.POSTGRESQL;
        StringBuilder s = new StringBuilder(sqlType);
        if (allowNullFalse) {
            s.append(" NOT NULL");
        }
        if (autoIncrement) {
            s.append(pg ? " SERIAL" : " auto_increment");
        }
        if (defaultValue != null) {
            s.append(" DEFAULT ").append(defaultValue);
        }
        if (unique) {
            s.append(" UNIQUE");
        }
        if (primaryKey) {
            s.append(" PRIMARY KEY");
        }
        if (references != null) {
            s.append(referencesSql(d));
        }
        String sql = s.toString();
        if (!pg) {
            return addColumn ? sql : sql.replace("PRIMARY KEY", "");
        }
        sql = sql.replace("PRIMARY KEY", "");
        if (sql.contains("SERIAL")) {
            if (sql.contains("BIGINT")) {
                sql = sql.replace("SERIAL", "BIGSERIAL").replace("BIGINT", "");
            } else if (sql.contains("SMALLINT")) {
                sql = sql.replace("SERIAL", "SMALLSERIAL").replace("SMALLINT", "");
            } else {
                sql = sql.replace("INTEGER", "");
            }
            sql = sql.replace("NOT NULL", "");
        }
        if (sql.startsWith("ENUM(")) {
            sql = "\"public\".\"" + SequelizeTypes.enumName(table, column) + "\"" + sql.substring(sql.indexOf(')') + 1);
        }
        return sql;
    }

    /** MySQL's addColumn names the foreign key its reference makes: {@code <table>_<column>_foreign_idx}. */
    String sqlForAddColumn(Dialect d, String tableName, String key) {
        String sql = sql(d, true);
        if (references == null) {
            return sql;
        }
        int at = sql.indexOf(" REFERENCES ");
        return sql.substring(0, at) + ", ADD CONSTRAINT " + d.quote(tableName + "_" + key + "_foreign_idx")
                + " FOREIGN KEY (" + d.quote(key) + ")" + sql.substring(at);
    }

    String referencesSql(Dialect d) {
        return " REFERENCES " + d.quote(references) + " (" + d.quote(referencesKey) + ")"
                + (onDelete != null ? " ON DELETE " + onDelete.toUpperCase(Locale.ROOT) : "")
                + (onUpdate != null ? " ON UPDATE " + onUpdate.toUpperCase(Locale.ROOT) : "");
    }
}
