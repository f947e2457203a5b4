package io.migrescue.migration.django;

import io.migrescue.migration.python.PyExpr;
import io.migrescue.model.Engine;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.SqlStatement;
import io.migrescue.sql.StatementSplitter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Django's schema editor (3.2–5, PostgreSQL and MySQL/MariaDB backends) for one migration's operations: the SQL it
 * runs, each operation's statements in order and the deferred ones (foreign keys and indexes of new models and fields)
 * at the end, as Django runs them when the migration's schema editor closes. The model state it needs (tables, columns,
 * primary keys of the models pointed at) comes from replaying the migrations before.
 */
final class DjangoOps {
    private final Engine engine;
    private final boolean postgres;
    private final Dialect dialect;
    private final DjangoState state;
    private final DjangoColumnSql columns;
    private final DjangoConstraintSql constraints;
    private DjangoStatements out = new DjangoStatements(false);

    /** Thrown where an operation or argument is not one this reader can render. */
    static final class NotUnderstood extends RuntimeException {
        NotUnderstood() {
            super(null, null, false, false);
        }
    }

    DjangoOps(Engine engine, Map<String, DjangoModel> models) {
        this.engine = engine;
        this.postgres = engine == Engine.POSTGRESQL;
        this.dialect = Dialect.of(engine);
        this.state = new DjangoState(models);
        this.columns = new DjangoColumnSql(engine, state);
        this.constraints = new DjangoConstraintSql(engine);
    }

    /** Applies {@code operations} of migration {@code app} to the state; with {@code record}, returns their SQL. */
    List<SqlStatement> apply(String app, List<PyExpr> operations, boolean record) {
        out = new DjangoStatements(record);
        DjangoFieldOps fields = new DjangoFieldOps(state, out, columns);
        for (PyExpr op : operations) {
            out.line(op.line());
            int[] mark = out.mark();
            try {
                if (!(op instanceof PyExpr.Call c)) {
                    throw new NotUnderstood();
                }
                operation(app, c, fields);
            } catch (NotUnderstood | IndexOutOfBoundsException e) {
                out.rollback(mark);
                add("-- not understood: " + op.text().replaceAll("\\s*\\n\\s*", " "));
            }
        }
        return out.finish();
    }

    private void add(String sql) {
        out.add(sql);
    }

    private void defer(String sql) {
        out.defer(sql);
    }

    private String q(String name) {
        return dialect.quote(name);
    }

    private void operation(String app, PyExpr.Call c, DjangoFieldOps fields) {
        switch (c.last()) {
            case "CreateModel" -> createModel(app, c);
            case "DeleteModel" -> {
                DjangoModel m = state.model(app, str(c, 0, "name"));
                add("DROP TABLE " + q(m.table) + " CASCADE");
                state.remove(DjangoState.key(m.app, m.name));
            }
            case "RenameModel" -> renameModel(app, c);
            case "AlterModelTable" -> {
                DjangoModel m = state.model(app, str(c, 0, "name"));
                String table = c.arg(1, "table")
                        .filter(t -> !PyExpr.isNone(t))
                        .map(t -> need(PyExpr.string(t)))
                        .orElse(app + "_" + m.name.toLowerCase(Locale.ROOT));
                renameTable(m.table, table);
                m.table = table;
            }
            case "AddField" -> fields.addField(app, c);
            case "RemoveField" -> fields.removeField(app, c);
            case "RenameField" -> fields.renameField(app, c);
            case "AlterField" -> fields.alterField(app, c);
            case "AddIndex" -> addIndex(state.model(app, str(c, 0, "model_name")), need(c.arg(1, "index")));
            case "RemoveIndex" -> {
                DjangoModel m = state.model(app, str(c, 0, "model_name"));
                String name = str(c, 1, "name");
                add(postgres ? "DROP INDEX IF EXISTS " + q(name) : "DROP INDEX " + q(name) + " ON " + q(m.table));
            }
            case "AddConstraint" -> {
                DjangoModel m = state.model(app, str(c, 0, "model_name"));
                add("ALTER TABLE " + q(m.table) + " ADD " + constraints.constraint(m, need(c.arg(1, "constraint"))));
            }
            case "RemoveConstraint" -> removeConstraint(state.model(app, str(c, 0, "model_name")), str(c, 1, "name"));
            case "AlterUniqueTogether" ->
                alterUniqueTogether(state.model(app, str(c, 0, "name")), need(c.arg(1, "unique_together")));
            case "RunSQL" -> runSql(need(c.arg(0, "sql")));
            case "AlterModelOptions", "AlterModelManagers" -> {
                // state only: no SQL
            }
            default -> throw new NotUnderstood();
        }
    }

    // --- models
    private void createModel(String app, PyExpr.Call c) {
        String name = str(c, 0, "name");
        Map<String, PyExpr> options = new LinkedHashMap<>();
        c.kw("options").ifPresent(o -> {
            if (!(o instanceof PyExpr.Dict d)) {
                throw new NotUnderstood();
            }
            for (int k = 0; k < d.keys().size(); k++) {
                options.put(need(PyExpr.string(d.keys().get(k))), d.values().get(k));
            }
        });
        if (c.kw("bases").isPresent() && !c.kw("bases").get().text().contains("models.Model")) {
            throw new NotUnderstood(); // multi-table inheritance adds a parent link
        }
        String table = options.containsKey("db_table")
                ? need(PyExpr.string(options.get("db_table")))
                : app + "_" + name.toLowerCase(Locale.ROOT);
        DjangoModel m = new DjangoModel(app, name, table, false);
        for (PyExpr pair : need(PyExpr.items(need(c.arg(1, "fields"))))) {
            List<PyExpr> p = need(PyExpr.items(pair));
            String fieldName = need(PyExpr.string(p.get(0)));
            m.fields.put(fieldName, DjangoField.of(fieldName, p.get(1), app));
        }
        if (m.fields.values().stream().noneMatch(DjangoField::primaryKey)) {
            // DEFAULT_AUTO_FIELD as modern projects set it
            DjangoField id = DjangoField.of(
                    "id",
                    new PyExpr.Call(
                            "models.BigAutoField",
                            List.of(),
                            Map.of("primary_key", new PyExpr.Name("True", 0, "True")),
                            0,
                            ""),
                    app);
            Map<String, DjangoField> withId = new LinkedHashMap<>();
            withId.put("id", id);
            withId.putAll(m.fields);
            m.fields.clear();
            m.fields.putAll(withId);
        }
        state.put(app, name, m);
        for (String o : options.keySet()) {
            if (!DjangoModel.OPTIONS.contains(o)) {
                throw new NotUnderstood();
            }
        }
        if (options.containsKey("managed")
                && PyExpr.bool(options.get("managed")).orElse(true).equals(false)) {
            return; // Django creates no table for an unmanaged model
        }
        if (options.containsKey("unique_together")) {
            m.uniqueTogether = DjangoConstraintSql.together(options.get("unique_together"));
        }
        for (List<String> fields : m.uniqueTogether) {
            List<String> cols = fields.stream().map(m::column).toList();
            defer("ALTER TABLE " + q(m.table) + " ADD CONSTRAINT "
                    + q(DjangoNames.index(engine, m.table, cols, "_uniq")) + " UNIQUE (" + constraints.cols(cols)
                    + ")");
        }
        List<String> parts = new ArrayList<>();
        for (DjangoField f : m.fields.values()) {
            parts.add(columns.columnSql(m, f, false));
            if (f.relation() && f.dbConstraint()) {
                defer(columns.foreignKeySql(m, f));
            }
        }
        if (options.containsKey("constraints")) {
            for (PyExpr con : need(PyExpr.items(options.get("constraints")))) {
                parts.add(constraints.constraint(m, con));
            }
        }
        add("CREATE TABLE " + q(m.table) + " (" + String.join(", ", parts) + ")");
        for (DjangoField f : m.fields.values()) {
            columns.fieldIndexes(m, f).forEach(out::defer);
        }
        if (options.containsKey("indexes")) {
            for (PyExpr index : need(PyExpr.items(options.get("indexes")))) {
                defer(constraints.indexSql(m, index));
            }
        }
    }

    private void renameModel(String app, PyExpr.Call c) {
        DjangoModel m = state.model(app, str(c, 0, "old_name"));
        String newName = str(c, 1, "new_name");
        String oldKey = DjangoState.key(app, m.name);
        String defaultTable = app + "_" + m.name.toLowerCase(Locale.ROOT);
        if (m.table.equals(defaultTable)) {
            String table = app + "_" + newName.toLowerCase(Locale.ROOT);
            renameTable(m.table, table);
            m.table = table;
        }
        m.name = newName;
        state.remove(oldKey);
        state.put(app, newName, m);
        // fields pointing at it now point at the new name
        for (DjangoModel other : state.models()) {
            other.fields.replaceAll(
                    (n, f) -> oldKey.equals(f.relatedModel()) ? f.relatedTo(DjangoState.key(app, newName)) : f);
        }
    }

    private void renameTable(String from, String to) {
        if (!from.equals(to)) {
            add(
                    postgres
                            ? "ALTER TABLE " + q(from) + " RENAME TO " + q(to)
                            : "RENAME TABLE " + q(from) + " TO " + q(to));
        }
    }

    // --- columns

    // --- indexes and constraints

    private void addIndex(DjangoModel m, PyExpr index) {
        add(constraints.indexSql(m, index));
    }

    private void removeConstraint(DjangoModel m, String name) {
        if (postgres) {
            add("ALTER TABLE " + q(m.table) + " DROP CONSTRAINT " + q(name));
            return;
        }
        // MySQL drops a unique constraint as an index and a check by its own syntax: the kind is not in the state
        throw new NotUnderstood();
    }

    private void alterUniqueTogether(DjangoModel m, PyExpr value) {
        List<List<String>> wanted = DjangoConstraintSql.together(value);
        for (List<String> old : m.uniqueTogether) {
            if (!wanted.contains(old)) {
                String name = DjangoNames.index(
                        engine, m.table, old.stream().map(m::column).toList(), "_uniq");
                add("ALTER TABLE " + q(m.table) + (postgres ? " DROP CONSTRAINT " : " DROP INDEX ") + q(name));
            }
        }
        for (List<String> fields : wanted) {
            if (!m.uniqueTogether.contains(fields)) {
                List<String> cols = fields.stream().map(m::column).toList();
                add("ALTER TABLE " + q(m.table) + " ADD CONSTRAINT "
                        + q(DjangoNames.index(engine, m.table, cols, "_uniq")) + " UNIQUE (" + constraints.cols(cols)
                        + ")");
            }
        }
        m.uniqueTogether = wanted;
    }

    private void runSql(PyExpr sql) {
        List<String> scripts = sql instanceof PyExpr.Seq s
                ? s.items().stream().map(i -> need(PyExpr.string(i))).toList()
                : List.of(need(PyExpr.string(sql)));
        for (String script : scripts) {
            int base = out.line();
            for (SqlStatement st : StatementSplitter.split(script, engine)) {
                out.line(base + st.line() - 1);
                add(st.sql());
            }
            out.line(base);
        }
    }

    static String str(PyExpr.Call c, int i, String kw) {
        return need(c.arg(i, kw).flatMap(PyExpr::string));
    }

    static <T> T need(java.util.Optional<T> value) {
        return value.orElseThrow(NotUnderstood::new);
    }
}
