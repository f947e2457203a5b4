package io.migrescue.migration.code;

import io.migrescue.migration.code.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits JavaScript/TypeScript or Ruby source into tokens in one linear pass: comments dropped, string literals
 * (quotes, JavaScript templates, Ruby heredocs) resolved to their value, or to none when they interpolate. Ruby gets
 * NEWLINE tokens (a line ends a call written without parentheses); JavaScript does not need them. Never throws on
 * odd input: an unterminated literal runs to the end of the source.
 */
public final class Lexer {
    public enum Language {
        JAVASCRIPT,
        RUBY
    }

    private static final String[] PUNCTUATION = {
        "...", "===", "!==", "**=", "<=>", "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "::", "->", "+=", "-=",
        "*=", "/=", "++", "--", "<<", ">>", "**"
    };

    final String src;
    private final Language language;
    final List<Token> tokens = new ArrayList<>();
    private final RubyHeredocs heredocs = new RubyHeredocs(this);
    // read and moved on by RubyHeredocs too
    int pos;
    int line = 1;

    private Lexer(String src, Language language) {
        this.src = src;
        this.language = language;
    }

    public static List<Token> tokens(String source, Language language) {
        Lexer lexer = new Lexer(source, language);
        lexer.run();
        return lexer.tokens;
    }

    private boolean ruby() {
        return language == Language.RUBY;
    }

    private void run() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                if (ruby()) {
                    add(Kind.NEWLINE, "\n", "\n", pos, pos + 1);
                }
                pos++;
                line++;
                heredocs.readBodies();
                if (ruby() && src.startsWith("=begin", pos)) {
                    skipBlockDoc();
                }
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (ruby() && c == '#') {
                skipToLineEnd();
            } else if (!ruby() && c == '/' && peek(1) == '/') {
                skipToLineEnd();
            } else if (!ruby() && c == '/' && peek(1) == '*') {
                skipBlockComment();
            } else if (c == '"' || c == '\'') {
                quoted(c);
            } else if (c == '`' && !ruby()) {
                template();
            } else if (ruby() && c == ':' && peek(1) == '"') {
                int start = pos;
                pos++;
                quoted('"');
                Token s = tokens.remove(tokens.size() - 1);
                add(Kind.SYMBOL, src.substring(start, pos), s.value(), start, pos);
            } else if (ruby() && c == ':' && identStart(peek(1)) && !previousIsName()) {
                int start = pos;
                pos++;
                identifierEnd();
                add(Kind.SYMBOL, src.substring(start, pos), src.substring(start + 1, pos), start, pos);
            } else if (ruby() && c == '<' && RubyHeredocs.ahead(src, pos)) {
                heredocs.open();
            } else if (Character.isDigit(c)) {
                number();
            } else if (identStart(c) || (ruby() && (c == '@' || c == '$') && identStart(peek(1)))) {
                int start = pos;
                pos++;
                identifierEnd();
                if (ruby()
                        && pos < src.length()
                        && (src.charAt(pos) == '?' || src.charAt(pos) == '!')
                        && peek(1) != '=') {
                    pos++;
                }
                add(Kind.IDENT, src.substring(start, pos), src.substring(start, pos), start, pos);
            } else {
                punctuation();
            }
        }
        add(Kind.EOF, "", "", src.length(), src.length());
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < src.length() ? src.charAt(i) : '\0';
    }

    private static boolean identStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    private static boolean identPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    void identifierEnd() {
        while (pos < src.length() && identPart(src.charAt(pos))) {
            pos++;
        }
    }

    /** {@code a ? b :c} is rare in migrations; {@code x::Y} and {@code key:value} right after a name are not symbols. */
    private boolean previousIsName() {
        if (pos == 0) {
            return false;
        }
        char before = src.charAt(pos - 1);
        return identPart(before) || before == ':' || before == ')' || before == ']';
    }

    private void add(Kind kind, String text, String value, int start, int end) {
        tokens.add(new Token(kind, text, value, line, start, end));
    }

    private void skipToLineEnd() {
        while (pos < src.length() && src.charAt(pos) != '\n') {
            pos++;
        }
    }

    private void skipBlockComment() {
        int end = src.indexOf("*/", pos + 2);
        int stop = end < 0 ? src.length() : end + 2;
        countLines(pos, stop);
        pos = stop;
    }

    private void skipBlockDoc() {
        int end = src.indexOf("\n=end", pos);
        int stop = end < 0 ? src.length() : end + 5;
        countLines(pos, stop);
        pos = stop;
        skipToLineEnd();
    }

    private void countLines(int from, int to) {
        for (int i = from; i < to; i++) {
            if (src.charAt(i) == '\n') {
                line++;
            }
        }
    }

    private void number() {
        int start = pos;
        while (pos < src.length()
                && (identPart(src.charAt(pos)) || src.charAt(pos) == '.' && Character.isDigit(peek(1)))) {
            pos++;
        }
        add(Kind.NUMBER, src.substring(start, pos), src.substring(start, pos).replace("_", ""), start, pos);
    }

    private void punctuation() {
        for (String p : PUNCTUATION) {
            if (src.startsWith(p, pos)) {
                add(Kind.PUNCT, p, p, pos, pos + p.length());
                pos += p.length();
                return;
            }
        }
        add(Kind.PUNCT, String.valueOf(src.charAt(pos)), String.valueOf(src.charAt(pos)), pos, pos + 1);
        pos++;
    }

    /** '…' or "…": JavaScript escapes in both; Ruby resolves escapes and {@code #{…}} only inside double quotes. */
    private void quoted(char quote) {
        int start = pos;
        int startLine = line;
        pos++;
        StringBuilder value = new StringBuilder();
        boolean dynamic = false;
        boolean rubySingle = ruby() && quote == '\'';
        while (pos < src.length() && src.charAt(pos) != quote) {
            char c = src.charAt(pos);
            if (c == '\\' && pos + 1 < src.length()) {
                char next = src.charAt(pos + 1);
                if (rubySingle) {
                    value.append(next == '\\' || next == '\'' ? String.valueOf(next) : "\\" + next);
                } else {
                    value.append(escape(next));
                }
                if (next == '\n') {
                    line++;
                }
                pos += 2;
                continue;
            }
            if (ruby() && !rubySingle && c == '#' && peek(1) == '{') {
                dynamic = true;
            }
            take(value, c);
        }
        closeString(start, startLine, value, dynamic);
    }

    /** One character of a literal, as written (a line break inside it still counts as a line). */
    private void take(StringBuilder value, char c) {
        if (c == '\n') {
            line++;
        }
        value.append(c);
        pos++;
    }

    /** Past the closing quote: the literal's token, with no value when it interpolates. */
    private void closeString(int start, int startLine, StringBuilder value, boolean dynamic) {
        pos = Math.min(pos + 1, src.length());
        tokens.add(new Token(
                Kind.STRING, src.substring(start, pos), dynamic ? null : value.toString(), startLine, start, pos));
    }

    private static String escape(char c) {
        return switch (c) {
            case 'n' -> "\n";
            case 't' -> "\t";
            case 'r' -> "\r";
            case '0' -> "\0";
            case '\n' -> "";
            default -> String.valueOf(c);
        };
    }

    /** A JavaScript template literal; {@code ${…}} makes it dynamic (its braces are skipped, strings inside too). */
    private void template() {
        int start = pos;
        int startLine = line;
        pos++;
        StringBuilder value = new StringBuilder();
        boolean dynamic = false;
        while (pos < src.length() && src.charAt(pos) != '`') {
            char c = src.charAt(pos);
            if (c == '\\' && pos + 1 < src.length()) {
                value.append(escape(src.charAt(pos + 1)));
                pos += 2;
                continue;
            }
            if (c == '$' && peek(1) == '{') {
                dynamic = true;
                skipInterpolation();
                continue;
            }
            take(value, c);
        }
        closeString(start, startLine, value, dynamic);
    }

    /** From {@code ${} to its closing brace; nested templates are not followed (they do not occur in migrations). */
    private void skipInterpolation() {
        int depth = 0;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                line++;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                pos++;
                return;
            } else if (c == '`') {
                return; // the template ends here: the interpolation was not closed
            }
            pos++;
        }
    }
}
