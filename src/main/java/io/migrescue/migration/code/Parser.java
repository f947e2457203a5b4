package io.migrescue.migration.code;

import io.migrescue.migration.code.Lexer.Language;
import io.migrescue.migration.code.Node.Opaque;
import io.migrescue.migration.code.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * A small, forgiving parser for migration code in JavaScript/TypeScript or Ruby: statements, calls (Ruby's without
 * parentheses too), member chains, literals, objects/hashes, arrays, functions, arrow functions, Ruby blocks, classes
 * and methods. What it does not model (conditions, loops, operators) becomes an {@link Opaque} node with its text.
 *
 * <p>Bounded: brackets are matched once up front, every loop consumes at least one token, and nesting deeper than
 * {@value TokenCursor#MAX_DEPTH} levels stops the parse (the rest of the source becomes one opaque node), so hostile input costs
 * linear time and no deep recursion.
 *
 * <p>The grammar is split by concept: {@link TokenCursor} (position, brackets, depth), {@link ArgumentSyntax},
 * {@link ExpressionSyntax}, {@link RubySyntax} and {@link JsSyntax}; this class is the entry point and the statement loop.
 */
public final class Parser extends JsSyntax {
    private Parser(String src, Language language) {
        super(src, language);
    }

    /** The top-level statements of {@code source}. */
    public static List<Node> parse(String source, Language language) {
        Parser p = new Parser(source, language);
        try {
            return p.statements(p.t.size() - 1);
        } catch (TooDeep e) {
            return List.of(new Opaque(1, "(code nested deeper than " + MAX_DEPTH + " levels)"));
        }
    }

    @Override
    List<Node> statements(int end) {
        enter();
        List<Node> out = new ArrayList<>();
        while (true) {
            while (i < end && (is(";") || tok().kind() == Kind.NEWLINE)) {
                i++;
            }
            if (i >= end || atEof() || ruby && (is("end") || is("}"))) {
                break;
            }
            int start = i;
            Node s = ruby ? rubyStatement() : jsStatement(end);
            if (i == start) {
                i++;
                s = new Opaque(line(start), text(start));
            }
            out.add(s);
        }
        depth--;
        return out;
    }
}
