package io.migrescue.migration.code;

import io.migrescue.migration.code.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Ruby heredocs ({@code <<~SQL}, {@code <<-SQL}, {@code <<SQL}, {@code <<~'SQL'} without interpolation) for the
 * {@link Lexer}: the opener becomes a string token at once, its body is read at the start of the next line (several
 * may be opened on one line) and fills that token in. Kept apart because only Ruby has them and they read ahead of
 * the lexer's line.
 */
final class RubyHeredocs {
    /** A heredoc opened on the current line: its token, whether it interpolates, its flavour and terminator. */
    private record Pending(int token, boolean literal, char flavour, String id) {}

    private final Lexer lexer;
    private final List<Pending> pending = new ArrayList<>();

    RubyHeredocs(Lexer lexer) {
        this.lexer = lexer;
    }

    static boolean ahead(String src, int pos) {
        if (!src.startsWith("<<", pos)) {
            return false;
        }
        int i = pos + 2;
        char c = i < src.length() ? src.charAt(i) : '\0';
        if (c == '~' || c == '-') {
            c = i + 1 < src.length() ? src.charAt(i + 1) : '\0';
            return Character.isLetter(c) || c == '_' || c == '\'' || c == '"';
        }
        return Character.isUpperCase(c) || c == '\'' || c == '"';
    }

    /** The opener at the lexer's position: a string token now, its body after the line ends. */
    void open() {
        String src = lexer.src;
        int start = lexer.pos;
        lexer.pos += 2;
        char flavour = src.charAt(lexer.pos);
        if (flavour == '~' || flavour == '-') {
            lexer.pos++;
        } else {
            flavour = ' ';
        }
        boolean literal = src.charAt(lexer.pos) == '\'';
        String id;
        if (src.charAt(lexer.pos) == '\'' || src.charAt(lexer.pos) == '"') {
            char q = src.charAt(lexer.pos);
            int close = src.indexOf(q, lexer.pos + 1);
            close = close < 0 ? src.length() : close;
            id = src.substring(lexer.pos + 1, close);
            lexer.pos = Math.min(close + 1, src.length());
        } else {
            int idStart = lexer.pos;
            lexer.identifierEnd();
            id = src.substring(idStart, lexer.pos);
        }
        lexer.tokens.add(new Token(Kind.STRING, src.substring(start, lexer.pos), "", lexer.line, start, lexer.pos));
        pending.add(new Pending(lexer.tokens.size() - 1, literal, flavour, id));
    }

    /** At the start of the line after the openers: each body up to its terminator line, in order. */
    void readBodies() {
        String src = lexer.src;
        for (Pending p : pending) {
            boolean indentedEnd = p.flavour() != ' ';
            List<String> lines = new ArrayList<>();
            boolean dynamic = false;
            while (lexer.pos < src.length()) {
                int eol = src.indexOf('\n', lexer.pos);
                int end = eol < 0 ? src.length() : eol;
                String text = src.substring(lexer.pos, end);
                lexer.pos = eol < 0 ? src.length() : eol + 1;
                lexer.line++;
                if ((indentedEnd ? text.strip() : text).equals(p.id())) {
                    break;
                }
                if (!p.literal() && text.contains("#{")) {
                    dynamic = true;
                }
                lines.add(text);
            }
            String body = p.flavour() == '~' ? dedent(lines) : String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");
            Token opener = lexer.tokens.get(p.token());
            lexer.tokens.set(
                    p.token(),
                    new Token(
                            Kind.STRING,
                            opener.text(),
                            dynamic ? null : body,
                            opener.line(),
                            opener.start(),
                            opener.end()));
        }
        pending.clear();
        // the lexer is now at the start of the line after the last terminator, and its line counts the lines consumed
    }

    private static String dedent(List<String> lines) {
        int indent = Integer.MAX_VALUE;
        for (String l : lines) {
            if (!l.isBlank()) {
                int i = 0;
                while (i < l.length() && (l.charAt(i) == ' ' || l.charAt(i) == '\t')) {
                    i++;
                }
                indent = Math.min(indent, i);
            }
        }
        StringBuilder out = new StringBuilder();
        for (String l : lines) {
            out.append(l.isBlank() ? "" : l.substring(Math.min(indent, l.length())))
                    .append('\n');
        }
        return out.toString();
    }
}
