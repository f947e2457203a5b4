package io.migrescue.migration.sequelize;

import io.migrescue.migration.code.Code;
import io.migrescue.migration.code.Node;
import io.migrescue.migration.code.Node.Call;
import io.migrescue.migration.code.Node.Obj;
import io.migrescue.migration.code.Rendered;
import io.migrescue.model.Engine;
import io.migrescue.sql.Dialect;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Sequelize's indexes and constraints ({@code addIndex}, {@code addConstraint}) with the names Sequelize gives them
 * when the migration names none.
 */
record SequelizeKeys(Dialect d, Rendered out) {
    private boolean pg() {
        return d.engine() == Engine.POSTGRESQL;
    }

    boolean addIndex(String table, Call c, int line) {
        Node second = c.arg(1);
        Obj options = c.arg(2) instanceof Obj o ? o : null;
        List<String> fields = Code.names(second);
        if (fields == null && second instanceof Obj o) {
            options = o;
            fields = Code.names(o.get("fields"));
        }
        if (fields == null
                || options != null
                        && !options.entries().keySet().stream()
                                .allMatch(k -> List.of("name", "unique", "fields", "transaction", "type")
                                        .contains(k))) {
            return false;
        }
        String name = options != null && Code.str(options.get("name")) != null
                ? Code.str(options.get("name"))
                : indexName(table, fields);
        String kind = options == null ? null : Code.str(options.get("type"));
        boolean unique = options != null && Boolean.TRUE.equals(Code.bool(options.get("unique")))
                || "UNIQUE".equalsIgnoreCase(kind);
        if (kind != null && !"UNIQUE".equalsIgnoreCase(kind)) {
            return false;
        }
        String cols = fields.stream().map(d::quote).collect(Collectors.joining(", "));
        out.add(
                pg()
                        ? "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + d.quote(name) + " ON " + d.quote(table)
                                + " (" + cols + ")"
                        : "ALTER TABLE " + d.quote(table) + " ADD " + (unique ? "UNIQUE " : "") + "INDEX "
                                + d.quote(name) + " (" + cols + ")",
                line);
        return true;
    }

    /** {@code addConstraint(table, { fields, type, name, references: { table, field }, onDelete, onUpdate })}. */
    boolean addConstraint(String table, Obj o, int line) {
        List<String> fields = Code.names(o.get("fields"));
        String type = Code.str(o.get("type"));
        if (fields == null || type == null) {
            return false;
        }
        String kind = type.toLowerCase(Locale.ROOT);
        String suffix = switch (kind) {
            case "unique" -> "uk";
            case "foreign key" -> "fk";
            case "primary key" -> "pk";
            default -> null;
        };
        if (suffix == null) {
            return false;
        }
        String cols = fields.stream().map(d::quote).collect(Collectors.joining(", "));
        String sql;
        String refTable = null;
        if (kind.equals("foreign key")) {
            Obj ref = o.get("references") instanceof Obj r ? r : null;
            refTable = ref == null ? null : Code.str(ref.get("table"));
            String field = ref == null ? null : Code.str(ref.get("field"));
            if (refTable == null || field == null) {
                return false;
            }
            String onDelete = Code.str(o.get("onDelete"));
            String onUpdate = Code.str(o.get("onUpdate"));
            sql = "FOREIGN KEY (" + cols + ") REFERENCES " + d.quote(refTable) + " (" + d.quote(field) + ")"
                    + (onDelete != null ? " ON DELETE " + onDelete.toUpperCase(Locale.ROOT) : "")
                    + (onUpdate != null ? " ON UPDATE " + onUpdate.toUpperCase(Locale.ROOT) : "");
        } else {
            sql = kind.toUpperCase(Locale.ROOT) + " (" + cols + ")";
        }
        String name = Code.str(o.get("name"));
        if (name == null) {
            name = table + "_" + String.join("_", fields) + (refTable != null ? "_" + refTable : "") + "_" + suffix;
        }
        out.add("ALTER TABLE " + d.quote(table) + " ADD CONSTRAINT " + d.quote(name) + " " + sql, line);
        return true;
    }

    /** Sequelize's {@code nameIndex}: {@code Utils.underscore(<table>_<fields>)}. */
    static String indexName(String table, List<String> fields) {
        return underscore(table + "_" + String.join("_", fields));
    }

    /** inflection's {@code underscore}: an underscore before every capital, a leading one dropped, all lower case. */
    static String underscore(String s) {
        String u = s.replaceAll("([A-Z])", "_$1");
        if (u.startsWith("_")) {
            u = u.substring(1);
        }
        return u.toLowerCase(Locale.ROOT);
    }
}
