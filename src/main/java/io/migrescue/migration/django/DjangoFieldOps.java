package io.migrescue.migration.django;

import static io.migrescue.migration.django.DjangoOps.need;
import static io.migrescue.migration.django.DjangoOps.str;

import io.migrescue.migration.python.PyExpr;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Django's field operations (AddField, RemoveField, RenameField, AlterField): the state change and the SQL. */
record DjangoFieldOps(DjangoState state, DjangoStatements out, DjangoColumnSql columns) {

    private String q(String name) {
        return columns.dialect().quote(name);
    }

    void addField(String app, PyExpr.Call c) {
        DjangoModel m = state.model(app, str(c, 0, "model_name"));
        String name = str(c, 1, "name");
        DjangoField f = DjangoField.of(name, need(c.arg(2, "field")), app);
        boolean preserve = c.kw("preserve_default").flatMap(PyExpr::bool).orElse(true);
        m.fields.put(name, f);
        String definition = columns.columnSql(m, f, true);
        String dflt = columns.effectiveDefault(f);
        if (f.relation() && f.dbConstraint()) {
            DjangoModel target = state.related(f);
            String fk = columns.foreignKeyName(m, f);
            definition += columns.postgres()
                    ? " CONSTRAINT " + q(fk) + " REFERENCES " + q(target.table) + "("
                            + q(target.pk().column()) + ") DEFERRABLE INITIALLY DEFERRED"
                    : " , ADD CONSTRAINT " + q(fk) + " FOREIGN KEY (" + q(f.column()) + ") REFERENCES "
                            + q(target.table) + "(" + q(target.pk().column()) + ")";
        }
        out.add("ALTER TABLE " + q(m.table) + " ADD COLUMN " + definition);
        if (dflt != null) {
            out.add("ALTER TABLE " + q(m.table) + " ALTER COLUMN " + q(f.column()) + " DROP DEFAULT");
        }
        columns.fieldIndexes(m, f).forEach(out::defer);
        if (!preserve) {
            m.fields.put(name, f.withoutDefault());
        }
    }

    void removeField(String app, PyExpr.Call c) {
        DjangoModel m = state.model(app, str(c, 0, "model_name"));
        DjangoField f = m.field(str(c, 1, "name"));
        if (f.relation() && f.dbConstraint()) {
            String fk = columns.foreignKeyName(m, f);
            out.add("ALTER TABLE " + q(m.table) + (columns.postgres() ? " DROP CONSTRAINT " : " DROP FOREIGN KEY ")
                    + q(fk));
        }
        out.add("ALTER TABLE " + q(m.table) + " DROP COLUMN " + q(f.column()) + (columns.postgres() ? " CASCADE" : ""));
        m.fields.remove(f.name());
    }

    void renameField(String app, PyExpr.Call c) {
        DjangoModel m = state.model(app, str(c, 0, "model_name"));
        DjangoField f = m.field(str(c, 1, "old_name"));
        String newName = str(c, 2, "new_name");
        DjangoField renamed = f.renamed(newName);
        if (!renamed.column().equals(f.column())) {
            out.add("ALTER TABLE " + q(m.table) + " RENAME COLUMN " + q(f.column()) + " TO " + q(renamed.column()));
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
    void alterField(String app, PyExpr.Call c) {
        DjangoModel m = state.model(app, str(c, 0, "model_name"));
        String name = str(c, 1, "name");
        DjangoField old = m.field(name);
        DjangoField f = DjangoField.of(name, need(c.arg(2, "field")), app);
        if (old.relation()
                || f.relation()
                || old.primaryKey()
                || f.primaryKey()
                || !old.column().equals(f.column())) {
            throw new DjangoOps.NotUnderstood();
        }
        String t = q(m.table);
        String col = q(f.column());
        String oldType = columns.type(old);
        String newType = columns.type(f);
        boolean typeChanged = !oldType.equals(newType);
        if (old.unique() && !f.unique() || old.dbIndex() && !f.dbIndex()) {
            throw new DjangoOps.NotUnderstood(); // Django finds the old index by introspection
        }
        String dflt = old.nullable() && !f.nullable() ? columns.effectiveDefault(f) : null;
        if (dflt != null) {
            out.add("ALTER TABLE " + t + " ALTER COLUMN " + col + " SET DEFAULT " + dflt);
            out.add("UPDATE " + t + " SET " + col + " = " + dflt + " WHERE " + col + " IS NULL");
        }
        if (columns.postgres()) {
            if (typeChanged) {
                out.add("ALTER TABLE " + t + " ALTER COLUMN " + col + " TYPE " + newType);
            }
            if (old.nullable() != f.nullable()) {
                out.add("ALTER TABLE " + t + " ALTER COLUMN " + col
                        + (f.nullable() ? " DROP NOT NULL" : " SET NOT NULL"));
            }
        } else if (typeChanged || old.nullable() != f.nullable()) {
            out.add("ALTER TABLE " + t + " MODIFY " + col + " " + newType + (f.nullable() ? " NULL" : " NOT NULL"));
        }
        if (dflt != null) {
            out.add("ALTER TABLE " + t + " ALTER COLUMN " + col + " DROP DEFAULT");
        }
        m.fields.put(name, f);
        if (f.unique() && !old.unique()) {
            out.add("ALTER TABLE " + t + " ADD CONSTRAINT "
                    + q(DjangoNames.index(columns.engine(), m.table, List.of(f.column()), "_uniq")) + " UNIQUE (" + col
                    + ")");
        }
        if (f.dbIndex() && !old.dbIndex() && !f.unique()) {
            out.add("CREATE INDEX " + q(DjangoNames.index(columns.engine(), m.table, List.of(f.column()), "")) + " ON "
                    + t + " (" + col + ")");
        }
        if (columns.postgres()
                && DjangoTypes.textLike(newType)
                && (f.dbIndex() || f.unique())
                && !(old.dbIndex() || old.unique())) {
            out.add("CREATE INDEX " + q(DjangoNames.index(columns.engine(), m.table, List.of(f.column()), "_like"))
                    + " ON " + t
                    + " (" + col + (newType.startsWith("varchar") ? " varchar_pattern_ops" : " text_pattern_ops")
                    + ")");
        }
    }
}
