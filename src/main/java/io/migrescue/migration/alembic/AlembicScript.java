package io.migrescue.migration.alembic;

import io.migrescue.migration.python.PyExpr;
import io.migrescue.migration.python.PyModule;
import java.util.List;
import java.util.Optional;

/**
 * One Alembic revision script's header: {@code revision}, {@code down_revision} (None, a string, or a tuple for a
 * merge), {@code depends_on} and {@code branch_labels}, and the first line of its docstring (the message).
 *
 * @param parents   the down revisions; empty for a base revision
 * @param dependsOn revisions that must be applied first without being parents
 */
record AlembicScript(
        String revision, List<String> parents, List<String> dependsOn, List<String> branchLabels, String message) {

    /** The header of a revision script, or empty when the file is not one (env.py, helpers). */
    static Optional<AlembicScript> of(PyModule m) {
        var top = m.lines();
        Optional<String> revision = m.assignment(top, 0, "revision").flatMap(PyExpr::string);
        Optional<PyExpr> down = m.assignment(top, 0, "down_revision");
        if (revision.isEmpty() || down.isEmpty()) {
            return Optional.empty();
        }
        String message = top.isEmpty()
                ? ""
                : m.expression(top.get(0).from()).expr() instanceof PyExpr.Str doc
                        ? doc.value().strip().lines().findFirst().orElse("")
                        : "";
        return Optional.of(new AlembicScript(
                revision.get(),
                names(down.get()),
                m.assignment(top, 0, "depends_on").map(AlembicScript::names).orElse(List.of()),
                m.assignment(top, 0, "branch_labels").map(AlembicScript::names).orElse(List.of()),
                message));
    }

    private static List<String> names(PyExpr e) {
        if (PyExpr.isNone(e)) {
            return List.of();
        }
        return PyExpr.strings(e).orElse(List.of());
    }
}
