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
import java.util.Set;
import java.util.stream.Collectors;

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
    private final Map<String, DjangoModel> state;
    private final List<SqlStatement> out = new ArrayList<>();
    private final List<String[]> deferred = new ArrayList<>();
    private int line;
    private boolean record;

    /** Thrown where an operation or argument is not one this reader can render. */
    static final class NotUnderstood extends RuntimeException {
        NotUnderstood() {
            super(null, null, false, false);
        }
    }

    DjangoOps(Engine engine, Map<String, DjangoModel> state) {
        this.engine = engine;
        this.postgres = engine == Engine.POSTGRESQL;
        this.dialect = Dialect.of(engine);
        this.state = state;
    }

    /** Applies {@code operations} of migration {@code app} to the state; with {@code record}, returns their SQL. */
    List<SqlStatement> apply(String app, List<PyExpr> operations, boolean record) {
        this.record = record;
        for (PyExpr op : operations) {
            line = op.line();
            int before = out.size();
            int deferredBefore = deferred.size();
            try {
                if (!(op instanceof PyExpr.Call c)) {
                    throw new NotUnderstood();
                }
                operation(app, c);
            } catch (NotUnderstood | IndexOutOfBoundsException e) {
                out.subList(before, out.size()).clear();
                deferred.subList(deferredBefore, deferred.size()).clear();
                add("-- not understood: " + op.text().replaceAll("\\s*\\n\\s*", " "));
            }
        }
        for (String[] d : deferred) {
            out.add(new SqlStatement(out.size() + 1, d[0], Integer.parseInt(d[1])));
        }
        deferred.clear();
        return out;
    }

    private void add(String sql) {
        if (record) {
            out.add(new SqlStatement(out.size() + 1, sql, line));
        }
    }

    private void defer(String sql) {
        if (record) {
            deferred.add(new String[] {sql, Integer.toString(line)});
        }
    }

    private String q(String name) {
        return dialect.quote(name);
    }

    private void operation(String app, PyExpr.Call c) {
        switch (c.last()) {
            case "CreateModel" -> createModel(app, c);
            case "DeleteModel" -> {
                DjangoModel m = model(app, str(c, 0, "name"));
                add("DROP TABLE " + q(m.table) + " CASCADE");
                state.remove(key(m.app, m.name));
            }
            case "RenameModel" -> renameModel(app, c);
            case "AlterModelTable" -> {
                DjangoModel m = model(app, str(c, 0, "name"));
                String table = c.arg(1, "table")
                        .filter(t -> !PyExpr.isNone(t))
                        .map(t -> need(PyExpr.string(t)))
                        .orElse(app + "_" + m.name.toLowerCase(Locale.ROOT));
                renameTable(m.table, table);
                m.table = table;
            }
            case "AddField" -> addField(app, c);
            case "RemoveField" -> removeField(app, c);
            case "RenameField" -> renameField(app, c);
            case "AlterField" -> alterField(app, c);
            case "AddIndex" -> addIndex(model(app, str(c, 0, "model_name")), need(c.arg(1, "index")));
            case "RemoveIndex" -> {
                DjangoModel m = model(app, str(c, 0, "model_name"));
                String name = str(c, 1, "name");
                add(postgres ? "DROP INDEX IF EXISTS " + q(name) : "DROP INDEX " + q(name) + " ON " + q(m.table));
            }
            case "AddConstraint" -> {
                DjangoModel m = model(app, str(c, 0, "model_name"));
                add("ALTER TABLE " + q(m.table) + " ADD " + constraint(m, need(c.arg(1, "constraint"))));
            }
            case "RemoveConstraint" -> removeConstraint(model(app, str(c, 0, "model_name")), str(c, 1, "name"));
            case "AlterUniqueTogether" ->
                alterUniqueTogether(model(app, str(c, 0, "name")), need(c.arg(1, "unique_together")));
            case "RunSQL" -> runSql(need(c.arg(0, "sql")));
            case "AlterModelOptions", "AlterModelManagers" -> {
                // state only: no SQL
            }
            default -> throw new NotUnderstood();
        }
    }

    // --- models

    private static String key(String app, String model) {
        return (app + "." + model).toLowerCase(Locale.ROOT);
    }

    private DjangoModel model(String app, String name) {
        DjangoModel m = state.get(key(app, name));
        if (m == null) {
            throw new NotUnderstood();
        }
        return m;
    }

    private DjangoModel related(DjangoField f) {
        DjangoModel m = state.get(f.relatedModel());
        if (m != null) {
            return m;
        }
        if (f.relatedModel().equals("auth.user")
                || f.relatedModel().equals("auth.group")
                || f.relatedModel().equals("contenttypes.contenttype")) {
            // Django's own models: tables auth_user, auth_group, django_content_type, each with an AutoField id
            String name = f.relatedModel().substring(f.relatedModel().indexOf('.') + 1);
            String table = name.equals("contenttype") ? "django_content_type" : "auth_" + name;
            DjangoModel external = new DjangoModel(
                    f.relatedModel().substring(0, f.relatedModel().indexOf('.')), name, table, true);
            external.fields.put(
                    "id",
                    DjangoField.of(
                            "id",
                            new PyExpr.Call(
                                    "models.AutoField",
                                    List.of(),
                                    Map.of("primary_key", new PyExpr.Name("True", 0, "True")),
                                    0,
                                    ""),
                            external.app));
            return external;
        }
        throw new NotUnderstood();
    }

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
        state.put(key(app, name), m);
        for (String o : options.keySet()) {
            if (!Set.of(
                            "db_table",
                            "unique_together",
                            "indexes",
                            "constraints",
                            "verbose_name",
                            "verbose_name_plural",
                            "ordering",
                            "abstract",
                            "managed",
                            "permissions",
                            "default_permissions",
                            "get_latest_by",
                            "default_related_name",
                            "swappable",
                            "base_manager_name",
                            "default_manager_name")
                    .contains(o)) {
                throw new NotUnderstood();
            }
        }
        if (options.containsKey("managed")
                && PyExpr.bool(options.get("managed")).orElse(true).equals(false)) {
            return; // Django creates no table for an unmanaged model
        }
        if (options.containsKey("unique_together")) {
            m.uniqueTogether = together(options.get("unique_together"));
        }
        for (List<String> fields : m.uniqueTogether) {
            List<String> cols = fields.stream().map(m::column).toList();
            defer("ALTER TABLE " + q(m.table) + " ADD CONSTRAINT "
                    + q(DjangoNames.index(engine, m.table, cols, "_uniq")) + " UNIQUE (" + cols(cols) + ")");
        }
        List<String> parts = new ArrayList<>();
        for (DjangoField f : m.fields.values()) {
            parts.add(columnSql(m, f, false));
            if (f.relation() && f.dbConstraint()) {
                defer(foreignKeySql(m, f));
            }
        }
        if (options.containsKey("constraints")) {
            for (PyExpr con : need(PyExpr.items(options.get("constraints")))) {
                parts.add(constraint(m, con));
            }
        }
        add("CREATE TABLE " + q(m.table) + " (" + String.join(", ", parts) + ")");
        for (DjangoField f : m.fields.values()) {
            fieldIndexes(m, f).forEach(this::defer);
        }
        if (options.containsKey("indexes")) {
            for (PyExpr index : need(PyExpr.items(options.get("indexes")))) {
                defer(indexSql(m, index));
            }
        }
    }

    private void renameModel(String app, PyExpr.Call c) {
        DjangoModel m = model(app, str(c, 0, "old_name"));
        String newName = str(c, 1, "new_name");
        String oldKey = key(app, m.name);
        String defaultTable = app + "_" + m.name.toLowerCase(Locale.ROOT);
        if (m.table.equals(defaultTable)) {
            String table = app + "_" + newName.toLowerCase(Locale.ROOT);
            renameTable(m.table, table);
            m.table = table;
        }
        m.name = newName;
        state.remove(oldKey);
        state.put(key(app, newName), m);
        // fields pointing at it now point at the new name
        for (DjangoModel other : state.values()) {
            other.fields.replaceAll((n, f) -> oldKey.equals(f.relatedModel())
                    ? new DjangoField(
                            f.name(),
                            f.kind(),
                            f.call(),
                            f.column(),
                            f.primaryKey(),
                            f.nullable(),
                            f.unique(),
                            f.dbIndex(),
                            key(app, newName),
                            f.dbConstraint(),
                            f.defaultValue())
                    : f);
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

    private String type(DjangoField f) {
        if (f.relation()) {
            return DjangoTypes.related(related(f).pk(), postgres);
        }
        String t = DjangoTypes.of(f, postgres);
        if (t == null) {
            throw new NotUnderstood();
        }
        return t;
    }

    /** {@code "col" type [DEFAULT x] NULL|NOT NULL [PRIMARY KEY|UNIQUE] [CHECK …]} as Django's column_sql writes it. */
    private String columnSql(DjangoModel m, DjangoField f, boolean withDefault) {
        StringBuilder s = new StringBuilder(q(f.column())).append(' ').append(type(f));
        if (withDefault) {
            String d = effectiveDefault(f);
            if (d != null) {
                s.append(" DEFAULT ").append(d);
            }
        }
        s.append(f.nullable() ? " NULL" : " NOT NULL");
        if (f.primaryKey()) {
            s.append(" PRIMARY KEY");
        } else if (f.unique()) {
            s.append(" UNIQUE");
        }
        String check = DjangoTypes.check(f, q(f.column()));
        if (check != null) {
            s.append(' ').append(check);
        }
        return s.toString();
    }

    /**
     * The default Django puts on a column it adds (and drops right after): the field's literal default, or '' for a
     * blank-able NOT NULL text field. A callable or run-time default (auto_now, timezone.now) cannot be rendered.
     */
    private String effectiveDefault(DjangoField f) {
        if (f.defaultValue() != null) {
            PyExpr d = f.defaultValue();
            if (PyExpr.isNone(d)) {
                return null;
            }
            if (d instanceof PyExpr.Str s) {
                return "'" + s.value().replace("'", "''") + "'";
            }
            if (d instanceof PyExpr.Num n) {
                return n.value();
            }
            if (PyExpr.bool(d).isPresent()) {
                return postgres
                        ? PyExpr.bool(d).get().toString()
                        : PyExpr.bool(d).get() ? "1" : "0";
            }
            throw new NotUnderstood();
        }
        if (DjangoField.flag(f.call(), "auto_now", false) || DjangoField.flag(f.call(), "auto_now_add", false)) {
            throw new NotUnderstood();
        }
        boolean text = f.kind().endsWith("CharField")
                || f.kind().equals("TextField")
                || f.kind().equals("EmailField")
                || f.kind().equals("SlugField")
                || f.kind().equals("URLField")
                || f.kind().equals("FileField");
        if (!f.nullable() && DjangoField.flag(f.call(), "blank", false) && text) {
            return "''";
        }
        return null;
    }

    private String foreignKeySql(DjangoModel m, DjangoField f) {
        DjangoModel target = related(f);
        String toColumn = target.pk().column();
        return "ALTER TABLE " + q(m.table) + " ADD CONSTRAINT "
                + q(DjangoNames.foreignKey(engine, m.table, f.column(), target.table, toColumn))
                + " FOREIGN KEY (" + q(f.column()) + ") REFERENCES " + q(target.table) + " (" + q(toColumn) + ")"
                + (postgres ? " DEFERRABLE INITIALLY DEFERRED" : "");
    }

    /** The indexes Django adds for a field: db_index (not on a MySQL foreign key, which has its own), PostgreSQL's _like. */
    private List<String> fieldIndexes(DjangoModel m, DjangoField f) {
        List<String> sql = new ArrayList<>();
        boolean mysqlForeignKey = !postgres && f.relation() && f.dbConstraint();
        if (f.dbIndex() && !f.unique() && !mysqlForeignKey) {
            sql.add("CREATE INDEX " + q(DjangoNames.index(engine, m.table, List.of(f.column()), "")) + " ON "
                    + q(m.table) + " (" + q(f.column()) + ")");
        }
        if (postgres && (f.dbIndex() || f.unique()) && !f.relation()) {
            String t = type(f);
            if (DjangoTypes.textLike(t)) {
                sql.add("CREATE INDEX " + q(DjangoNames.index(engine, m.table, List.of(f.column()), "_like")) + " ON "
                        + q(m.table) + " (" + q(f.column())
                        + (t.startsWith("varchar") ? " varchar_pattern_ops" : " text_pattern_ops") + ")");
            }
        }
        return sql;
    }

    private void addField(String app, PyExpr.Call c) {
        DjangoModel m = model(app, str(c, 0, "model_name"));
        String name = str(c, 1, "name");
        DjangoField f = DjangoField.of(name, need(c.arg(2, "field")), app);
        boolean preserve = c.kw("preserve_default").flatMap(PyExpr::bool).orElse(true);
        m.fields.put(name, f);
        String definition = columnSql(m, f, true);
        String dflt = effectiveDefault(f);
        if (f.relation() && f.dbConstraint()) {
            DjangoModel target = related(f);
            String fk = DjangoNames.foreignKey(
                    engine, m.table, f.column(), target.table, target.pk().column());
            definition += postgres
                    ? " CONSTRAINT " + q(fk) + " REFERENCES " + q(target.table) + "("
                            + q(target.pk().column()) + ") DEFERRABLE INITIALLY DEFERRED"
                    : " , ADD CONSTRAINT " + q(fk) + " FOREIGN KEY (" + q(f.column()) + ") REFERENCES "
                            + q(target.table) + "(" + q(target.pk().column()) + ")";
        }
        add("ALTER TABLE " + q(m.table) + " ADD COLUMN " + definition);
        if (dflt != null) {
            add("ALTER TABLE " + q(m.table) + " ALTER COLUMN " + q(f.column()) + " DROP DEFAULT");
        }
        fieldIndexes(m, f).forEach(this::defer);
        if (!preserve) {
            m.fields.put(
                    name,
                    new DjangoField(
                            f.name(),
                            f.kind(),
                            f.call(),
                            f.column(),
                            f.primaryKey(),
                            f.nullable(),
                            f.unique(),
                            f.dbIndex(),
                            f.relatedModel(),
                            f.dbConstraint(),
                            null));
        }
    }

    private void removeField(String app, PyExpr.Call c) {
        DjangoModel m = model(app, str(c, 0, "model_name"));
        DjangoField f = m.field(str(c, 1, "name"));
        if (f.relation() && f.dbConstraint()) {
            DjangoModel target = related(f);
            String fk = DjangoNames.foreignKey(
                    engine, m.table, f.column(), target.table, target.pk().column());
            add("ALTER TABLE " + q(m.table) + (postgres ? " DROP CONSTRAINT " : " DROP FOREIGN KEY ") + q(fk));
        }
        add("ALTER TABLE " + q(m.table) + " DROP COLUMN " + q(f.column()) + (postgres ? " CASCADE" : ""));
        m.fields.remove(f.name());
    }

    private void renameField(String app, PyExpr.Call c) {
        DjangoModel m = model(app, str(c, 0, "model_name"));
        DjangoField f = m.field(str(c, 1, "old_name"));
        String newName = str(c, 2, "new_name");
        DjangoField renamed = f.renamed(newName);
        if (!renamed.column().equals(f.column())) {
            add("ALTER TABLE " + q(m.table) + " RENAME COLUMN " + q(f.column()) + " TO " + q(renamed.column()));
        }
        Map<String, DjangoField> fields = new LinkedHashMap<>();
        m.fields.forEach((n, x) -> fields.put(n.equals(f.name()) ? newName : n, n.equals(f.name()) ? renamed : x));
        m.fields.clear();
        m.fields.putAll(fields);
        m.uniqueTogether = m.uniqueTogether.stream()
                .map(t -> t.stream().map(n -> n.equals(f.name()) ? newName : n).toList())
                .toList();
    }

    /**
     * The changes this reader renders: the column's type, NULL / NOT NULL (with Django's four steps when a default
     * fills the NULLs), an index or unique constraint added. Relations and primary keys changing are not read.
     */
    private void alterField(String app, PyExpr.Call c) {
        DjangoModel m = model(app, str(c, 0, "model_name"));
        String name = str(c, 1, "name");
        DjangoField old = m.field(name);
        DjangoField f = DjangoField.of(name, need(c.arg(2, "field")), app);
        if (old.relation()
                || f.relation()
                || old.primaryKey()
                || f.primaryKey()
                || !old.column().equals(f.column())) {
            throw new NotUnderstood();
        }
        String t = q(m.table);
        String col = q(f.column());
        String oldType = type(old);
        String newType = type(f);
        boolean typeChanged = !oldType.equals(newType);
        if (old.unique() && !f.unique() || old.dbIndex() && !f.dbIndex()) {
            throw new NotUnderstood(); // Django finds the old index by introspection
        }
        String dflt = old.nullable() && !f.nullable() ? effectiveDefault(f) : null;
        if (dflt != null) {
            add("ALTER TABLE " + t + " ALTER COLUMN " + col + " SET DEFAULT " + dflt);
            add("UPDATE " + t + " SET " + col + " = " + dflt + " WHERE " + col + " IS NULL");
        }
        if (postgres) {
            if (typeChanged) {
                add("ALTER TABLE " + t + " ALTER COLUMN " + col + " TYPE " + newType);
            }
            if (old.nullable() != f.nullable()) {
                add("ALTER TABLE " + t + " ALTER COLUMN " + col + (f.nullable() ? " DROP NOT NULL" : " SET NOT NULL"));
            }
        } else if (typeChanged || old.nullable() != f.nullable()) {
            add("ALTER TABLE " + t + " MODIFY " + col + " " + newType + (f.nullable() ? " NULL" : " NOT NULL"));
        }
        if (dflt != null) {
            add("ALTER TABLE " + t + " ALTER COLUMN " + col + " DROP DEFAULT");
        }
        m.fields.put(name, f);
        if (f.unique() && !old.unique()) {
            add("ALTER TABLE " + t + " ADD CONSTRAINT "
                    + q(DjangoNames.index(engine, m.table, List.of(f.column()), "_uniq")) + " UNIQUE (" + col + ")");
        }
        if (f.dbIndex() && !old.dbIndex() && !f.unique()) {
            add("CREATE INDEX " + q(DjangoNames.index(engine, m.table, List.of(f.column()), "")) + " ON " + t + " ("
                    + col + ")");
        }
        if (postgres
                && DjangoTypes.textLike(newType)
                && (f.dbIndex() || f.unique())
                && !(old.dbIndex() || old.unique())) {
            add("CREATE INDEX " + q(DjangoNames.index(engine, m.table, List.of(f.column()), "_like")) + " ON " + t
                    + " (" + col + (newType.startsWith("varchar") ? " varchar_pattern_ops" : " text_pattern_ops")
                    + ")");
        }
    }

    // --- indexes and constraints

    private void addIndex(DjangoModel m, PyExpr index) {
        add(indexSql(m, index));
    }

    private String indexSql(DjangoModel m, PyExpr e) {
        if (!(e instanceof PyExpr.Call index) || !index.last().equals("Index")) {
            throw new NotUnderstood();
        }
        for (String kw : index.kwargs().keySet()) {
            if (!kw.equals("fields") && !kw.equals("name")) {
                throw new NotUnderstood(); // condition, opclasses, include, expressions change the index
            }
        }
        String name = need(index.kw("name").flatMap(PyExpr::string));
        List<String> parts = new ArrayList<>();
        for (String field : need(index.kw("fields").flatMap(PyExpr::strings))) {
            boolean desc = field.startsWith("-");
            parts.add(q(m.column(desc ? field.substring(1) : field)) + (desc ? " DESC" : ""));
        }
        return "CREATE INDEX " + q(name) + " ON " + q(m.table) + " (" + String.join(", ", parts) + ")";
    }

    /** {@code CONSTRAINT name UNIQUE (…)} or {@code CONSTRAINT name CHECK (…)} of a UniqueConstraint / CheckConstraint. */
    private String constraint(DjangoModel m, PyExpr e) {
        if (!(e instanceof PyExpr.Call con)) {
            throw new NotUnderstood();
        }
        String name = need(con.kw("name").flatMap(PyExpr::string));
        if (con.last().equals("UniqueConstraint")) {
            for (String kw : con.kwargs().keySet()) {
                if (!kw.equals("fields") && !kw.equals("name")) {
                    throw new NotUnderstood();
                }
            }
            List<String> cols = need(con.kw("fields").flatMap(PyExpr::strings)).stream()
                    .map(m::column)
                    .toList();
            return "CONSTRAINT " + q(name) + " UNIQUE (" + cols(cols) + ")";
        }
        if (con.last().equals("CheckConstraint")) {
            PyExpr check = con.kw("check").or(() -> con.kw("condition")).orElseThrow(NotUnderstood::new);
            return "CONSTRAINT " + q(name) + " CHECK (" + q(m, check) + ")";
        }
        throw new NotUnderstood();
    }

    /** A {@code models.Q(...)} of simple lookups joined by AND, as SQL. */
    private String q(DjangoModel m, PyExpr e) {
        if (!(e instanceof PyExpr.Call q)
                || !q.last().equals("Q")
                || q.kw("_connector").isPresent()
                || q.kw("_negated").isPresent()) {
            throw new NotUnderstood();
        }
        List<String> terms = new ArrayList<>();
        for (PyExpr arg : q.args()) {
            List<PyExpr> pair = need(PyExpr.items(arg));
            if (pair.size() != 2) {
                throw new NotUnderstood();
            }
            terms.add(lookup(m, need(PyExpr.string(pair.get(0))), pair.get(1)));
        }
        q.kwargs().forEach((k, v) -> terms.add(lookup(m, k, v)));
        if (terms.isEmpty()) {
            throw new NotUnderstood();
        }
        return terms.size() == 1
                ? terms.get(0)
                : terms.stream().map(x -> "(" + x + ")").collect(Collectors.joining(" AND "));
    }

    private String lookup(DjangoModel m, String lookup, PyExpr value) {
        int sep = lookup.indexOf("__");
        String field = sep < 0 ? lookup : lookup.substring(0, sep);
        String kind = sep < 0 ? "exact" : lookup.substring(sep + 2);
        String col = q(m.column(field));
        if (kind.equals("isnull")) {
            return col + (PyExpr.bool(value).orElseThrow(NotUnderstood::new) ? " IS NULL" : " IS NOT NULL");
        }
        String v;
        if (value instanceof PyExpr.Num n) {
            v = n.value();
        } else if (value instanceof PyExpr.Str s) {
            v = "'" + s.value().replace("'", "''") + "'";
        } else {
            throw new NotUnderstood();
        }
        String op = switch (kind) {
            case "exact" -> " = ";
            case "gt" -> " > ";
            case "gte" -> " >= ";
            case "lt" -> " < ";
            case "lte" -> " <= ";
            default -> throw new NotUnderstood();
        };
        return col + op + v;
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
        List<List<String>> wanted = together(value);
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
                        + q(DjangoNames.index(engine, m.table, cols, "_uniq")) + " UNIQUE (" + cols(cols) + ")");
            }
        }
        m.uniqueTogether = wanted;
    }

    private static List<List<String>> together(PyExpr value) {
        if (PyExpr.isNone(value)) {
            return List.of();
        }
        List<PyExpr> items = need(PyExpr.items(value));
        if (!items.isEmpty() && items.get(0) instanceof PyExpr.Str) {
            return List.of(need(PyExpr.strings(value))); // a single tuple of names
        }
        return items.stream().map(i -> need(PyExpr.strings(i))).toList();
    }

    private void runSql(PyExpr sql) {
        List<String> scripts = sql instanceof PyExpr.Seq s
                ? s.items().stream().map(i -> need(PyExpr.string(i))).toList()
                : List.of(need(PyExpr.string(sql)));
        for (String script : scripts) {
            int base = line;
            for (SqlStatement st : StatementSplitter.split(script, engine)) {
                line = base + st.line() - 1;
                add(st.sql());
            }
            line = base;
        }
    }

    private String cols(List<String> columns) {
        return columns.stream().map(this::q).collect(Collectors.joining(", "));
    }

    private static String str(PyExpr.Call c, int i, String kw) {
        return need(c.arg(i, kw).flatMap(PyExpr::string));
    }

    private static <T> T need(java.util.Optional<T> value) {
        return value.orElseThrow(NotUnderstood::new);
    }
}
