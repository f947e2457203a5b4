package io.migrescue.migration.alembic;

import static io.migrescue.migration.alembic.AlembicArgs.need;
import static io.migrescue.migration.alembic.AlembicArgs.optionalName;
import static io.migrescue.migration.alembic.AlembicArgs.schema;

import io.migrescue.migration.python.PyExpr;
import java.util.ArrayList;
import java.util.List;

/** SQLAlchemy's {@code sa.Column(…)} as Alembic writes it: its specification, foreign keys, add/drop/alter column. */
final class AlembicColumnSql {
    private final SqlAlchemyDdl ddl;

    AlembicColumnSql(SqlAlchemyDdl ddl) {
        this.ddl = ddl;
    }

    /** One {@code sa.Column(…)}. */
    record Column(
            String name,
            PyExpr type,
            String sqlType,
            Boolean nullable,
            boolean primaryKey,
            String serverDefault,
            boolean unique,
            boolean index,
            List<PyExpr.Call> foreignKeys,
            Boolean autoincrement) {}

    Column column(PyExpr e) {
        if (!(e instanceof PyExpr.Call c) || !c.last().equals("Column")) {
            throw new AlembicOps.NotUnderstood();
        }
        String name = need(c.arg(0, "name").flatMap(PyExpr::string));
        PyExpr type = c.args().size() > 1
                        && !(c.args().get(1) instanceof PyExpr.Call fk
                                && fk.last().equals("ForeignKey"))
                ? c.args().get(1)
                : need(c.kw("type_"));
        List<PyExpr.Call> fks = new ArrayList<>();
        for (int k = 2; k < c.args().size(); k++) {
            if (c.args().get(k) instanceof PyExpr.Call fk && fk.last().equals("ForeignKey")) {
                fks.add(fk);
            } else {
                throw new AlembicOps.NotUnderstood();
            }
        }
        for (String known : c.kwargs().keySet()) {
            if (!List.of(
                            "type_",
                            "nullable",
                            "primary_key",
                            "server_default",
                            "unique",
                            "index",
                            "autoincrement",
                            "comment",
                            "default",
                            "onupdate",
                            "name",
                            "info",
                            "doc",
                            "key",
                            "quote")
                    .contains(known)) {
                throw new AlembicOps.NotUnderstood();
            }
        }
        Boolean nullable = c.kw("nullable").map(n -> need(PyExpr.bool(n))).orElse(null);
        boolean pk = c.kw("primary_key").map(n -> need(PyExpr.bool(n))).orElse(false);
        String serverDefault = c.kw("server_default")
                .filter(d -> !PyExpr.isNone(d))
                .map(d -> need(ddl.serverDefault(d)))
                .orElse(null);
        boolean unique = c.kw("unique").map(n -> need(PyExpr.bool(n))).orElse(false);
        boolean index = c.kw("index").map(n -> need(PyExpr.bool(n))).orElse(false);
        Boolean autoincrement = c.kw("autoincrement").flatMap(PyExpr::bool).orElse(null);
        return new Column(
                name, type, need(ddl.type(type)), nullable, pk, serverDefault, unique, index, fks, autoincrement);
    }

    /** {@code name TYPE …} as SQLAlchemy's column specification on the engine. */
    String columnSpec(Column col, boolean notNull, boolean autoIncrement) {
        StringBuilder s = new StringBuilder(ddl.quote(col.name())).append(' ');
        if (ddl.postgres()) {
            s.append(autoIncrement ? ddl.serial(col.sqlType()) : col.sqlType());
            if (col.serverDefault() != null) {
                s.append(" DEFAULT ").append(col.serverDefault());
            }
            if (notNull) {
                s.append(" NOT NULL");
            }
        } else {
            s.append(col.sqlType());
            if (notNull) {
                s.append(" NOT NULL");
            } else if (col.sqlType().startsWith("TIMESTAMP")) {
                s.append(" NULL");
            }
            if (col.serverDefault() != null) {
                s.append(" DEFAULT ").append(col.serverDefault());
            }
            if (autoIncrement) {
                s.append(" AUTO_INCREMENT");
            }
        }
        return s.toString();
    }

    String foreignKey(
            String name, List<String> columns, String reference, List<String> refColumns, PyExpr.Call options) {
        StringBuilder s = new StringBuilder();
        if (name != null) {
            s.append("CONSTRAINT ").append(ddl.quote(name)).append(' ');
        }
        s.append("FOREIGN KEY(")
                .append(ddl.columns(columns))
                .append(") REFERENCES ")
                .append(reference)
                .append(" (")
                .append(ddl.columns(refColumns))
                .append(')');
        options.kw("ondelete").ifPresent(o -> s.append(" ON DELETE ").append(need(PyExpr.string(o))));
        options.kw("onupdate").ifPresent(o -> s.append(" ON UPDATE ").append(need(PyExpr.string(o))));
        return s.toString();
    }

    /** {@code "table.column"} or {@code "schema.table.column"} of a ForeignKey: the quoted table and the column. */
    String[] target(String spec) {
        String[] parts = spec.split("\\.");
        if (parts.length < 2 || parts.length > 3) {
            throw new AlembicOps.NotUnderstood();
        }
        String table = parts.length == 3 ? ddl.table(parts[0], parts[1]) : ddl.quote(parts[0]);
        return new String[] {table, parts[parts.length - 1]};
    }

    /** {@code FOREIGN KEY(col) REFERENCES …} of a column's {@code sa.ForeignKey(…)}. */
    String columnForeignKey(Column col, PyExpr.Call fk) {
        String[] t = target(need(fk.arg(0, "column").flatMap(PyExpr::string)));
        return foreignKey(optionalName(fk.kw("name")), List.of(col.name()), t[0], List.of(t[1]), fk);
    }

    /** SQLAlchemy's autoincrement column: the only primary key column, of an integer type, with no foreign key. */
    static String autoIncrementColumn(List<Column> columns, List<String> pk) {
        if (pk.size() != 1) {
            return null;
        }
        return columns.stream()
                .filter(col -> col.name().equals(pk.get(0))
                        && SqlAlchemyDdl.integer(col.type())
                        && col.foreignKeys().isEmpty()
                        && !Boolean.FALSE.equals(col.autoincrement()))
                .map(Column::name)
                .findFirst()
                .orElse(null);
    }

    List<String> addColumn(String table, String schema, PyExpr e) {
        Column col = column(e);
        boolean notNull = col.nullable() != null ? !col.nullable() : col.primaryKey();
        List<String> sql = new ArrayList<>();
        sql.add("ALTER TABLE " + ddl.table(schema, table) + " ADD COLUMN " + columnSpec(col, notNull, false));
        for (PyExpr.Call fk : col.foreignKeys()) {
            sql.add("ALTER TABLE " + ddl.table(schema, table) + " ADD " + columnForeignKey(col, fk));
        }
        if (col.unique() && !col.index()) {
            sql.add("ALTER TABLE " + ddl.table(schema, table) + " ADD UNIQUE (" + ddl.quote(col.name()) + ")");
        }
        if (col.index()) {
            sql.add("CREATE " + (col.unique() ? "UNIQUE " : "") + "INDEX " + ddl.quote("ix_" + table + "_" + col.name())
                    + " ON " + ddl.table(schema, table) + " (" + ddl.quote(col.name()) + ")");
        }
        return sql;
    }

    List<String> dropColumn(String table, String schema, String column) {
        return List.of("ALTER TABLE " + ddl.table(schema, table) + " DROP COLUMN " + ddl.quote(column));
    }

    List<String> alterColumn(String table, String schema, String column, PyExpr.Call c) {
        for (String known : c.kwargs().keySet()) {
            if (!List.of(
                            "nullable",
                            "type_",
                            "new_column_name",
                            "server_default",
                            "existing_type",
                            "existing_nullable",
                            "existing_server_default",
                            "schema",
                            "existing_comment",
                            "comment",
                            "table_name",
                            "column_name")
                    .contains(known)) {
                throw new AlembicOps.NotUnderstood();
            }
        }
        String t = ddl.table(schema, table);
        Boolean nullable = c.kw("nullable")
                .filter(n -> !PyExpr.isNone(n))
                .map(n -> need(PyExpr.bool(n)))
                .orElse(null);
        String type = c.kw("type_")
                .filter(n -> !PyExpr.isNone(n))
                .map(n -> need(ddl.type(n)))
                .orElse(null);
        String newName = c.kw("new_column_name")
                .filter(n -> !PyExpr.isNone(n))
                .map(n -> need(PyExpr.string(n)))
                .orElse(null);
        boolean defaultGiven = c.kw("server_default").isPresent();
        String serverDefault = c.kw("server_default")
                .filter(d -> !PyExpr.isNone(d) && !PyExpr.bool(d).isPresent())
                .map(d -> need(ddl.serverDefault(d)))
                .orElse(null);
        if (c.kw("server_default").flatMap(PyExpr::bool).isPresent()) {
            defaultGiven = false; // server_default=False means "unchanged"
        }
        List<String> sql = new ArrayList<>();
        if (ddl.postgres()) {
            if (type != null) {
                sql.add("ALTER TABLE " + t + " ALTER COLUMN " + ddl.quote(column) + " TYPE " + type);
            }
            if (nullable != null) {
                sql.add("ALTER TABLE " + t + " ALTER COLUMN " + ddl.quote(column)
                        + (nullable ? " DROP NOT NULL" : " SET NOT NULL"));
            }
            if (defaultGiven) {
                sql.add("ALTER TABLE " + t + " ALTER COLUMN " + ddl.quote(column)
                        + (serverDefault == null ? " DROP DEFAULT" : " SET DEFAULT " + serverDefault));
            }
            if (newName != null) {
                sql.add("ALTER TABLE " + t + " RENAME " + ddl.quote(column) + " TO " + ddl.quote(newName));
            }
            return sql;
        }
        if (newName != null || nullable != null || type != null) {
            String existing = type != null
                    ? type
                    : c.kw("existing_type")
                            .filter(n -> !PyExpr.isNone(n))
                            .map(n -> need(ddl.type(n)))
                            .orElseThrow(AlembicOps.NotUnderstood::new);
            boolean isNullable = nullable != null
                    ? nullable
                    : c.kw("existing_nullable").flatMap(PyExpr::bool).orElse(true);
            String dflt = defaultGiven
                    ? serverDefault
                    : c.kw("existing_server_default")
                            .filter(d -> !PyExpr.isNone(d) && PyExpr.bool(d).isEmpty())
                            .map(d -> need(ddl.serverDefault(d)))
                            .orElse(null);
            String spec = existing + (isNullable ? " NULL" : " NOT NULL") + (dflt == null ? "" : " DEFAULT " + dflt);
            sql.add("ALTER TABLE " + t
                    + (newName != null
                            ? " CHANGE " + ddl.quote(column) + " " + ddl.quote(newName)
                            : " MODIFY " + ddl.quote(column))
                    + " " + spec);
        } else if (defaultGiven) {
            sql.add("ALTER TABLE " + t + " ALTER COLUMN " + ddl.quote(column)
                    + (serverDefault == null ? " DROP DEFAULT" : " SET DEFAULT " + serverDefault));
        }
        return sql;
    }
}
