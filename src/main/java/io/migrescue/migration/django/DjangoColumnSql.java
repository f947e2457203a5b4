package io.migrescue.migration.django;

import io.migrescue.migration.python.PyExpr;
import io.migrescue.model.Engine;
import io.migrescue.sql.Dialect;
import java.util.ArrayList;
import java.util.List;

/** How Django's schema editor writes a field as a column: its type, definition, default, foreign key and indexes. */
record DjangoColumnSql(Engine engine, DjangoState state) {
    boolean postgres() {
        return engine == Engine.POSTGRESQL;
    }

    Dialect dialect() {
        return Dialect.of(engine);
    }

    private String q(String name) {
        return dialect().quote(name);
    }

    String type(DjangoField f) {
        if (f.relation()) {
            return DjangoTypes.related(state.related(f).pk(), postgres());
        }
        String t = DjangoTypes.of(f, postgres());
        if (t == null) {
            throw new DjangoOps.NotUnderstood();
        }
        return t;
    }

    /** {@code "col" type [DEFAULT x] NULL|NOT NULL [PRIMARY KEY|UNIQUE] [CHECK …]} as Django's column_sql writes it. */
    String columnSql(DjangoModel m, DjangoField f, boolean withDefault) {
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
    String effectiveDefault(DjangoField f) {
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
                return postgres()
                        ? PyExpr.bool(d).get().toString()
                        : PyExpr.bool(d).get() ? "1" : "0";
            }
            throw new DjangoOps.NotUnderstood();
        }
        if (DjangoField.flag(f.call(), "auto_now", false) || DjangoField.flag(f.call(), "auto_now_add", false)) {
            throw new DjangoOps.NotUnderstood();
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

    String foreignKeySql(DjangoModel m, DjangoField f) {
        DjangoModel target = state.related(f);
        String toColumn = target.pk().column();
        return "ALTER TABLE " + q(m.table) + " ADD CONSTRAINT "
                + q(foreignKeyName(m, f))
                + " FOREIGN KEY (" + q(f.column()) + ") REFERENCES " + q(target.table) + " (" + q(toColumn) + ")"
                + (postgres() ? " DEFERRABLE INITIALLY DEFERRED" : "");
    }

    /** Django's name for the foreign key of the relation field {@code f} of {@code m}. */
    String foreignKeyName(DjangoModel m, DjangoField f) {
        DjangoModel target = state.related(f);
        return DjangoNames.foreignKey(
                engine, m.table, f.column(), target.table, target.pk().column());
    }

    /** The indexes Django adds for a field: db_index (not on a MySQL foreign key, which has its own), PostgreSQL's _like. */
    List<String> fieldIndexes(DjangoModel m, DjangoField f) {
        List<String> sql = new ArrayList<>();
        boolean mysqlForeignKey = !postgres() && f.relation() && f.dbConstraint();
        if (f.dbIndex() && !f.unique() && !mysqlForeignKey) {
            sql.add("CREATE INDEX " + q(DjangoNames.index(engine, m.table, List.of(f.column()), "")) + " ON "
                    + q(m.table) + " (" + q(f.column()) + ")");
        }
        if (postgres() && (f.dbIndex() || f.unique()) && !f.relation()) {
            String t = type(f);
            if (DjangoTypes.textLike(t)) {
                sql.add("CREATE INDEX " + q(DjangoNames.index(engine, m.table, List.of(f.column()), "_like")) + " ON "
                        + q(m.table) + " (" + q(f.column())
                        + (t.startsWith("varchar") ? " varchar_pattern_ops" : " text_pattern_ops") + ")");
            }
        }
        return sql;
    }
}
