package io.migrescue.migration.sequelize;

import io.migrescue.migration.code.Code;
import io.migrescue.migration.code.Node;
import io.migrescue.migration.code.Node.Call;
import io.migrescue.migration.code.Node.Ident;
import io.migrescue.migration.code.Node.Member;
import io.migrescue.model.Engine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Sequelize 6's DataTypes as its MySQL and PostgreSQL dialects write them ({@code DataTypes.STRING} is
 * {@code VARCHAR(255)}, {@code BOOLEAN} is {@code TINYINT(1)} on MySQL, {@code DATE} is {@code DATETIME} on MySQL and
 * {@code TIMESTAMP WITH TIME ZONE} on PostgreSQL, {@code UUID} is {@code CHAR(36) BINARY} on MySQL). An ENUM on
 * PostgreSQL is a type of its own, named {@code enum_<table>_<column>}.
 */
final class SequelizeTypes {
    private SequelizeTypes() {}

    /** A data type as written: its name, its arguments, and modifiers such as {@code UNSIGNED}. */
    record Type(String name, List<Node> args, List<String> modifiers) {
        boolean is(String n) {
            return name.equals(n);
        }
    }

    /** {@code Sequelize.STRING(100)}, {@code DataTypes.INTEGER.UNSIGNED}, {@code Sequelize.DataTypes.TEXT}; null otherwise. */
    static Type read(Node n) {
        List<Object[]> parts = new ArrayList<>();
        Node cur = n;
        while (parts.size() < 10) {
            if (cur instanceof Call c && c.target() != null) {
                parts.add(new Object[] {c.name(), c.args()});
                cur = c.target();
            } else if (cur instanceof Member m) {
                parts.add(new Object[] {m.name(), List.<Node>of()});
                cur = m.target();
            } else {
                break;
            }
        }
        if (!(cur instanceof Ident) || parts.isEmpty()) {
            return null;
        }
        Collections.reverse(parts);
        int k = 0;
        while (k < parts.size() && parts.get(k)[0].equals("DataTypes")) {
            k++;
        }
        if (k >= parts.size()) {
            return null;
        }
        String name = (String) parts.get(k)[0];
        @SuppressWarnings("unchecked")
        List<Node> args = (List<Node>) parts.get(k)[1];
        List<String> modifiers = new ArrayList<>();
        for (int j = k + 1; j < parts.size(); j++) {
            modifiers.add((String) parts.get(j)[0]);
        }
        return name.equals(name.toUpperCase(Locale.ROOT)) ? new Type(name, args, modifiers) : null;
    }

    /** The SQL type, or null when Sequelize's type or its arguments are not known here. */
    static String sql(Type t, Engine engine, String table, String column) {
        boolean pg = engine == Engine.POSTGRESQL;
        Integer a0 = t.args().isEmpty() ? null : Code.integer(t.args().get(0));
        Integer a1 = t.args().size() > 1 ? Code.integer(t.args().get(1)) : null;
        if (!t.args().isEmpty() && a0 == null && !t.is("ENUM") && !t.is("TEXT")) {
            return null;
        }
        String base = switch (t.name()) {
            case "INTEGER" -> "INTEGER";
            case "BIGINT" -> "BIGINT";
            case "SMALLINT" -> "SMALLINT";
            case "TINYINT" -> pg ? "SMALLINT" : "TINYINT";
            case "MEDIUMINT" -> pg ? null : "MEDIUMINT";
            case "STRING" -> "VARCHAR(" + (a0 != null ? a0 : 255) + ")";
            case "CHAR" -> "CHAR(" + (a0 != null ? a0 : 255) + ")";
            case "TEXT" -> {
                String size = t.args().isEmpty() ? null : Code.str(t.args().get(0));
                yield pg || size == null
                        ? "TEXT"
                        : switch (size.toLowerCase(Locale.ROOT)) {
                            case "tiny" -> "TINYTEXT";
                            case "medium" -> "MEDIUMTEXT";
                            case "long" -> "LONGTEXT";
                            default -> "TEXT";
                        };
            }
            case "BOOLEAN" -> pg ? "BOOLEAN" : "TINYINT(1)";
            case "DECIMAL" -> a0 == null ? "DECIMAL" : "DECIMAL(" + a0 + (a1 != null ? "," + a1 : "") + ")";
            case "FLOAT" -> a0 == null ? "FLOAT" : "FLOAT(" + a0 + (a1 != null ? "," + a1 : "") + ")";
            case "REAL" -> "REAL";
            case "DOUBLE" -> "DOUBLE PRECISION";
            case "DATE" -> pg ? "TIMESTAMP WITH TIME ZONE" : a0 != null ? "DATETIME(" + a0 + ")" : "DATETIME";
            case "DATEONLY" -> "DATE";
            case "TIME" -> "TIME";
            case "UUID" -> pg ? "UUID" : "CHAR(36) BINARY";
            case "JSON" -> "JSON";
            case "JSONB" -> pg ? "JSONB" : null;
            case "BLOB" -> pg ? "BYTEA" : "BLOB";
            case "ENUM" -> enumType(t, pg, table, column);
            default -> null;
        };
        if (base == null) {
            return null;
        }
        StringBuilder sql = new StringBuilder(base);
        for (String m : t.modifiers()) {
            switch (m) {
                case "UNSIGNED" -> sql.append(pg ? "" : " UNSIGNED");
                case "ZEROFILL" -> sql.append(pg ? "" : " ZEROFILL");
                case "BINARY" -> sql.append(pg ? "" : " BINARY");
                default -> {
                    return null;
                }
            }
        }
        return sql.toString();
    }

    private static String enumType(Type t, boolean pg, String table, String column) {
        List<String> values = new ArrayList<>();
        for (Node a : t.args()) {
            List<String> v = Code.names(a);
            if (v == null) {
                return null;
            }
            values.addAll(v);
        }
        if (values.isEmpty()) {
            return null;
        }
        return "ENUM("
                + String.join(", ", values.stream().map(SequelizeTypes::quote).toList()) + ")";
    }

    static String enumName(String table, String column) {
        return "enum_" + table + "_" + column;
    }

    /** The ENUM's values, for PostgreSQL's CREATE TYPE. */
    static List<String> enumValues(Type t) {
        List<String> values = new ArrayList<>();
        for (Node a : t.args()) {
            List<String> v = Code.names(a);
            if (v != null) {
                values.addAll(v);
            }
        }
        return values;
    }

    static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
