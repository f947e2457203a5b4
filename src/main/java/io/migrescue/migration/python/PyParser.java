package io.migrescue.migration.python;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses one expression from a token list. Recursive descent bounded by {@link #MAX_DEPTH}: deeper nesting, like any
 * construct outside {@link PyExpr}'s few kinds, is skipped over (linearly, by bracket counting) and kept as
 * {@link PyExpr.Other}.
 */
public final class PyParser {
    static final int MAX_DEPTH = 64;
    private static final Set<String> STOPS = Set.of(",", ")", "]", "}", ":", "=");
    private static final Set<String> KEYWORD_OPERATORS =
            Set.of("and", "or", "not", "in", "is", "if", "else", "for", "lambda", "async", "await", "yield");

    private final String src;
    private final List<PyToken> tokens;
    private int i;
    private int depth;

    private PyParser(String src, List<PyToken> tokens, int from) {
        this.src = src;
        this.tokens = tokens;
        this.i = from;
    }

    /** The expression starting at token {@code from}, and the index of the first token after it. */
    public record Parsed(PyExpr expr, int next) {}

    public static Parsed parse(String src, List<PyToken> tokens, int from) {
        PyParser p = new PyParser(src, tokens, from);
        PyExpr e = p.expression();
        return new Parsed(e, p.i);
    }

    private PyToken peek() {
        return tokens.get(Math.min(i, tokens.size() - 1));
    }

    private boolean atStop() {
        PyToken t = peek();
        return t.kind() == PyToken.Kind.NEWLINE
                || t.kind() == PyToken.Kind.END
                || t.kind() == PyToken.Kind.OP && STOPS.contains(t.text())
                || t.is(PyToken.Kind.NAME, "as");
    }

    private PyExpr expression() {
        int start = i;
        PyExpr e = unary();
        if (atStop()) {
            return e;
        }
        // an operator or keyword follows: the whole expression is beyond this parser
        skipToStop();
        return other(start);
    }

    private PyExpr unary() {
        PyToken t = peek();
        if (t.op("-") && tokens.get(i + 1).kind() == PyToken.Kind.NUMBER) {
            i++;
            PyToken n = tokens.get(i++);
            return new PyExpr.Num("-" + n.text(), t.line(), src.substring(t.start(), n.end()));
        }
        return primary();
    }

    private PyExpr primary() {
        int start = i;
        if (++depth > MAX_DEPTH) {
            depth--;
            skipToStop();
            return other(start);
        }
        try {
            PyExpr e = atom();
            while (e != null) {
                PyToken t = peek();
                if (t.op(".") && tokens.get(i + 1).kind() == PyToken.Kind.NAME && e instanceof PyExpr.Name n) {
                    i += 2;
                    e = new PyExpr.Name(n.dotted() + "." + tokens.get(i - 1).text(), n.line(), text(start));
                } else if (t.op("(")) {
                    e = call(e, start);
                } else if (t.op(".") || t.op("[")) {
                    skipToStop();
                    return other(start);
                } else {
                    return e;
                }
            }
            skipToStop();
            return other(start);
        } finally {
            depth--;
        }
    }

    private PyExpr atom() {
        PyToken t = peek();
        switch (t.kind()) {
            case NAME -> {
                if (KEYWORD_OPERATORS.contains(t.text())) {
                    return null;
                }
                i++;
                return new PyExpr.Name(t.text(), t.line(), t.text());
            }
            case NUMBER -> {
                i++;
                return new PyExpr.Num(t.text(), t.line(), t.text());
            }
            case STRING -> {
                StringBuilder value = new StringBuilder();
                int start = i;
                while (peek().kind() == PyToken.Kind.STRING) {
                    value.append(tokens.get(i++).text());
                }
                if (src.charAt(tokens.get(start).start()) == 'f'
                        || src.charAt(tokens.get(start).start()) == 'F') {
                    return other(start); // an f-string's value is only known at run time
                }
                return new PyExpr.Str(value.toString(), t.line(), text(start));
            }
            case OP -> {
                if (t.op("(") || t.op("[") || t.op("{")) {
                    return display(t.text());
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    /** {@code (…)}, {@code […]} or {@code {…}}: a tuple, list, set or dict (a parenthesised expression is its content). */
    private PyExpr display(String open) {
        int start = i;
        String close = open.equals("(") ? ")" : open.equals("[") ? "]" : "}";
        i++;
        List<PyExpr> items = new ArrayList<>();
        List<PyExpr> values = new ArrayList<>();
        boolean dict = false;
        boolean comma = false;
        while (!peek().op(close)) {
            if (peek().kind() == PyToken.Kind.END) {
                return other(start);
            }
            if (peek().op("**") || peek().op("*")) {
                return skipDisplay(start, close);
            }
            items.add(expression());
            if (peek().op(":") && open.equals("{")) {
                i++;
                dict = true;
                values.add(expression());
            }
            if (peek().op(",")) {
                i++;
                comma = true;
            } else if (!peek().op(close)) {
                return skipDisplay(start, close);
            }
        }
        i++;
        PyToken first = tokens.get(start);
        if (dict) {
            return items.size() == values.size()
                    ? new PyExpr.Dict(items, values, first.line(), text(start))
                    : other(start);
        }
        if (open.equals("(") && items.size() == 1 && !comma) {
            return items.get(0);
        }
        String kind = open.equals("(") ? "tuple" : open.equals("[") ? "list" : items.isEmpty() ? "dict" : "set";
        if (kind.equals("dict")) {
            return new PyExpr.Dict(List.of(), List.of(), first.line(), text(start));
        }
        return new PyExpr.Seq(kind, items, first.line(), text(start));
    }

    private PyExpr call(PyExpr callee, int start) {
        i++;
        List<PyExpr> args = new ArrayList<>();
        Map<String, PyExpr> kwargs = new LinkedHashMap<>();
        while (!peek().op(")")) {
            if (peek().kind() == PyToken.Kind.END) {
                return other(start);
            }
            if (peek().op("*") || peek().op("**")) {
                return skipDisplay(start, ")");
            }
            if (peek().kind() == PyToken.Kind.NAME && tokens.get(i + 1).op("=")) {
                String name = peek().text();
                i += 2;
                kwargs.put(name, expression());
            } else {
                args.add(expression());
            }
            if (peek().op(",")) {
                i++;
            } else if (!peek().op(")")) {
                return skipDisplay(start, ")");
            }
        }
        i++;
        String name = callee instanceof PyExpr.Name n ? n.dotted() : "";
        return new PyExpr.Call(name, args, kwargs, tokens.get(start).line(), text(start));
    }

    /** Skips to just after the bracket closing the display that began at {@code start}; the whole is not understood. */
    private PyExpr skipDisplay(int start, String close) {
        int level = 0;
        while (peek().kind() != PyToken.Kind.END) {
            PyToken t = tokens.get(i);
            if (level == 0 && t.op(close)) {
                i++;
                return other(start);
            }
            if (t.op("(") || t.op("[") || t.op("{")) {
                level++;
            } else if (t.op(")") || t.op("]") || t.op("}")) {
                level--;
            }
            i++;
        }
        return other(start);
    }

    /** Skips to the next comma, closing bracket or line end outside brackets opened here. */
    private void skipToStop() {
        int level = 0;
        while (true) {
            PyToken t = peek();
            if (t.kind() == PyToken.Kind.END || t.kind() == PyToken.Kind.NEWLINE && level == 0) {
                return;
            }
            if (level == 0
                    && t.kind() == PyToken.Kind.OP
                    && (t.text().equals(",")
                            || t.text().equals(")")
                            || t.text().equals("]")
                            || t.text().equals("}"))) {
                return;
            }
            if (t.op("(") || t.op("[") || t.op("{")) {
                level++;
            } else if (t.op(")") || t.op("]") || t.op("}")) {
                level--;
            }
            i++;
        }
    }

    private PyExpr other(int start) {
        int end = Math.max(start, i);
        return new PyExpr.Other(tokens.get(Math.min(start, tokens.size() - 1)).line(), text(start, end));
    }

    private String text(int startToken) {
        return text(startToken, i);
    }

    private String text(int startToken, int endToken) {
        if (endToken <= startToken) {
            return "";
        }
        int from = tokens.get(startToken).start();
        int to = tokens.get(Math.min(endToken, tokens.size()) - 1).end();
        return src.substring(from, Math.max(from, to));
    }
}
