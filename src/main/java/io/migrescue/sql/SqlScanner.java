package io.migrescue.sql;

import io.migrescue.model.Engine;

/**
 * The lexical rules the splitter and the tokenizer share: where a comment, a quoted run or a dollar-quoted body that
 * starts at a given position ends, per dialect. Unterminated runs end at the end of the text.
 */
final class SqlScanner {

    enum Kind {
        LINE_COMMENT,
        BLOCK_COMMENT,
        /** MySQL {@code /*! … *}{@code /} and MariaDB {@code /*M! … *}{@code /}: run by the server, so they are code. */
        EXECUTABLE_COMMENT,
        STRING,
        QUOTED_IDENTIFIER,
        DOLLAR_STRING;

        boolean isComment() {
            return this == LINE_COMMENT || this == BLOCK_COMMENT;
        }
    }

    /** A run from {@code start} (inclusive) to {@code end} (exclusive). */
    record Span(Kind kind, int start, int end) {}

    private SqlScanner() {}

    /** The comment or quoted run starting at {@code i}, or null when {@code i} holds plain code. */
    static Span at(String s, int i, Engine engine) {
        boolean mysql = engine.isMySqlFamily();
        char c = s.charAt(i);
        char next = i + 1 < s.length() ? s.charAt(i + 1) : '\0';
        switch (c) {
            case '\'':
                // MySQL treats backslash as an escape in strings by default; PostgreSQL only in E'…' strings
                return new Span(Kind.STRING, i, endOfQuoted(s, i + 1, '\'', mysql));
            case '"':
                // PostgreSQL: an identifier. MySQL: a string, unless ANSI_QUOTES; either way a quoted run
                return mysql
                        ? new Span(Kind.STRING, i, endOfQuoted(s, i + 1, '"', true))
                        : new Span(Kind.QUOTED_IDENTIFIER, i, endOfQuoted(s, i + 1, '"', false));
            case '`':
                return mysql ? new Span(Kind.QUOTED_IDENTIFIER, i, endOfQuoted(s, i + 1, '`', false)) : null;
            case '-':
                // MySQL needs a space or control character after "--" (so 1--1 is arithmetic); PostgreSQL does not
                if (next == '-' && (!mysql || i + 2 >= s.length() || s.charAt(i + 2) <= ' ')) {
                    return new Span(Kind.LINE_COMMENT, i, endOfLine(s, i));
                }
                return null;
            case '#':
                return mysql ? new Span(Kind.LINE_COMMENT, i, endOfLine(s, i)) : null;
            case '/':
                return next == '*' ? blockComment(s, i, mysql) : null;
            case 'E':
            case 'e':
                if (!mysql && next == '\'' && !isIdentifierPart(s, i - 1)) {
                    return new Span(Kind.STRING, i, endOfQuoted(s, i + 2, '\'', true));
                }
                return null;
            case '$':
                return mysql ? null : dollarQuoted(s, i);
            default:
                return null;
        }
    }

    /**
     * Both engines take any character beyond ASCII in a bare name (PostgreSQL: every byte from 0x80; MySQL: U+0080 to
     * U+FFFF), combining marks and symbols included.
     */
    static boolean isIdentifierChar(char c) {
        return c >= 0x80 ? !Character.isWhitespace(c) : Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    static boolean isIdentifierStart(char c) {
        return c >= 0x80 ? !Character.isWhitespace(c) : Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentifierPart(String s, int i) {
        return i >= 0 && isIdentifierChar(s.charAt(i));
    }

    /** Index after the closing quote; a doubled quote is an escaped quote, so is a backslash-escaped one if asked. */
    private static int endOfQuoted(String s, int from, char quote, boolean backslashEscapes) {
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return s.length();
    }

    private static int endOfLine(String s, int from) {
        int nl = s.indexOf('\n', from);
        return nl < 0 ? s.length() : nl;
    }

    private static Span blockComment(String s, int i, boolean mysql) {
        if (mysql) {
            boolean executable = i + 2 < s.length()
                    && (s.charAt(i + 2) == '!'
                            || (s.charAt(i + 2) == 'M' && i + 3 < s.length() && s.charAt(i + 3) == '!'));
            int close = s.indexOf("*/", i + 2);
            int end = close < 0 ? s.length() : close + 2;
            return new Span(executable ? Kind.EXECUTABLE_COMMENT : Kind.BLOCK_COMMENT, i, end);
        }
        // PostgreSQL block comments nest
        int depth = 0;
        int j = i;
        while (j < s.length() - 1) {
            if (s.charAt(j) == '/' && s.charAt(j + 1) == '*') {
                depth++;
                j += 2;
            } else if (s.charAt(j) == '*' && s.charAt(j + 1) == '/') {
                depth--;
                j += 2;
                if (depth == 0) {
                    return new Span(Kind.BLOCK_COMMENT, i, j);
                }
            } else {
                j++;
            }
        }
        return new Span(Kind.BLOCK_COMMENT, i, s.length());
    }

    /** {@code $$…$$} or {@code $tag$…$tag$}; a {@code $} inside an identifier or before a digit ({@code $1}) is not one. */
    private static Span dollarQuoted(String s, int i) {
        if (isIdentifierPart(s, i - 1)) {
            return null;
        }
        int j = i + 1;
        if (j < s.length() && Character.isDigit(s.charAt(j))) {
            return null;
        }
        while (j < s.length() && s.charAt(j) != '$') {
            char c = s.charAt(j);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return null;
            }
            j++;
        }
        if (j >= s.length()) {
            return null;
        }
        String tag = s.substring(i, j + 1);
        int close = s.indexOf(tag, j + 1);
        return new Span(Kind.DOLLAR_STRING, i, close < 0 ? s.length() : close + tag.length());
    }
}
