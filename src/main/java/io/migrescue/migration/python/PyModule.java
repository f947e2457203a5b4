package io.migrescue.migration.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Python file as logical lines with their indentation: enough to find top-level assignments, a function's or a
 * class's body and the statements in it, without executing anything.
 */
public final class PyModule {
    private final String src;
    private final List<PyToken> tokens;
    private final List<PyLine> lines = new ArrayList<>();

    /**
     * One logical line.
     *
     * @param from   index of its first token
     * @param to     index of its NEWLINE token
     * @param indent column of its first token
     */
    public record PyLine(int from, int to, int indent, int line) {}

    private PyModule(String src) {
        this.src = src;
        this.tokens = PyTokenizer.tokens(src);
        int start = 0;
        for (int k = 0; k < tokens.size(); k++) {
            if (tokens.get(k).kind() == PyToken.Kind.NEWLINE) {
                if (k > start) {
                    PyToken first = tokens.get(start);
                    lines.add(new PyLine(start, k, first.column(), first.line()));
                }
                start = k + 1;
            }
        }
    }

    public static PyModule parse(String source) {
        return new PyModule(source);
    }

    public List<PyLine> lines() {
        return lines;
    }

    public PyToken token(int index) {
        return tokens.get(index);
    }

    /** The source text of a line. */
    public String text(PyLine l) {
        return src.substring(
                tokens.get(l.from()).start(), tokens.get(l.to() - 1).end());
    }

    public PyParser.Parsed expression(int fromToken) {
        return PyParser.parse(src, tokens, fromToken);
    }

    /**
     * The value assigned to {@code name} on a line at {@code indent} among {@code scope} ({@code name = …} or
     * {@code name: Type = …}), the last such line winning as in Python.
     */
    public Optional<PyExpr> assignment(List<PyLine> scope, int indent, String name) {
        PyExpr found = null;
        for (PyLine l : scope) {
            if (l.indent() != indent || !tokens.get(l.from()).is(PyToken.Kind.NAME, name)) {
                continue;
            }
            int k = l.from() + 1;
            if (tokens.get(k).op(":")) {
                // an annotation: skip to the '=' outside brackets
                int level = 0;
                while (k < l.to() && !(level == 0 && tokens.get(k).op("="))) {
                    if (tokens.get(k).op("(") || tokens.get(k).op("[")) {
                        level++;
                    } else if (tokens.get(k).op(")") || tokens.get(k).op("]")) {
                        level--;
                    }
                    k++;
                }
            }
            if (k < l.to() && tokens.get(k).op("=")) {
                found = expression(k + 1).expr();
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The lines of the body of the block whose header starts with {@code keyword name} ({@code def upgrade},
     * {@code class Migration}) at {@code indent}: the lines after it indented deeper, up to the first that is not.
     * A one-line body ({@code def upgrade(): pass}) is returned as a line of its own.
     */
    public Optional<List<PyLine>> block(List<PyLine> scope, int indent, String keyword, String name) {
        for (int n = 0; n < scope.size(); n++) {
            PyLine l = scope.get(n);
            if (l.indent() == indent
                    && tokens.get(l.from()).is(PyToken.Kind.NAME, keyword)
                    && tokens.get(l.from() + 1).is(PyToken.Kind.NAME, name)) {
                return Optional.of(body(scope, n));
            }
        }
        return Optional.empty();
    }

    /** The body of the compound statement on {@code scope.get(header)}. */
    public List<PyLine> body(List<PyLine> scope, int header) {
        PyLine h = scope.get(header);
        List<PyLine> body = new ArrayList<>();
        int colon = headerColon(h);
        if (colon >= 0 && colon + 1 < h.to()) {
            PyToken first = tokens.get(colon + 1);
            body.add(new PyLine(colon + 1, h.to(), h.indent() + 1, first.line()));
            return body;
        }
        for (int n = header + 1; n < scope.size() && scope.get(n).indent() > h.indent(); n++) {
            body.add(scope.get(n));
        }
        return body;
    }

    /** The index of the ':' ending a compound statement's header, or -1. */
    public int headerColon(PyLine l) {
        int level = 0;
        for (int k = l.from(); k < l.to(); k++) {
            PyToken t = tokens.get(k);
            if (t.op("(") || t.op("[") || t.op("{")) {
                level++;
            } else if (t.op(")") || t.op("]") || t.op("}")) {
                level--;
            } else if (level == 0 && t.op(":") && !tokens.get(l.from()).is(PyToken.Kind.NAME, "lambda")) {
                return k;
            }
        }
        return -1;
    }
}
