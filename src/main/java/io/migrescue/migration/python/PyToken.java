package io.migrescue.migration.python;

/**
 * One token of Python source.
 *
 * @param kind   what it is
 * @param text   the source text (for a string: its value, quotes and prefix removed, escapes resolved)
 * @param start  offset of its first character in the source
 * @param end    offset after its last character
 * @param line   1-based line it starts on
 * @param column 0-based column it starts at (the indentation, for the first token of a line)
 */
public record PyToken(Kind kind, String text, int start, int end, int line, int column) {
    public enum Kind {
        NAME,
        NUMBER,
        STRING,
        OP,
        NEWLINE,
        END
    }

    public boolean is(Kind k, String t) {
        return kind == k && text.equals(t);
    }

    public boolean op(String t) {
        return is(Kind.OP, t);
    }
}
