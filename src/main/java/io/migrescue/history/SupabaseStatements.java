package io.migrescue.history;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements of a migration file as the Supabase CLI stores them in {@code schema_migrations.statements}: a port of
 * its tokenizer (pkg/parser, state.go and token.go; CLI v2), quirks included, so a recorded row holds the text the CLI
 * itself would. A statement ends at a {@code ;} outside quotes, comments, dollar quotes, parentheses and
 * {@code BEGIN ATOMIC … END}; comments before it stay part of it; each is trimmed of its {@code ;} and white space, and
 * empty ones are dropped ({@code SplitAndTrim}).
 */
final class SupabaseStatements {
    private SupabaseStatements() {}

    static List<String> split(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        State state = new Ready();
        for (int i = 0; i < sql.length(); ) {
            int rune = sql.codePointAt(i);
            i += Character.charCount(rune);
            token.appendCodePoint(rune);
            state = state.next(rune, token);
            if (state == null) {
                add(statements, token);
                token.setLength(0);
                state = new Ready();
            }
        }
        add(statements, token);
        return statements;
    }

    private static void add(List<String> statements, CharSequence token) {
        String trimmed = token.toString().replaceFirst(";+$", "").strip();
        if (!trimmed.isEmpty()) {
            statements.add(trimmed);
        }
    }

    private static boolean endsWith(CharSequence data, String suffix, boolean ignoreCase) {
        int from = data.length() - suffix.length();
        return from >= 0
                && data.subSequence(from, data.length())
                        .toString()
                        .regionMatches(ignoreCase, 0, suffix, 0, suffix.length());
    }

    /** One state of the CLI's tokenizer; null means "emit the statement". */
    private interface State {
        State next(int rune, CharSequence data);
    }

    private static final class Ready implements State {
        @Override
        public State next(int rune, CharSequence data) {
            switch (rune) {
                case '$':
                    return new Tag(data.length() - 1);
                case '\'', '"':
                    return new Quote(rune);
                case '-':
                    return new Comment();
                case '/':
                    return new Block();
                case '\\':
                    return new Escape();
                case ';':
                    return null;
                case '(':
                    return new Atomic(this, ")");
                case 'c', 'C':
                    int offset = data.length() - "ATOMIC".length();
                    if (offset > 0
                            && endsWith(data, "ATOMIC", true)
                            && Character.isWhitespace(data.charAt(offset - 1))) {
                        return new Atomic(this, "END");
                    }
                    return this;
                default:
                    return this;
            }
        }
    }

    /** After one {@code -}: a second starts a line comment, anything else was a minus. */
    private static final class Comment implements State {
        @Override
        public State next(int rune, CharSequence data) {
            return rune == '-' ? new Dollar("\n") : new Ready().next(rune, data);
        }
    }

    /** After {@code /}: {@code /*} opens a (nesting) block comment. */
    private static final class Block implements State {
        private int depth;

        @Override
        public State next(int rune, CharSequence data) {
            if (endsWith(data, "/*", false)) {
                depth++;
                return this;
            }
            if (depth == 0) {
                return new Ready().next(rune, data);
            }
            if (endsWith(data, "*/", false) && --depth == 0) {
                return new Ready();
            }
            return this;
        }
    }

    /** Inside {@code '…'} or {@code "…"}, where a doubled delimiter is one character. */
    private static final class Quote implements State {
        private final int delimiter;
        private boolean escape;

        Quote(int delimiter) {
            this.delimiter = delimiter;
        }

        @Override
        public State next(int rune, CharSequence data) {
            if (escape) {
                if (rune == delimiter) {
                    escape = false;
                    return this;
                }
                return new Ready().next(rune, data);
            }
            if (rune == delimiter) {
                escape = true;
            }
            return this;
        }
    }

    /** Until the delimiter: a dollar quote's tag, or the end of a line comment. */
    private record Dollar(String delimiter) implements State {
        @Override
        public State next(int rune, CharSequence data) {
            return endsWith(data, delimiter, false) ? new Ready() : this;
        }
    }

    /** After {@code $}: a tag of letters, digits and {@code _} closed by {@code $} opens a dollar quote. */
    private record Tag(int offset) implements State {
        @Override
        public State next(int rune, CharSequence data) {
            if (rune == '$') {
                return new Dollar(data.subSequence(offset, data.length()).toString());
            }
            if (Character.isLetter(rune) || Character.isDigit(rune) || rune == '_') {
                return this;
            }
            return new Ready().next(rune, data);
        }
    }

    private static final class Escape implements State {
        @Override
        public State next(int rune, CharSequence data) {
            return new Ready();
        }
    }

    /**
     * Inside parentheses or a {@code BEGIN ATOMIC} body: the enclosing state goes on reading (so quotes still count),
     * and a {@code ;} does not end the statement until the closing delimiter is read outside a quote.
     */
    private static final class Atomic implements State {
        private State prev;
        private final String delimiter;

        Atomic(State prev, String delimiter) {
            this.prev = prev;
            this.delimiter = delimiter;
        }

        @Override
        public State next(int rune, CharSequence data) {
            State current = prev.next(rune, data);
            if (current != null) {
                prev = current;
            }
            if (prev instanceof Ready && endsWith(data, delimiter, true)) {
                return new Ready();
            }
            return this;
        }
    }
}
