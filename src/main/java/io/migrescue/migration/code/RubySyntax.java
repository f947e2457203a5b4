package io.migrescue.migration.code;

import io.migrescue.migration.code.Lexer.Language;
import io.migrescue.migration.code.Node.Assign;
import io.migrescue.migration.code.Node.ClassDef;
import io.migrescue.migration.code.Node.Def;
import io.migrescue.migration.code.Node.Func;
import io.migrescue.migration.code.Node.Ident;
import io.migrescue.migration.code.Node.Member;
import io.migrescue.migration.code.Node.Obj;
import io.migrescue.migration.code.Node.Opaque;
import io.migrescue.migration.code.Token.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ruby's statements and what only Ruby has: {@code def}, {@code class}/{@code module} bodies up to {@code end}, blocks,
 * arguments without parentheses; a control structure ({@code if}, {@code case}, …) is skipped to its {@code end}.
 */
abstract class RubySyntax extends ExpressionSyntax {
    static final Set<String> RUBY_OPENERS_AT_START = Set.of("if", "unless", "while", "until", "case", "begin", "for");
    static final Set<String> RUBY_NOT_ARGS = Set.of(
            "do", "end", "if", "unless", "and", "or", "then", "while", "until", "rescue", "else", "elsif", "ensure",
            "when", "in", "not");

    RubySyntax(String src, Language language) {
        super(src, language);
    }

    Node rubyStatement() {
        int start = i;
        if (is("return")) {
            i++;
        }
        if (is("def")) {
            return rubyDef(start);
        }
        if (is("class") || is("module")) {
            return rubyClass(start);
        }
        if (RUBY_OPENERS_AT_START.contains(tok().text()) && tok().kind() == Kind.IDENT) {
            skipToRubyEnd();
            return new Opaque(line(start), text(start));
        }
        Node e = expression();
        if (is("=") && (e instanceof Ident || e instanceof Member)) {
            i++;
            Node value = expression();
            e = new Assign(dotted(e), value, line(start), text(start));
        }
        if (!rubyStatementEnds()) {
            skipRubyLine();
            return new Opaque(line(start), text(start));
        }
        return e;
    }

    boolean rubyStatementEnds() {
        return atEof() || tok().kind() == Kind.NEWLINE || is(";") || is("end") || is("}");
    }

    /** The rest of the line, brackets and do…end blocks included (a modifier {@code if}, an operator). */
    void skipRubyLine() {
        while (!atEof() && tok().kind() != Kind.NEWLINE && !is(";")) {
            if (is("(") || is("[") || is("{")) {
                i = after(i);
            } else if (is("do")) {
                skipToRubyEnd();
            } else if (is("end") || is("}")) {
                return;
            } else {
                i++;
            }
        }
    }

    /** From an opening keyword to its matching {@code end}, counting nested openers. */
    void skipToRubyEnd() {
        int level = 0;
        while (!atEof()) {
            Token tok = tok();
            boolean statementStart = i == 0
                    || at(i - 1).kind() == Kind.NEWLINE
                    || at(i - 1).is(";")
                    || at(i - 1).is("=");
            if (tok.kind() == Kind.IDENT
                    && (Set.of("do", "def", "class", "module", "begin", "case").contains(tok.text())
                            || statementStart && RUBY_OPENERS_AT_START.contains(tok.text()))) {
                level++;
            } else if (tok.is("end")) {
                level--;
                if (level <= 0) {
                    i++;
                    return;
                }
            } else if (tok.is("(") || tok.is("[") || tok.is("{")) {
                i = after(i);
                continue;
            }
            i++;
        }
    }

    Node rubyDef(int start) {
        i++; // def
        if (is("self") && at(i + 1).is(".")) {
            i += 2;
        }
        String name = tok().text();
        i++;
        List<String> params = List.of();
        if (is("(")) {
            params = params(i);
            i = after(i);
        }
        List<Node> body = statements(t.size() - 1);
        if (is("end")) {
            i++;
        }
        return new Def(name, new Func(params, body, line(start), text(start)), line(start), text(start));
    }

    Node rubyClass(int start) {
        i++; // class / module
        int nameStart = i;
        while (!atEof() && tok().kind() != Kind.NEWLINE && !is("<") && !is(";")) {
            i++;
        }
        String name = text(nameStart);
        String superclass = null;
        if (is("<")) {
            i++;
            int s = i;
            while (!atEof() && tok().kind() != Kind.NEWLINE && !is(";")) {
                i = is("[") || is("(") ? after(i) : i + 1;
            }
            superclass = text(s);
        }
        List<Node> body = statements(t.size() - 1);
        if (is("end")) {
            i++;
        }
        return new ClassDef(name.strip(), superclass, body, line(start), text(start));
    }

    @Override
    boolean bareArgsStart() {
        Token tok = tok();
        if (tok.kind() == Kind.NEWLINE
                || tok.kind() == Kind.EOF
                || tok.start() == at(i - 1).end() && tok.kind() == Kind.PUNCT) {
            return false;
        }
        return switch (tok.kind()) {
            case STRING, SYMBOL, NUMBER -> true;
            case IDENT -> !RUBY_NOT_ARGS.contains(tok.text());
            case PUNCT ->
                is("[")
                        || is("->")
                        || is("*")
                        || is("&")
                        || is("-") && at(i + 1).kind() == Kind.NUMBER;
            default -> false;
        };
    }

    @Override
    List<Node> rubyBareArgs() {
        List<Node> args = new ArrayList<>();
        Map<String, Node> hash = new LinkedHashMap<>();
        int hashStart = -1;
        while (!atEof()) {
            if (label()) {
                hashStart = hashStart < 0 ? i : hashStart;
                hashEntry(hash);
            } else {
                int s = i;
                Node arg = argument(true);
                if (is("=>")) {
                    hashStart = hashStart < 0 ? s : hashStart;
                    i++;
                    hash.put(key(arg), argument(true));
                } else {
                    args.add(arg);
                }
            }
            if (!is(",")) {
                break;
            }
            i++;
            skipNewlines();
        }
        if (!hash.isEmpty()) {
            args.add(new Obj(hash, line(hashStart), text(hashStart)));
        }
        return args;
    }

    /** A Ruby block after a call: {@code do |t| … end} or {@code { |t| … }}; null when none follows. */
    @Override
    Func block() {
        if (!ruby || !(is("do") || is("{"))) {
            return null;
        }
        int start = i;
        boolean brace = is("{");
        int close = brace ? match[i] : -1;
        i++;
        List<String> params = new ArrayList<>();
        skipNewlines();
        if (is("|")) {
            i++;
            while (!atEof() && !is("|")) {
                if (tok().kind() == Kind.IDENT) {
                    params.add(tok().text());
                }
                i++;
            }
            i++;
        }
        List<Node> body = statements(brace && close >= 0 ? close : t.size() - 1);
        if (brace) {
            i = close < 0 ? t.size() - 1 : close + 1;
        } else if (is("end")) {
            i++;
        }
        return new Func(params, body, line(start), text(start));
    }
}
