package io.migrescue.migration.rails;

import io.migrescue.migration.code.Code;
import io.migrescue.migration.code.Node;
import io.migrescue.migration.code.Node.Call;
import io.migrescue.migration.code.Node.Obj;
import io.migrescue.migration.code.Rendered;
import java.util.ArrayList;
import java.util.List;

/**
 * The column statements of a migration body ({@code add_column}, {@code remove_column(s)}, {@code rename_column},
 * {@code change_column}, {@code change_column_default}, {@code change_column_null}, {@code add_timestamps},
 * {@code remove_timestamps}) as ActiveRecord renders them.
 */
record RailsColumnStatements(RailsSql sql, Rendered out) {
    /** Renders a bare call of this kind and says whether it knew it. */
    boolean render(Call c, Obj options, String a0, String a1, int line) {
        switch (c.name()) {
            case "add_column" -> {
                String type = Code.str(c.arg(2));
                String column = a1 == null || type == null ? null : sql.column(a1, type, options);
                if (column == null || options != null && options.get("index") != null) {
                    return false;
                }
                out.add("ALTER TABLE " + sql.q(a0) + " ADD " + column, line);
            }
            case "remove_column", "remove_columns" -> {
                List<String> columns = new ArrayList<>();
                for (int k = 1; k < c.args().size(); k++) {
                    if (c.args().get(k) instanceof Obj || c.name().equals("remove_column") && k > 1) {
                        continue; // remove_column's type and options only matter for rolling back
                    }
                    String col = Code.str(c.args().get(k));
                    if (col == null) {
                        return false;
                    }
                    columns.add(col);
                }
                if (a0 == null || columns.isEmpty()) {
                    return false;
                }
                for (String col : columns) {
                    out.add("ALTER TABLE " + sql.q(a0) + " DROP COLUMN " + sql.q(col), line);
                }
            }
            case "rename_column" -> {
                String to = Code.str(c.arg(2));
                if (a0 == null || a1 == null || to == null) {
                    return false;
                }
                out.add("ALTER TABLE " + sql.q(a0) + " RENAME COLUMN " + sql.q(a1) + " TO " + sql.q(to), line);
            }
            case "change_column" -> {
                String type = Code.str(c.arg(2));
                String column = a0 == null || a1 == null || type == null ? null : sql.column(a1, type, options);
                if (column == null) {
                    return false;
                }
                if (!sql.pg) {
                    out.add("ALTER TABLE " + sql.q(a0) + " CHANGE " + sql.q(a1) + " " + column, line);
                    return true;
                }
                String alter = "ALTER TABLE " + sql.q(a0) + " ALTER COLUMN " + sql.q(a1);
                out.add(alter + " TYPE " + RailsTypes.of(type, options, sql.d.engine(), sql.version), line);
                if (options != null && options.get("default") != null) {
                    out.add(alter + " SET DEFAULT " + RailsTypes.defaultValue(options.get("default")), line);
                }
                if (options != null && Code.bool(options.get("null")) != null) {
                    out.add(
                            alter
                                    + (Boolean.FALSE.equals(Code.bool(options.get("null")))
                                            ? " SET NOT NULL"
                                            : " DROP NOT NULL"),
                            line);
                }
            }
            case "change_column_default" -> {
                Node value = options != null && options.get("to") != null ? options.get("to") : c.arg(2);
                String v = value == null ? null : RailsTypes.defaultValue(value);
                if (a0 == null || a1 == null || v == null) {
                    return false;
                }
                String alter = "ALTER TABLE " + sql.q(a0) + " ALTER COLUMN " + sql.q(a1);
                out.add(v.equals("NULL") ? alter + " DROP DEFAULT" : alter + " SET DEFAULT " + v, line);
            }
            case "change_column_null" -> {
                Boolean nullable = Code.bool(c.arg(2));
                if (a0 == null || a1 == null || nullable == null || !sql.pg) {
                    return false; // MySQL: ActiveRecord restates the column's type, read from the live table
                }
                if (c.args().size() > 3) {
                    String v = RailsTypes.defaultValue(c.arg(3));
                    if (v == null) {
                        return false;
                    }
                    out.add(
                            "UPDATE " + sql.q(a0) + " SET " + sql.q(a1) + "=" + v + " WHERE " + sql.q(a1) + " IS NULL",
                            line);
                }
                out.add(
                        "ALTER TABLE " + sql.q(a0) + " ALTER COLUMN " + sql.q(a1)
                                + (nullable ? " DROP NOT NULL" : " SET NOT NULL"),
                        line);
            }
            case "add_timestamps" -> {
                if (a0 == null) {
                    return false;
                }
                Obj o = options;
                String type = "datetime";
                List<String> cols = new ArrayList<>();
                for (String name : List.of("created_at", "updated_at")) {
                    String col = sql.column(name, type, RailsOptions.timestampOptions(o));
                    if (col == null) {
                        return false;
                    }
                    cols.add("ADD " + col);
                }
                out.add("ALTER TABLE " + sql.q(a0) + " " + String.join(", ", cols), line);
            }
            case "remove_timestamps" -> {
                if (a0 == null) {
                    return false;
                }
                out.add(
                        "ALTER TABLE " + sql.q(a0) + " DROP COLUMN " + sql.q("updated_at") + ", DROP COLUMN "
                                + sql.q("created_at"),
                        line);
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
