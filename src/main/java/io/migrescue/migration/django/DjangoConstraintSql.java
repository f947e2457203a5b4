package io.migrescue.migration.django;

import io.migrescue.migration.python.PyExpr;
import io.migrescue.model.Engine;
import io.migrescue.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** How Django writes a model's Index, UniqueConstraint, CheckConstraint (with its Q lookups) and unique_together. */
final class DjangoConstraintSql {
    private final Dialect dialect;

    DjangoConstraintSql(Engine engine) {
        this.dialect = Dialect.of(engine);
    }

    private String q(String name) {
        return dialect.quote(name);
    }

    String indexSql(DjangoModel m, PyExpr e) {
        if (!(e instanceof PyExpr.Call index) || !index.last().equals("Index")) {
            throw new DjangoOps.NotUnderstood();
        }
        for (String kw : index.kwargs().keySet()) {
            if (!kw.equals("fields") && !kw.equals("name")) {
                throw new DjangoOps.NotUnderstood(); // condition, opclasses, include, expressions change the index
            }
        }
        String name = DjangoOps.need(index.kw("name").flatMap(PyExpr::string));
        List<String> parts = new ArrayList<>();
        for (String field : DjangoOps.need(index.kw("fields").flatMap(PyExpr::strings))) {
            boolean desc = field.startsWith("-");
            parts.add(q(m.column(desc ? field.substring(1) : field)) + (desc ? " DESC" : ""));
        }
        return "CREATE INDEX " + q(name) + " ON " + q(m.table) + " (" + String.join(", ", parts) + ")";
    }

    /** {@code CONSTRAINT name UNIQUE (…)} or {@code CONSTRAINT name CHECK (…)} of a UniqueConstraint / CheckConstraint. */
    String constraint(DjangoModel m, PyExpr e) {
        if (!(e instanceof PyExpr.Call con)) {
            throw new DjangoOps.NotUnderstood();
        }
        String name = DjangoOps.need(con.kw("name").flatMap(PyExpr::string));
        if (con.last().equals("UniqueConstraint")) {
            for (String kw : con.kwargs().keySet()) {
                if (!kw.equals("fields") && !kw.equals("name")) {
                    throw new DjangoOps.NotUnderstood();
                }
            }
            List<String> cols = DjangoOps.need(con.kw("fields").flatMap(PyExpr::strings)).stream()
                    .map(m::column)
                    .toList();
            return "CONSTRAINT " + q(name) + " UNIQUE (" + cols(cols) + ")";
        }
        if (con.last().equals("CheckConstraint")) {
            PyExpr check = con.kw("check").or(() -> con.kw("condition")).orElseThrow(DjangoOps.NotUnderstood::new);
            return "CONSTRAINT " + q(name) + " CHECK (" + q(m, check) + ")";
        }
        throw new DjangoOps.NotUnderstood();
    }

    /** A {@code models.Q(...)} of simple lookups joined by AND, as SQL. */
    String q(DjangoModel m, PyExpr e) {
        if (!(e instanceof PyExpr.Call q)
                || !q.last().equals("Q")
                || q.kw("_connector").isPresent()
                || q.kw("_negated").isPresent()) {
            throw new DjangoOps.NotUnderstood();
        }
        List<String> terms = new ArrayList<>();
        for (PyExpr arg : q.args()) {
            List<PyExpr> pair = DjangoOps.need(PyExpr.items(arg));
            if (pair.size() != 2) {
                throw new DjangoOps.NotUnderstood();
            }
            terms.add(lookup(m, DjangoOps.need(PyExpr.string(pair.get(0))), pair.get(1)));
        }
        q.kwargs().forEach((k, v) -> terms.add(lookup(m, k, v)));
        if (terms.isEmpty()) {
            throw new DjangoOps.NotUnderstood();
        }
        return terms.size() == 1
                ? terms.get(0)
                : terms.stream().map(x -> "(" + x + ")").collect(Collectors.joining(" AND "));
    }

    String lookup(DjangoModel m, String lookup, PyExpr value) {
        int sep = lookup.indexOf("__");
        String field = sep < 0 ? lookup : lookup.substring(0, sep);
        String kind = sep < 0 ? "exact" : lookup.substring(sep + 2);
        String col = q(m.column(field));
        if (kind.equals("isnull")) {
            return col + (PyExpr.bool(value).orElseThrow(DjangoOps.NotUnderstood::new) ? " IS NULL" : " IS NOT NULL");
        }
        String v;
        if (value instanceof PyExpr.Num n) {
            v = n.value();
        } else if (value instanceof PyExpr.Str s) {
            v = "'" + s.value().replace("'", "''") + "'";
        } else {
            throw new DjangoOps.NotUnderstood();
        }
        String op = switch (kind) {
            case "exact" -> " = ";
            case "gt" -> " > ";
            case "gte" -> " >= ";
            case "lt" -> " < ";
            case "lte" -> " <= ";
            default -> throw new DjangoOps.NotUnderstood();
        };
        return col + op + v;
    }

    static List<List<String>> together(PyExpr value) {
        if (PyExpr.isNone(value)) {
            return List.of();
        }
        List<PyExpr> items = DjangoOps.need(PyExpr.items(value));
        if (!items.isEmpty() && items.get(0) instanceof PyExpr.Str) {
            return List.of(DjangoOps.need(PyExpr.strings(value))); // a single tuple of names
        }
        return items.stream().map(i -> DjangoOps.need(PyExpr.strings(i))).toList();
    }

    String cols(List<String> columns) {
        return columns.stream().map(this::q).collect(Collectors.joining(", "));
    }
}
