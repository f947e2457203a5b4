package io.migrescue.migration.rails;

import io.migrescue.migration.code.Code;
import io.migrescue.migration.code.Node;
import io.migrescue.migration.code.Node.Call;
import io.migrescue.migration.code.Node.Obj;
import io.migrescue.migration.code.Rendered;
import java.util.List;

/**
 * The index, reference and foreign-key statements of a migration body ({@code add_index}, {@code remove_index},
 * {@code rename_index}, {@code add_reference}, {@code remove_reference}, {@code add_foreign_key},
 * {@code remove_foreign_key}) with ActiveRecord's default names.
 */
record RailsKeyStatements(RailsSql sql, Rendered out) {
    /** Renders a bare call of this kind and says whether it knew it. */
    boolean render(Call c, Obj options, String a0, String a1, int line) {
        switch (c.name()) {
            case "add_index" -> {
                List<String> columns = Code.names(c.arg(1));
                if (a0 == null || columns == null || !RailsOptions.knownIndexOptions(options)) {
                    return false;
                }
                String name = options != null && Code.str(options.get("name")) != null
                        ? Code.str(options.get("name"))
                        : RailsSql.indexName(a0, columns);
                out.add(sql.index(a0, name, columns, RailsOptions.unique(options), options), line);
            }
            case "remove_index" -> {
                String name = options != null ? Code.str(options.get("name")) : null;
                if (name == null) {
                    List<String> columns = options != null && options.get("column") != null
                            ? Code.names(options.get("column"))
                            : c.arg(1) instanceof Obj ? null : Code.names(c.arg(1));
                    name = columns == null || a0 == null ? null : RailsSql.indexName(a0, columns);
                }
                if (name == null) {
                    return false;
                }
                out.add(sql.pg ? "DROP INDEX  " + sql.q(name) : "DROP INDEX " + sql.q(name) + " ON " + sql.q(a0), line);
            }
            case "rename_index" -> {
                String to = Code.str(c.arg(2));
                if (a0 == null || a1 == null || to == null) {
                    return false;
                }
                out.add(
                        sql.pg
                                ? "ALTER INDEX " + sql.q(a1) + " RENAME TO " + sql.q(to)
                                : "ALTER TABLE " + sql.q(a0) + " RENAME INDEX " + sql.q(a1) + " TO " + sql.q(to),
                        line);
            }
            case "add_reference", "add_belongs_to" -> {
                return a0 != null && a1 != null && addReference(a0, a1, options, line);
            }
            case "remove_reference", "remove_belongs_to" -> {
                if (a0 == null || a1 == null) {
                    return false;
                }
                Node fk = options == null ? null : options.get("foreign_key");
                if (fk != null && !Boolean.FALSE.equals(Code.bool(fk))) {
                    String column = a1 + "_id";
                    out.add(dropForeignKey(a0, RailsSql.foreignKeyName(a0, column)), line);
                }
                out.add("ALTER TABLE " + sql.q(a0) + " DROP COLUMN " + sql.q(a1 + "_id"), line);
            }
            case "add_foreign_key" -> {
                if (a0 == null
                        || a1 == null
                        || !RailsOptions.known(
                                options, "column", "primary_key", "name", "on_delete", "on_update", "validate")) {
                    return false;
                }
                String column = options != null && options.get("column") != null
                        ? Code.str(options.get("column"))
                        : RailsNames.singular(a1) + "_id";
                String pk = options != null && options.get("primary_key") != null
                        ? Code.str(options.get("primary_key"))
                        : "id";
                String name = options != null && options.get("name") != null
                        ? Code.str(options.get("name"))
                        : RailsSql.foreignKeyName(a0, column);
                if (column == null || pk == null || name == null) {
                    return false;
                }
                boolean notValid =
                        sql.pg && options != null && Boolean.FALSE.equals(Code.bool(options.get("validate")));
                out.add(
                        "ALTER TABLE " + sql.q(a0) + " ADD "
                                + sql.foreignKey(
                                                name,
                                                column,
                                                a1,
                                                pk,
                                                RailsOptions.opt(options, "on_delete"),
                                                RailsOptions.opt(options, "on_update"))
                                        .strip()
                                + (notValid ? " NOT VALID" : ""),
                        line);
            }
            case "remove_foreign_key" -> {
                String name = options != null ? Code.str(options.get("name")) : null;
                if (name == null && a0 != null) {
                    String column = options != null && options.get("column") != null
                            ? Code.str(options.get("column"))
                            : a1 != null ? RailsNames.singular(a1) + "_id" : null;
                    name = column == null ? null : RailsSql.foreignKeyName(a0, column);
                }
                if (name == null) {
                    return false;
                }
                out.add(dropForeignKey(a0, name), line);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private String dropForeignKey(String table, String name) {
        return "ALTER TABLE " + sql.q(table) + (sql.pg ? " DROP CONSTRAINT " : " DROP FOREIGN KEY ") + sql.q(name);
    }

    /** {@code add_reference :orders, :user, foreign_key: true, null: false, index: true}: column, index, foreign key. */
    private boolean addReference(String table, String ref, Obj options, int line) {
        String column = ref + "_id";
        String col = sql.referenceColumn(ref, options);
        if (col == null) {
            return false;
        }
        RailsCreateTable.Reference r = RailsCreateTable.reference(table, ref, options);
        if (r == null) {
            return false;
        }
        out.add("ALTER TABLE " + sql.q(table) + " ADD " + col, line);
        if (r.indexName() != null) {
            out.add(sql.index(table, r.indexName(), List.of(column), r.uniqueIndex(), null), line);
        }
        if (r.fkName() != null) {
            out.add(
                    ("ALTER TABLE " + sql.q(table) + " ADD "
                                    + sql.foreignKey(r.fkName(), column, r.toTable(), "id", r.onDelete(), r.onUpdate()))
                            .strip(),
                    line);
        }
        return true;
    }
}
