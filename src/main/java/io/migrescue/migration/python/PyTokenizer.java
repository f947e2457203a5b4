package io.migrescue.migration.python;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Python source into tokens in one linear pass: names, numbers, strings (every prefix, triple-quoted ones
 * included), operators and logical line ends (a NEWLINE only where brackets are closed and no backslash continues the
 * line). Comments are dropped. Nothing here backtracks, so hostile input costs time proportional to its length.
 */
public final class PyTokenizer {
    private static final String[] OPERATORS = {
        "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "==", "!=", "<=", ">=", "<<", ">>", "+=", "-=", "*=",
        "/=", "%=", "&=", "|=", "^=", "@="
    };

    private final String src;
    private final List<PyToken> tokens = new ArrayList<>();
    private int pos;
    private int line = 1;
    private int lineStart;
    private int depth;

    private PyTokenizer(String src) {
        this.src = src;
    }

    public static List<PyToken> tokens(String source) {
        PyTokenizer t = new PyTokenizer(source);
        t.run();
        return t.tokens;
    }

    private void run() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                newline();
            } else if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
                pos += 2;
                line++;
                lineStart = pos;
            } else if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
            } else if (stringStart(pos) >= 0) {
                string(stringStart(pos));
            } else if (Character.isJavaIdentifierStart(c)) {
                int s = pos;
                while (pos < src.length() && Character.isJavaIdentifierPart(src.charAt(pos))) {
                    pos++;
                }
                add(PyToken.Kind.NAME, src.substring(s, pos), s);
            } else if (Character.isDigit(c)
                    || c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1))) {
                int s = pos;
                while (pos < src.length()
                        && (Character.isLetterOrDigit(src.charAt(pos))
                                || src.charAt(pos) == '.'
                                || src.charAt(pos) == '_')) {
                    pos++;
                }
                add(PyToken.Kind.NUMBER, src.substring(s, pos).replace("_", ""), s);
            } else {
                operator(c);
            }
        }
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() != PyToken.Kind.NEWLINE) {
            add(PyToken.Kind.NEWLINE, "", pos);
        }
        tokens.add(new PyToken(PyToken.Kind.END, "", pos, pos, line, 0));
    }

    private void newline() {
        if (depth == 0 && !tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() != PyToken.Kind.NEWLINE) {
            add(PyToken.Kind.NEWLINE, "", pos);
        }
        pos++;
        line++;
        lineStart = pos;
    }

    private void operator(char c) {
        int s = pos;
        for (String op : OPERATORS) {
            if (src.startsWith(op, pos)) {
                pos += op.length();
                add(PyToken.Kind.OP, op, s);
                return;
            }
        }
        if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
            depth--;
        }
        pos++;
        add(PyToken.Kind.OP, String.valueOf(c), s);
    }

    /** Where the quote of a string starting at {@code at} is (after a prefix such as {@code rb}), or -1. */
    private int stringStart(int at) {
        int i = at;
        while (i < src.length() && i - at < 2 && "rRbBuUfF".indexOf(src.charAt(i)) >= 0) {
            i++;
        }
        if (i < src.length() && (src.charAt(i) == '\'' || src.charAt(i) == '"')) {
            return i;
        }
        return -1;
    }

    private void string(int quoteAt) {
        int s = pos;
        int startLine = line;
        int startColumn = s - lineStart;
        boolean raw =
                src.substring(s, quoteAt).toLowerCase(java.util.Locale.ROOT).contains("r");
        char q = src.charAt(quoteAt);
        boolean triple = src.startsWith(String.valueOf(q).repeat(3), quoteAt);
        String close = triple ? String.valueOf(q).repeat(3) : String.valueOf(q);
        pos = quoteAt + close.length();
        StringBuilder value = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (src.startsWith(close, pos)) {
                pos += close.length();
                tokens.add(new PyToken(PyToken.Kind.STRING, value.toString(), s, pos, startLine, startColumn));
                return;
            }
            if (c == '\n') {
                if (!triple) {
                    break;
                }
                line++;
                lineStart = pos + 1;
            }
            if (c == '\\' && pos + 1 < src.length()) {
                char n = src.charAt(pos + 1);
                if (raw) {
                    value.append(c).append(n);
                } else {
                    value.append(escape(n));
                }
                if (n == '\n') {
                    line++;
                    lineStart = pos + 2;
                }
                pos += 2;
                continue;
            }
            value.append(c);
            pos++;
        }
        // unterminated: kept as what was read, so the caller reports the call it sits in as not understood
        tokens.add(new PyToken(PyToken.Kind.STRING, value.toString(), s, pos, startLine, startColumn));
    }

    private static String escape(char n) {
        return switch (n) {
            case 'n' -> "\n";
            case 't' -> "\t";
            case 'r' -> "\r";
            case '0' -> "\0";
            case '\n' -> "";
            case '\\', '\'', '"' -> String.valueOf(n);
            default -> "\\" + n;
        };
    }

    private void add(PyToken.Kind kind, String text, int start) {
        tokens.add(new PyToken(kind, text, start, kind == PyToken.Kind.NEWLINE ? start : pos, line, start - lineStart));
    }
}
