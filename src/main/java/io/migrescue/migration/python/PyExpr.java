package io.migrescue.migration.python;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Python expression as far as migration files need one: literals, dotted names, calls with positional and keyword
 * arguments, lists, tuples, sets and dicts. Anything else (arithmetic, comprehensions, subscripts, lambdas) is
 * {@link Other}: kept as its source text so a reader can say what it did not understand.
 */
public sealed interface PyExpr {
    /** 1-based line it starts on. */
    int line();

    /** Its source text. */
    String text();

    record Str(String value, int line, String text) implements PyExpr {}

    record Num(String value, int line, String text) implements PyExpr {}

    /** A name or dotted name: {@code None}, {@code True}, {@code sa.Integer}, {@code settings.AUTH_USER_MODEL}. */
    record Name(String dotted, int line, String text) implements PyExpr {
        /** The part after the last dot. */
        public String last() {
            return dotted.substring(dotted.lastIndexOf('.') + 1);
        }
    }

    /**
     * @param callee the dotted name called ({@code op.create_table}, {@code sa.Column}); empty when it is not a name
     */
    record Call(String callee, List<PyExpr> args, Map<String, PyExpr> kwargs, int line, String text) implements PyExpr {
        public String last() {
            return callee.substring(callee.lastIndexOf('.') + 1);
        }

        public Optional<PyExpr> kw(String name) {
            return Optional.ofNullable(kwargs.get(name));
        }

        /** Positional argument {@code i}, else keyword {@code name}. */
        public Optional<PyExpr> arg(int i, String name) {
            if (i >= 0 && i < args.size()) {
                return Optional.of(args.get(i));
            }
            return kw(name);
        }
    }

    /** A list, tuple or set display. */
    record Seq(String kind, List<PyExpr> items, int line, String text) implements PyExpr {}

    record Dict(List<PyExpr> keys, List<PyExpr> values, int line, String text) implements PyExpr {}

    record Other(int line, String text) implements PyExpr {}

    /** The string value of a plain string literal, else empty. */
    static Optional<String> string(PyExpr e) {
        return e instanceof Str s ? Optional.of(s.value()) : Optional.empty();
    }

    /** {@code True}/{@code False} of a literal, else empty. */
    static Optional<Boolean> bool(PyExpr e) {
        if (e instanceof Name n && (n.dotted().equals("True") || n.dotted().equals("False"))) {
            return Optional.of(n.dotted().equals("True"));
        }
        return Optional.empty();
    }

    static boolean isNone(PyExpr e) {
        return e instanceof Name n && n.dotted().equals("None");
    }

    /** The items of a list, tuple or set; a lone string counts as a list of one. Empty when it is neither. */
    static Optional<List<PyExpr>> items(PyExpr e) {
        if (e instanceof Seq s) {
            return Optional.of(s.items());
        }
        if (e instanceof Str) {
            return Optional.of(List.of(e));
        }
        return Optional.empty();
    }

    /** Every item as a string literal, else empty. */
    static Optional<List<String>> strings(PyExpr e) {
        Optional<List<PyExpr>> items = items(e);
        if (items.isEmpty() || !items.get().stream().allMatch(i -> i instanceof Str)) {
            return Optional.empty();
        }
        return Optional.of(items.get().stream().map(i -> ((Str) i).value()).toList());
    }
}
