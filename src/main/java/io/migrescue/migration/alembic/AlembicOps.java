package io.migrescue.migration.alembic;

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
    private final List<SqlStatement> out = new ArrayList<>();

    /** A {@code with op.batch_alter_table("t") as batch_op:} block: its ops act on {@code table}; no alias: a block not read. */
    private record Batch(int indent, String alias, String table, String schema) {}

    AlembicOps(PyModule module, SqlAlchemyDdl ddl) {
        this.module = module;
        this.ddl = ddl;
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

    private static <T> T need(Optional<T> value) {
        return value.orElseThrow(NotUnderstood::new);
    }

    private static String schema(PyExpr.Call c) {
        return c.kw("schema")
                .filter(e -> !PyExpr.isNone(e))
                .map(e -> need(PyExpr.string(e)))
                .orElse(null);
    }

    private List<String> op(PyExpr.Call c) {
        return switch (c.last()) {
            case "create_table" -> createTable(c);
            case "drop_table" ->
                List.of("DROP TABLE "
                        + ddl.table(schema(c), need(c.arg(0, "table_name").flatMap(PyExpr::string))));
            case "rename_table" ->
                List.of("ALTER TABLE " + ddl.table(schema(c), str(c, 0, "old_table_name")) + " RENAME TO "
                        + ddl.quote(str(c, 1, "new_table_name")));
            case "add_column" -> addColumn(str(c, 0, "table_name"), schema(c), need(c.arg(1, "column")));
            case "drop_column" -> dropColumn(str(c, 0, "table_name"), schema(c), str(c, 1, "column_name"));
            case "alter_column" -> alterColumn(str(c, 0, "table_name"), schema(c), str(c, 1, "column_name"), c);
            case "create_index" -> createIndex(c, 0, str(c, 1, "table_name"), schema(c));
            case "drop_index" ->
                dropIndex(c, c.kw("table_name").map(t -> need(PyExpr.string(t))).orElse(null), schema(c));
            case "create_foreign_key" -> createForeignKey(c, 0, str(c, 1, "source_table"), schema(c));
            case "create_unique_constraint" ->
                List.of("ALTER TABLE " + ddl.table(schema(c), str(c, 1, "table_name")) + " ADD "
                        + named(c.arg(0, "constraint_name")) + "UNIQUE (" + ddl.columns(strings(c, 2, "columns"))
                        + ")");
            case "create_check_constraint" ->
                List.of("ALTER TABLE " + ddl.table(schema(c), str(c, 1, "table_name")) + " ADD "
                        + named(c.arg(0, "constraint_name")) + "CHECK (" + sqlText(need(c.arg(2, "condition"))) + ")");
            case "create_primary_key" ->
                List.of("ALTER TABLE " + ddl.table(schema(c), str(c, 1, "table_name")) + " ADD "
                        + named(c.arg(0, "constraint_name")) + "PRIMARY KEY (" + ddl.columns(strings(c, 2, "columns"))
                        + ")");
            case "drop_constraint" -> dropConstraint(c, 0, str(c, 1, "table_name"), schema(c));
            case "execute" -> List.of(sqlText(need(c.arg(0, "sqltext"))));
            default -> null;
        };
    }

    /** A batch op: the same as the op, with the table of the {@code with} block (Alembic runs them as plain ALTERs here). */
    private List<String> batchOp(PyExpr.Call c, Batch b) {
        return switch (c.last()) {
            case "add_column" -> addColumn(b.table(), b.schema(), need(c.arg(0, "column")));
            case "drop_column" -> dropColumn(b.table(), b.schema(), str(c, 0, "column_name"));
            case "alter_column" -> alterColumn(b.table(), b.schema(), str(c, 0, "column_name"), c);
            case "create_index" -> createIndex(c, 0, b.table(), b.schema());
            case "drop_index" -> dropIndex(c, b.table(), b.schema());
            case "create_foreign_key" -> createForeignKey(shiftedForeignKey(c), 0, b.table(), b.schema());
            case "create_unique_constraint" ->
                List.of("ALTER TABLE " + ddl.table(b.schema(), b.table()) + " ADD " + named(c.arg(0, "constraint_name"))
                        + "UNIQUE (" + ddl.columns(strings(c, 1, "columns")) + ")");
            case "create_check_constraint" ->
                List.of("ALTER TABLE " + ddl.table(b.schema(), b.table()) + " ADD " + named(c.arg(0, "constraint_name"))
                        + "CHECK (" + sqlText(need(c.arg(1, "condition"))) + ")");
            case "drop_constraint" -> dropConstraint(c, 0, b.table(), b.schema());
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

    private static String str(PyExpr.Call c, int i, String kw) {
        return need(c.arg(i, kw).flatMap(PyExpr::string));
    }

    private static List<String> strings(PyExpr.Call c, int i, String kw) {
        return need(c.arg(i, kw).flatMap(PyExpr::strings));
    }

    private String named(Optional<PyExpr> name) {
        if (name.isEmpty() || PyExpr.isNone(name.get())) {
            return "";
        }
        return "CONSTRAINT " + ddl.quote(constraintName(name.get())) + " ";
    }

    /** A name as written, or wrapped in {@code op.f(…)} (already final). */
    private static String constraintName(PyExpr e) {
        if (e instanceof PyExpr.Call f && f.last().equals("f") && f.args().size() == 1) {
            return need(PyExpr.string(f.args().get(0)));
        }
        return need(PyExpr.string(e));
    }

    /** SQL given as a string or {@code sa.text("…")}. */
    private static String sqlText(PyExpr e) {
        if (e instanceof PyExpr.Call t && t.last().equals("text") && t.args().size() == 1) {
            return need(PyExpr.string(t.args().get(0)));
        }
        return need(PyExpr.string(e));
    }

    // --- tables and columns

    /** One {@code sa.Column(…)}. */
    private record Column(
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

    private Column column(PyExpr e) {
        if (!(e instanceof PyExpr.Call c) || !c.last().equals("Column")) {
            throw new NotUnderstood();
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
                throw new NotUnderstood();
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
                throw new NotUnderstood();
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
    private String columnSpec(Column col, boolean notNull, boolean autoIncrement) {
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

    private String foreignKey(
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
    private String[] target(String spec) {
        String[] parts = spec.split("\\.");
        if (parts.length < 2 || parts.length > 3) {
            throw new NotUnderstood();
        }
        String table = parts.length == 3 ? ddl.table(parts[0], parts[1]) : ddl.quote(parts[0]);
        return new String[] {table, parts[parts.length - 1]};
    }

    private List<String> createTable(PyExpr.Call c) {
        String table = str(c, 0, "table_name");
        String schema = schema(c);
        List<Column> columns = new ArrayList<>();
        List<String> constraints = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        List<String> pk = new ArrayList<>();
        String pkName = null;
        for (PyExpr arg : c.args().subList(1, c.args().size())) {
            if (!(arg instanceof PyExpr.Call a)) {
                throw new NotUnderstood();
            }
            switch (a.last()) {
                case "Column" -> columns.add(column(a));
                case "PrimaryKeyConstraint" -> {
                    a.args().forEach(x -> pk.add(need(PyExpr.string(x))));
                    pkName = a.kw("name")
                            .filter(n -> !PyExpr.isNone(n))
                            .map(AlembicOps::constraintName)
                            .orElse(null);
                }
                case "UniqueConstraint" ->
                    constraints.add(named(a.kw("name")) + "UNIQUE ("
                            + ddl.columns(a.args().stream()
                                    .map(x -> need(PyExpr.string(x)))
                                    .toList()) + ")");
                case "CheckConstraint" ->
                    constraints.add(named(a.kw("name")) + "CHECK (" + sqlText(need(a.arg(0, "sqltext"))) + ")");
                case "ForeignKeyConstraint" -> {
                    List<String> refs = need(a.arg(1, "refcolumns").flatMap(PyExpr::strings));
                    String[] first = target(refs.get(0));
                    constraints.add(foreignKey(
                            a.kw("name")
                                    .filter(n -> !PyExpr.isNone(n))
                                    .map(AlembicOps::constraintName)
                                    .orElse(null),
                            need(a.arg(0, "columns").flatMap(PyExpr::strings)),
                            first[0],
                            refs.stream().map(r -> target(r)[1]).toList(),
                            a));
                }
                case "Index" -> indexes.add(index(a, 0, table, schema, 1));
                default -> throw new NotUnderstood();
            }
        }
        columns.stream().filter(Column::primaryKey).forEach(col -> {
            if (!pk.contains(col.name())) {
                pk.add(col.name());
            }
        });
        String auto = autoIncrementColumn(columns, pk);
        List<String> parts = new ArrayList<>();
        for (Column col : columns) {
            boolean notNull = col.nullable() != null ? !col.nullable() : pk.contains(col.name());
            parts.add(columnSpec(col, notNull, col.name().equals(auto)));
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
                String[] t = target(need(fk.arg(0, "column").flatMap(PyExpr::string)));
                parts.add(foreignKey(
                        fk.kw("name")
                                .filter(n -> !PyExpr.isNone(n))
                                .map(AlembicOps::constraintName)
                                .orElse(null),
                        List.of(col.name()),
                        t[0],
                        List.of(t[1]),
                        fk));
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

    /** SQLAlchemy's autoincrement column: the only primary key column, of an integer type, with no foreign key. */
    private static String autoIncrementColumn(List<Column> columns, List<String> pk) {
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

    private List<String> addColumn(String table, String schema, PyExpr e) {
        Column col = column(e);
        boolean notNull = col.nullable() != null ? !col.nullable() : col.primaryKey();
        List<String> sql = new ArrayList<>();
        sql.add("ALTER TABLE " + ddl.table(schema, table) + " ADD COLUMN " + columnSpec(col, notNull, false));
        for (PyExpr.Call fk : col.foreignKeys()) {
            String[] t = target(need(fk.arg(0, "column").flatMap(PyExpr::string)));
            sql.add("ALTER TABLE " + ddl.table(schema, table) + " ADD "
                    + foreignKey(
                            fk.kw("name")
                                    .filter(n -> !PyExpr.isNone(n))
                                    .map(AlembicOps::constraintName)
                                    .orElse(null),
                            List.of(col.name()),
                            t[0],
                            List.of(t[1]),
                            fk));
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

    private List<String> dropColumn(String table, String schema, String column) {
        return List.of("ALTER TABLE " + ddl.table(schema, table) + " DROP COLUMN " + ddl.quote(column));
    }

    private List<String> alterColumn(String table, String schema, String column, PyExpr.Call c) {
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
                throw new NotUnderstood();
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
                            .orElseThrow(NotUnderstood::new);
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

    // --- indexes and constraints

    private List<String> createIndex(PyExpr.Call c, int nameArg, String table, String schema) {
        return List.of(index(c, nameArg, table, schema, c.callee().startsWith("op.") ? 2 : 1));
    }

    /** {@code CREATE [UNIQUE] INDEX name ON table (columns)}; the columns are argument {@code columnsArg}. */
    private String index(PyExpr.Call c, int nameArg, String table, String schema, int columnsArg) {
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
                throw new NotUnderstood(); // postgresql_where, postgresql_using, mysql_length… change the index
            }
        }
        boolean concurrently = ddl.postgres()
                && c.kw("postgresql_concurrently")
                        .map(x -> need(PyExpr.bool(x)))
                        .orElse(false);
        return "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + (concurrently ? "CONCURRENTLY " : "")
                + ddl.quote(name) + " ON " + ddl.table(schema, table) + " (" + ddl.columns(columns) + ")";
    }

    private List<String> dropIndex(PyExpr.Call c, String table, String schema) {
        String name = constraintName(need(c.arg(0, "index_name")));
        if (ddl.postgres()) {
            return List.of("DROP INDEX " + (schema == null ? ddl.quote(name) : ddl.table(schema, name)));
        }
        if (table == null) {
            throw new NotUnderstood(); // MySQL needs the table
        }
        return List.of("DROP INDEX " + ddl.quote(name) + " ON " + ddl.table(schema, table));
    }

    private List<String> createForeignKey(PyExpr.Call c, int nameArg, String table, String schema) {
        String name = c.arg(nameArg, "constraint_name")
                .filter(n -> !PyExpr.isNone(n))
                .map(AlembicOps::constraintName)
                .orElse(null);
        String referent = str(c, 2, "referent_table");
        String referentSchema = c.kw("referent_schema")
                .filter(n -> !PyExpr.isNone(n))
                .map(n -> need(PyExpr.string(n)))
                .orElse(null);
        List<String> local = strings(c, 3, "local_cols");
        List<String> remote = strings(c, 4, "remote_cols");
        return List.of("ALTER TABLE " + ddl.table(schema, table) + " ADD "
                + foreignKey(name, local, ddl.table(referentSchema, referent), remote, c));
    }

    private List<String> dropConstraint(PyExpr.Call c, int nameArg, String table, String schema) {
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
            throw new NotUnderstood(); // Alembic refuses too: MySQL needs the constraint's type
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
                    default -> throw new NotUnderstood();
                });
    }
}
