package io.migrescue.migration.alembic;

import io.migrescue.migration.python.PyExpr;
import java.util.List;
import java.util.Optional;

/** The arguments of an {@code op.*} call read as literals; anything else is {@link AlembicOps.NotUnderstood}. */
final class AlembicArgs {
    private AlembicArgs() {}

    static <T> T need(Optional<T> value) {
        return value.orElseThrow(AlembicOps.NotUnderstood::new);
    }

    static String schema(PyExpr.Call c) {
        return c.kw("schema")
                .filter(e -> !PyExpr.isNone(e))
                .map(e -> need(PyExpr.string(e)))
                .orElse(null);
    }

    static String str(PyExpr.Call c, int i, String kw) {
        return need(c.arg(i, kw).flatMap(PyExpr::string));
    }

    static List<String> strings(PyExpr.Call c, int i, String kw) {
        return need(c.arg(i, kw).flatMap(PyExpr::strings));
    }

    /** A constraint's optional name: absent or None is no name. */
    static String optionalName(Optional<PyExpr> name) {
        return name.filter(n -> !PyExpr.isNone(n))
                .map(AlembicArgs::constraintName)
                .orElse(null);
    }

    /** A name as written, or wrapped in {@code op.f(…)} (already final). */
    static String constraintName(PyExpr e) {
        if (e instanceof PyExpr.Call f && f.last().equals("f") && f.args().size() == 1) {
            return need(PyExpr.string(f.args().get(0)));
        }
        return need(PyExpr.string(e));
    }

    /** SQL given as a string or {@code sa.text("…")}. */
    static String sqlText(PyExpr e) {
        if (e instanceof PyExpr.Call t && t.last().equals("text") && t.args().size() == 1) {
            return need(PyExpr.string(t.args().get(0)));
        }
        return need(PyExpr.string(e));
    }
}
