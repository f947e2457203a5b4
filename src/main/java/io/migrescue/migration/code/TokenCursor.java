package io.migrescue.migration.code;

import io.migrescue.migration.code.Lexer.Language;
import io.migrescue.migration.code.Token.Kind;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * The parser's position in the token list, with the brackets matched once up front and the nesting depth bounded:
 * what every part of the {@link Parser} reads tokens with.
 */
abstract class TokenCursor {
    static final int MAX_DEPTH = 150;
    static final Set<String> JS_MODIFIERS = Set.of(
            "public",
            "private",
            "protected",
            "static",
            "readonly",
            "async",
            "override",
            "declare",
            "abstract",
            "get",
            "set");

    final String src;
    final List<Token> t;
    final boolean ruby;
    final int[] match;
    int i;
    int depth;

    /** Thrown past {@link #MAX_DEPTH} levels, caught once at the top: the parse stops instead of recursing deeper. */
    static final class TooDeep extends RuntimeException {
        TooDeep() {
            super(null, null, false, false);
        }
    }

    TokenCursor(String src, Language language) {
        this.src = src;
        this.t = Lexer.tokens(src, language);
        this.ruby = language == Language.RUBY;
        this.match = matchBrackets(t);
    }

    private static int[] matchBrackets(List<Token> tokens) {
        int[] match = new int[tokens.size()];
        java.util.Arrays.fill(match, -1);
        Deque<Integer> open = new ArrayDeque<>();
        for (int k = 0; k < tokens.size(); k++) {
            Token tok = tokens.get(k);
            if (tok.kind() != Kind.PUNCT) {
                continue;
            }
            switch (tok.text()) {
                case "(", "[", "{" -> open.push(k);
                case ")", "]", "}" -> {
                    if (!open.isEmpty()) {
                        int o = open.pop();
                        match[o] = k;
                        match[k] = o;
                    }
                }
                default -> {}
            }
        }
        return match;
    }

    Token tok() {
        return t.get(Math.min(i, t.size() - 1));
    }

    Token at(int k) {
        return t.get(Math.min(Math.max(k, 0), t.size() - 1));
    }

    boolean is(String text) {
        return tok().is(text);
    }

    boolean atEof() {
        return tok().kind() == Kind.EOF;
    }

    /** The index after the bracket at {@code k}'s partner, or the end when it has none. */
    int after(int k) {
        return match[k] < 0 ? t.size() - 1 : match[k] + 1;
    }

    String text(int from) {
        int last = Math.max(from, i - 1);
        if (from >= t.size() - 1) {
            return "";
        }
        int end = Math.min(last, t.size() - 2);
        return src.substring(
                t.get(from).start(), Math.max(t.get(from).start(), t.get(end).end()));
    }

    int line(int from) {
        return at(from).line();
    }

    void enter() {
        if (++depth > MAX_DEPTH) {
            throw new TooDeep();
        }
    }

    void skipNewlines() {
        while (tok().kind() == Kind.NEWLINE) {
            i++;
        }
    }

    /** The statements up to token index {@code end} (exclusive), or (Ruby) up to an {@code end} keyword at this level. */
    abstract List<Node> statements(int end);
}
