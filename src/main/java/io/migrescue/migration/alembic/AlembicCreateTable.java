package io.migrescue.migration.alembic;

import static io.migrescue.migration.alembic.AlembicArgs.need;
import static io.migrescue.migration.alembic.AlembicArgs.optionalName;
import static io.migrescue.migration.alembic.AlembicArgs.schema;
import static io.migrescue.migration.alembic.AlembicArgs.sqlText;
import static io.migrescue.migration.alembic.AlembicArgs.str;

import io.migrescue.migration.alembic.AlembicColumnSql.Column;
import io.migrescue.migration.python.PyExpr;
import java.util.ArrayList;
import java.util.List;

/** {@code op.create_table(…)} as SQLAlchemy's CREATE TABLE, with its inline constraints and the indexes after it. */
record AlembicCreateTable(SqlAlchemyDdl ddl, AlembicColumnSql columnSql, AlembicConstraintSql constraintSql) {

    List<String> createTable(PyExpr.Call c) {
        String table = str(c, 0, "table_name");
        String schema = schema(c);
        List<Column> columns = new ArrayList<>();
        List<String> constraints = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        List<String> pk = new ArrayList<>();
        String pkName = null;
        for (PyExpr arg : c.args().subList(1, c.args().size())) {
            if (!(arg instanceof PyExpr.Call a)) {
                throw new AlembicOps.NotUnderstood();
            }
            switch (a.last()) {
                case "Column" -> columns.add(columnSql.column(a));
                case "PrimaryKeyConstraint" -> {
                    a.args().forEach(x -> pk.add(need(PyExpr.string(x))));
                    pkName = optionalName(a.kw("name"));
                }
                case "UniqueConstraint" ->
                    constraints.add(constraintSql.named(a.kw("name")) + "UNIQUE ("
                            + ddl.columns(a.args().stream()
                                    .map(x -> need(PyExpr.string(x)))
                                    .toList()) + ")");
                case "CheckConstraint" ->
                    constraints.add(
                            constraintSql.named(a.kw("name")) + "CHECK (" + sqlText(need(a.arg(0, "sqltext"))) + ")");
                case "ForeignKeyConstraint" -> {
                    List<String> refs = need(a.arg(1, "refcolumns").flatMap(PyExpr::strings));
                    String[] first = columnSql.target(refs.get(0));
                    constraints.add(columnSql.foreignKey(
                            optionalName(a.kw("name")),
                            need(a.arg(0, "columns").flatMap(PyExpr::strings)),
                            first[0],
                            refs.stream().map(r -> columnSql.target(r)[1]).toList(),
                            a));
                }
                case "Index" -> indexes.add(constraintSql.index(a, 0, table, schema, 1));
                default -> throw new AlembicOps.NotUnderstood();
            }
        }
        columns.stream().filter(Column::primaryKey).forEach(col -> {
            if (!pk.contains(col.name())) {
                pk.add(col.name());
            }
        });
        String auto = AlembicColumnSql.autoIncrementColumn(columns, pk);
        List<String> parts = new ArrayList<>();
        for (Column col : columns) {
            boolean notNull = col.nullable() != null ? !col.nullable() : pk.contains(col.name());
            parts.add(columnSql.columnSpec(col, notNull, col.name().equals(auto)));
        }
        if (!pk.isEmpty()) {
            parts.add((pkName == null ? "" : "CONSTRAINT " + ddl.quote(pkName) + " ") + "PRIMARY KEY ("
                    + ddl.columns(pk) + ")");
        }
        parts.addAll(constraints);
        for (Column col : columns) {
            if (col.unique() && !col.index()) {
                parts.add("UNIQUE (" + ddl.quote(col.name()) + ")");
            }
            for (PyExpr.Call fk : col.foreignKeys()) {
                parts.add(columnSql.columnForeignKey(col, fk));
            }
            if (col.index()) {
                indexes.add(
                        0,
                        "CREATE " + (col.unique() ? "UNIQUE " : "") + "INDEX "
                                + ddl.quote("ix_" + table + "_" + col.name()) + " ON " + ddl.table(schema, table) + " ("
                                + ddl.quote(col.name()) + ")");
            }
        }
        List<String> sql = new ArrayList<>();
        sql.add("CREATE TABLE " + ddl.table(schema, table) + " (\n\t" + String.join(", \n\t", parts) + "\n)");
        sql.addAll(indexes);
        return sql;
    }
}
