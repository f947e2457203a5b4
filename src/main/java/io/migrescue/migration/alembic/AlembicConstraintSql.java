package io.migrescue.migration.alembic;

import static io.migrescue.migration.alembic.AlembicArgs.constraintName;
import static io.migrescue.migration.alembic.AlembicArgs.need;
import static io.migrescue.migration.alembic.AlembicArgs.optionalName;
import static io.migrescue.migration.alembic.AlembicArgs.schema;
import static io.migrescue.migration.alembic.AlembicArgs.str;
import static io.migrescue.migration.alembic.AlembicArgs.strings;

import io.migrescue.migration.python.PyExpr;
import java.util.List;
import java.util.Optional;

/** Alembic's index and constraint ops: create/drop index, create foreign key, drop constraint, a constraint's name. */
record AlembicConstraintSql(SqlAlchemyDdl ddl, AlembicColumnSql columns) {

    String named(Optional<PyExpr> name) {
        if (name.isEmpty() || PyExpr.isNone(name.get())) {
            return "";
        }
        return "CONSTRAINT " + ddl.quote(constraintName(name.get())) + " ";
    }

    List<String> createIndex(PyExpr.Call c, int nameArg, String table, String schema) {
        return List.of(index(c, nameArg, table, schema, c.callee().startsWith("op.") ? 2 : 1));
    }

    /** {@code CREATE [UNIQUE] INDEX name ON table (columns)}; the columns are argument {@code columnsArg}. */
    String index(PyExpr.Call c, int nameArg, String table, String schema, int columnsArg) {
        String name = constraintName(need(c.arg(nameArg, "index_name")));
        boolean unique = c.kw("unique").map(u -> need(PyExpr.bool(u))).orElse(false);
        List<String> columns;
        if (c.last().equals("Index")) {
            columns = c.args().subList(1, c.args().size()).stream()
                    .map(x -> need(PyExpr.string(x)))
                    .toList();
        } else {
            columns = need(c.arg(columnsArg, "columns").flatMap(PyExpr::strings));
        }
        for (String known : c.kwargs().keySet()) {
            if (!List.of(
                            "unique",
                            "table_name",
                            "schema",
                            "index_name",
                            "columns",
                            "if_not_exists",
                            "postgresql_concurrently")
                    .contains(known)) {
                throw new AlembicOps
                        .NotUnderstood(); // postgresql_where, postgresql_using, mysql_length… change the index
            }
        }
        boolean concurrently = ddl.postgres()
                && c.kw("postgresql_concurrently")
                        .map(x -> need(PyExpr.bool(x)))
                        .orElse(false);
        return "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + (concurrently ? "CONCURRENTLY " : "")
                + ddl.quote(name) + " ON " + ddl.table(schema, table) + " (" + ddl.columns(columns) + ")";
    }

    List<String> dropIndex(PyExpr.Call c, String table, String schema) {
        String name = constraintName(need(c.arg(0, "index_name")));
        if (ddl.postgres()) {
            return List.of("DROP INDEX " + (schema == null ? ddl.quote(name) : ddl.table(schema, name)));
        }
        if (table == null) {
            throw new AlembicOps.NotUnderstood(); // MySQL needs the table
        }
        return List.of("DROP INDEX " + ddl.quote(name) + " ON " + ddl.table(schema, table));
    }

    List<String> createForeignKey(PyExpr.Call c, int nameArg, String table, String schema) {
        String name = optionalName(c.arg(nameArg, "constraint_name"));
        String referent = str(c, 2, "referent_table");
        String referentSchema = c.kw("referent_schema")
                .filter(n -> !PyExpr.isNone(n))
                .map(n -> need(PyExpr.string(n)))
                .orElse(null);
        List<String> local = strings(c, 3, "local_cols");
        List<String> remote = strings(c, 4, "remote_cols");
        return List.of("ALTER TABLE " + ddl.table(schema, table) + " ADD "
                + columns.foreignKey(name, local, ddl.table(referentSchema, referent), remote, c));
    }

    List<String> dropConstraint(PyExpr.Call c, int nameArg, String table, String schema) {
        String name = constraintName(need(c.arg(nameArg, "constraint_name")));
        String type = c.kw("type_")
                .filter(n -> !PyExpr.isNone(n))
                .map(n -> need(PyExpr.string(n)))
                .orElse(null);
        String t = ddl.table(schema, table);
        if (ddl.postgres()) {
            return List.of("ALTER TABLE " + t + " DROP CONSTRAINT " + ddl.quote(name));
        }
        if (type == null) {
            throw new AlembicOps.NotUnderstood(); // Alembic refuses too: MySQL needs the constraint's type
        }
        return List.of(
                switch (type) {
                    case "foreignkey" -> "ALTER TABLE " + t + " DROP FOREIGN KEY " + ddl.quote(name);
                    case "unique" -> "ALTER TABLE " + t + " DROP INDEX " + ddl.quote(name);
                    case "primary" -> "ALTER TABLE " + t + " DROP PRIMARY KEY";
                    case "check" ->
                        "ALTER TABLE " + t
                                + (ddl.engine() == io.migrescue.model.Engine.MARIADB
                                        ? " DROP CONSTRAINT "
                                        : " DROP CHECK ")
                                + ddl.quote(name);
                    default -> throw new AlembicOps.NotUnderstood();
                });
    }
}
