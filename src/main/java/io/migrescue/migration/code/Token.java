package io.migrescue.migration.code;

/**
 * One token of a JavaScript/TypeScript or Ruby source.
 *
 * @param value a string literal's value with its escapes resolved, null when it interpolates ({@code ${…}},
 *              {@code #{…}}) and so has no value known before it runs; a symbol's name; otherwise the text
 * @param start offset of its first character in the source
 * @param end   offset after its last character (for a heredoc: after its opener, the body lies on later lines)
 */
public record Token(Kind kind, String text, String value, int line, int start, int end) {

    public enum Kind {
        IDENT,
        STRING,
        NUMBER,
        SYMBOL,
        PUNCT,
        NEWLINE,
        EOF
    }

    public boolean is(String punctOrWord) {
        return (kind == Kind.PUNCT || kind == Kind.IDENT) && text.equals(punctOrWord);
    }
}
