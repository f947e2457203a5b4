package io.migrescue.sql;

import io.migrescue.model.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The code tokens of one statement (comments and whitespace dropped), with their place in the text and their
 * parenthesis depth, as a view over a range. The effect readers use it to find clause boundaries and to make narrow,
 * quote-safe edits before JSqlParser sees a statement.
 */
final class Tokens {

    enum Type {
        WORD,
        QUOTED,
        STRING,
        NUMBER,
        SYMBOL,
        OTHER
    }

    /** {@code depth} counts the parentheses open before the token; a parenthesis pair shares its outer depth. */
    record Token(Type type, String text, int start, int end, int depth) {

        boolean is(String word) {
            return type == Type.WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(String symbol) {
            return type == Type.SYMBOL && text.equals(symbol);
        }

        /** A word or a quoted identifier; on MySQL a double-quoted run counts too (a name under ANSI_QUOTES). */
        boolean isName() {
            return type == Type.WORD || type == Type.QUOTED || (type == Type.STRING && text.startsWith("\""));
        }

        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }
    }

    private final String sql;
    private final List<Token> all;
    private final int from;
    private final int to;

    private Tokens(String sql, List<Token> all, int from, int to) {
        this.sql = sql;
        this.all = all;
        this.from = from;
        this.to = to;
    }

    static Tokens of(String sql, Engine engine) {
        List<Token> tokens = new ArrayList<>();
        int depth = 0;
        int i = 0;
        while (i < sql.length()) {
            SqlScanner.Span span = SqlScanner.at(sql, i, engine);
            if (span != null) {
                Type type = switch (span.kind()) {
                    case LINE_COMMENT, BLOCK_COMMENT -> null;
                    case QUOTED_IDENTIFIER -> Type.QUOTED;
                    case STRING, DOLLAR_STRING -> Type.STRING;
                    case EXECUTABLE_COMMENT -> Type.OTHER;
                };
                if (type != null) {
                    tokens.add(new Token(type, sql.substring(i, span.end()), i, span.end(), depth));
                }
                i = span.end();
                continue;
            }
            char c = sql.charAt(i);
            int end = i + 1;
            Type type = Type.SYMBOL;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            } else if (SqlScanner.isIdentifierStart(c)) {
                end = scan(sql, i, SqlScanner::isIdentifierChar);
                type = Type.WORD;
            } else if (Character.isDigit(c)) {
                end = scan(sql, i, ch -> Character.isLetterOrDigit(ch) || ch == '.' || ch == '_');
                type = Type.NUMBER;
            } else if (c == ':' && end < sql.length() && sql.charAt(end) == ':') {
                end++;
            }
            if (c == ')') {
                depth = Math.max(0, depth - 1);
            }
            tokens.add(new Token(type, sql.substring(i, end), i, end, depth));
            if (c == '(') {
                depth++;
            }
            i = end;
        }
        return new Tokens(sql, List.copyOf(tokens), 0, tokens.size());
    }

    private interface CharTest {
        boolean test(char c);
    }

    private static int scan(String s, int i, CharTest test) {
        int j = i;
        while (j < s.length() && test.test(s.charAt(j))) {
            j++;
        }
        return j;
    }

    String sql() {
        return sql;
    }

    int size() {
        return to - from;
    }

    boolean isEmpty() {
        return size() == 0;
    }

    Token get(int i) {
        return all.get(from + i);
    }

    /** Whether the words (or single-character symbols) starting at {@code i} are these, ignoring case. */
    boolean is(int i, String... words) {
        if (i < 0) {
            return false;
        }
        for (int k = 0; k < words.length; k++) {
            if (i + k >= size()) {
                return false;
            }
            Token t = get(i + k);
            if (!(t.is(words[k]) || t.isSymbol(words[k]))) {
                return false;
            }
        }
        return true;
    }

    Tokens sub(int start, int end) {
        return new Tokens(sql, all, from + start, from + end);
    }

    Tokens from(int start) {
        return sub(start, size());
    }

    /** Depth of the range's own level: that of its first token. */
    int baseDepth() {
        return isEmpty() ? 0 : get(0).depth();
    }

    /** Whether token {@code i} sits at the range's own level (not inside parentheses it opens). */
    boolean atTop(int i) {
        return get(i).depth() == baseDepth();
    }

    /** Index of the parenthesis closing the one at {@code open}, or {@link #size()} when unbalanced. */
    int closing(int open) {
        int depth = get(open).depth();
        for (int i = open + 1; i < size(); i++) {
            if (get(i).isSymbol(")") && get(i).depth() == depth) {
                return i;
            }
        }
        return size();
    }

    /** The pieces between top-level commas; empty pieces are dropped. */
    List<Tokens> splitTopLevel() {
        List<Tokens> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= size(); i++) {
            if (i == size() || (get(i).isSymbol(",") && atTop(i))) {
                if (i > start) {
                    parts.add(sub(start, i));
                }
                start = i + 1;
            }
        }
        return parts;
    }

    /** Index of the first top-level occurrence of the word at or after {@code start}, or -1. */
    int find(String word, int start) {
        for (int i = start; i < size(); i++) {
            if (atTop(i) && get(i).is(word)) {
                return i;
            }
        }
        return -1;
    }

    /** The text as written, from the first token to the last, comments inside included. */
    String text() {
        return isEmpty() ? "" : sql.substring(get(0).start(), get(size() - 1).end());
    }

    /** The tokens as written, any whitespace or comment between two of them reduced to one space. */
    String compact() {
        return rewritten(i -> get(i).text());
    }

    /**
     * The tokens with some rewritten: {@code rewrite} returns a token's replacement, or null to drop it. Tokens keep
     * one space between them where the text had any gap.
     */
    String rewritten(IntFunction<String> rewrite) {
        StringBuilder b = new StringBuilder();
        int lastEnd = -1;
        for (int i = 0; i < size(); i++) {
            Token t = get(i);
            String text = rewrite.apply(i);
            if (text != null && !text.isEmpty()) {
                if (b.length() > 0 && (t.start() > lastEnd || !text.equals(t.text()))) {
                    b.append(' ');
                }
                b.append(text);
            }
            lastEnd = t.end();
        }
        return b.toString();
    }
}
