package io.migrescue.migration.alembic;

import static io.migrescue.migration.alembic.AlembicArgs.need;
import static io.migrescue.migration.alembic.AlembicArgs.schema;
import static io.migrescue.migration.alembic.AlembicArgs.sqlText;
import static io.migrescue.migration.alembic.AlembicArgs.str;
import static io.migrescue.migration.alembic.AlembicArgs.strings;

import io.migrescue.migration.python.PyExpr;
import io.migrescue.migration.python.PyModule;
import io.migrescue.migration.python.PyToken;
import io.migrescue.sql.SqlStatement;
import io.migrescue.sql.StatementSplitter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The body of an Alembic {@code upgrade()} as the SQL Alembic 1.8 runs on the engine, one {@link SqlStatement} per
 * statement with the line of the {@code op.*} call it comes from. A line it cannot read becomes
 * {@code -- not understood: <line>}.
 */
final class AlembicOps {
    private final PyModule module;
    private final SqlAlchemyDdl ddl;
    private final AlembicColumnSql columns;
    private final AlembicConstraintSql constraints;
    private final AlembicCreateTable tables;
    private final List<SqlStatement> out = new ArrayList<>();

    /** A {@code with op.batch_alter_table("t") as batch_op:} block: its ops act on {@code table}; no alias: a block not read. */
    private record Batch(int indent, String alias, String table, String schema) {}

    AlembicOps(PyModule module, SqlAlchemyDdl ddl) {
        this.module = module;
        this.ddl = ddl;
        this.columns = new AlembicColumnSql(ddl);
        this.constraints = new AlembicConstraintSql(ddl, columns);
        this.tables = new AlembicCreateTable(ddl, columns, constraints);
    }

    List<SqlStatement> render(List<PyModule.PyLine> body) {
        Deque<Batch> batches = new ArrayDeque<>();
        for (PyModule.PyLine l : body) {
            while (!batches.isEmpty() && batches.peek().indent() >= l.indent()) {
                batches.pop();
            }
            if (!batches.isEmpty() && batches.peek().alias() == null) {
                notUnderstood(
                        l.line(), module.text(l)); // inside an if/for/try: whether it runs is only known at run time
                continue;
            }
            PyToken first = module.token(l.from());
            if (first.is(PyToken.Kind.NAME, "pass")
                    || first.is(PyToken.Kind.NAME, "import")
                    || first.is(PyToken.Kind.NAME, "from")
                    || first.kind() == PyToken.Kind.STRING
                            && module.expression(l.from()).next() == l.to()) {
                continue;
            }
            if (first.is(PyToken.Kind.NAME, "with")) {
                if (module.text(l).replaceAll("\\s+", "").equals("withop.get_context().autocommit_block():")) {
                    batches.push(
                            new Batch(l.indent(), "", null, null)); // its ops run as they are, outside the transaction
                    continue;
                }
                batch(l).ifPresentOrElse(batches::push, () -> {
                    batches.push(new Batch(l.indent(), null, null, null));
                    notUnderstood(l.line(), module.text(l));
                });
                continue;
            }
            if (module.headerColon(l) >= 0 && module.token(l.to() - 1).op(":")) {
                batches.push(new Batch(l.indent(), null, null, null));
                notUnderstood(l.line(), module.text(l));
                continue;
            }
            var parsed = module.expression(l.from());
            if (parsed.next() != l.to() || !(parsed.expr() instanceof PyExpr.Call call)) {
                notUnderstood(l.line(), module.text(l));
                continue;
            }
            String target = call.callee().contains(".")
                    ? call.callee().substring(0, call.callee().lastIndexOf('.'))
                    : "";
            Batch batch = batches.stream()
                    .filter(b -> target.equals(b.alias()))
                    .findFirst()
                    .orElse(null);
            if (!target.equals("op") && batch == null) {
                notUnderstood(l.line(), module.text(l));
                continue;
            }
            try {
                List<String> sql = batch == null ? op(call) : batchOp(call, batch);
                if (sql == null) {
                    notUnderstood(l.line(), call.text());
                } else if (call.last().equals("execute")) {
                    sql.forEach(text -> StatementSplitter.split(text, ddl.engine())
                            .forEach(s -> add(l.line() + s.line() - 1, s.sql())));
                } else {
                    sql.forEach(s -> add(l.line(), s));
                }
            } catch (NotUnderstood e) {
                notUnderstood(l.line(), call.text());
            }
        }
        return out;
    }

    private Optional<Batch> batch(PyModule.PyLine l) {
        var parsed = module.expression(l.from() + 1);
        int k = parsed.next();
        if (parsed.expr() instanceof PyExpr.Call c
                && c.last().equals("batch_alter_table")
                && module.token(k).is(PyToken.Kind.NAME, "as")
                && module.token(k + 1).kind() == PyToken.Kind.NAME) {
            Optional<String> table = c.arg(0, "table_name").flatMap(PyExpr::string);
            if (table.isPresent()) {
                return Optional.of(new Batch(l.indent(), module.token(k + 1).text(), table.get(), schema(c)));
            }
        }
        return Optional.empty();
    }

    private void add(int line, String sql) {
        out.add(new SqlStatement(out.size() + 1, sql, line));
    }

    private void notUnderstood(int line, String code) {
        add(line, "-- not understood: " + code.replaceAll("\\s*\\n\\s*", " "));
    }

    /** Thrown where an argument is not a literal this reader can render. */
    static final class NotUnderstood extends RuntimeException {
        NotUnderstood() {
            super(null, null, false, false);
        }
    }

    private List<String> op(PyExpr.Call c) {
        return switch (c.last()) {
            case "create_table" -> tables.createTable(c);
            case "drop_table" ->
                List.of("DROP TABLE "
                        + ddl.table(schema(c), need(c.arg(0, "table_name").flatMap(PyExpr::string))));
            case "rename_table" ->
                List.of("ALTER TABLE " + ddl.table(schema(c), str(c, 0, "old_table_name")) + " RENAME TO "
                        + ddl.quote(str(c, 1, "new_table_name")));
            case "add_column" -> columns.addColumn(str(c, 0, "table_name"), schema(c), need(c.arg(1, "column")));
            case "drop_column" -> columns.dropColumn(str(c, 0, "table_name"), schema(c), str(c, 1, "column_name"));
            case "alter_column" -> columns.alterColumn(str(c, 0, "table_name"), schema(c), str(c, 1, "column_name"), c);
            case "create_index" -> constraints.createIndex(c, 0, str(c, 1, "table_name"), schema(c));
            case "drop_index" ->
                constraints.dropIndex(
                        c, c.kw("table_name").map(t -> need(PyExpr.string(t))).orElse(null), schema(c));
            case "create_foreign_key" -> constraints.createForeignKey(c, 0, str(c, 1, "source_table"), schema(c));
            case "create_unique_constraint" ->
                List.of("ALTER TABLE " + ddl.table(schema(c), str(c, 1, "table_name")) + " ADD "
                        + constraints.named(c.arg(0, "constraint_name")) + "UNIQUE ("
                        + ddl.columns(strings(c, 2, "columns"))
                        + ")");
            case "create_check_constraint" ->
                List.of("ALTER TABLE " + ddl.table(schema(c), str(c, 1, "table_name")) + " ADD "
                        + constraints.named(c.arg(0, "constraint_name")) + "CHECK ("
                        + sqlText(need(c.arg(2, "condition"))) + ")");
            case "create_primary_key" ->
                List.of("ALTER TABLE " + ddl.table(schema(c), str(c, 1, "table_name")) + " ADD "
                        + constraints.named(c.arg(0, "constraint_name")) + "PRIMARY KEY ("
                        + ddl.columns(strings(c, 2, "columns"))
                        + ")");
            case "drop_constraint" -> constraints.dropConstraint(c, 0, str(c, 1, "table_name"), schema(c));
            case "execute" -> List.of(sqlText(need(c.arg(0, "sqltext"))));
            default -> null;
        };
    }

    /** A batch op: the same as the op, with the table of the {@code with} block (Alembic runs them as plain ALTERs here). */
    private List<String> batchOp(PyExpr.Call c, Batch b) {
        return switch (c.last()) {
            case "add_column" -> columns.addColumn(b.table(), b.schema(), need(c.arg(0, "column")));
            case "drop_column" -> columns.dropColumn(b.table(), b.schema(), str(c, 0, "column_name"));
            case "alter_column" -> columns.alterColumn(b.table(), b.schema(), str(c, 0, "column_name"), c);
            case "create_index" -> constraints.createIndex(c, 0, b.table(), b.schema());
            case "drop_index" -> constraints.dropIndex(c, b.table(), b.schema());
            case "create_foreign_key" -> constraints.createForeignKey(shiftedForeignKey(c), 0, b.table(), b.schema());
            case "create_unique_constraint" ->
                List.of("ALTER TABLE " + ddl.table(b.schema(), b.table()) + " ADD "
                        + constraints.named(c.arg(0, "constraint_name")) + "UNIQUE ("
                        + ddl.columns(strings(c, 1, "columns")) + ")");
            case "create_check_constraint" ->
                List.of("ALTER TABLE " + ddl.table(b.schema(), b.table()) + " ADD "
                        + constraints.named(c.arg(0, "constraint_name")) + "CHECK ("
                        + sqlText(need(c.arg(1, "condition"))) + ")");
            case "drop_constraint" -> constraints.dropConstraint(c, 0, b.table(), b.schema());
            case "execute" -> List.of(sqlText(need(c.arg(0, "sqltext"))));
            default -> null;
        };
    }

    /** {@code batch_op.create_foreign_key(name, referent_table, local_cols, remote_cols)} as op's argument order. */
    private static PyExpr.Call shiftedForeignKey(PyExpr.Call c) {
        List<PyExpr> args = new ArrayList<>(c.args());
        if (args.size() >= 1) {
            args.add(1, new PyExpr.Str("", c.line(), "''"));
        }
        return new PyExpr.Call(c.callee(), args, c.kwargs(), c.line(), c.text());
    }
}
