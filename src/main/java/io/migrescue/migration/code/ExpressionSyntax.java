package io.migrescue.migration.code;

import io.migrescue.migration.code.Lexer.Language;
import io.migrescue.migration.code.Node.Call;
import io.migrescue.migration.code.Node.Func;
import io.migrescue.migration.code.Node.Ident;
import io.migrescue.migration.code.Node.Member;
import io.migrescue.migration.code.Node.Num;
import io.migrescue.migration.code.Node.Opaque;
import io.migrescue.migration.code.Node.Str;
import io.migrescue.migration.code.Node.Sym;
import io.migrescue.migration.code.Token.Kind;
import java.util.List;

/**
 * Expressions in both languages: literals, identifiers, member chains, calls (Ruby's without parentheses too),
 * {@code new}, functions and arrow functions. Operators are not modelled: the callers make such code opaque.
 */
abstract class ExpressionSyntax extends ArgumentSyntax {
    ExpressionSyntax(String src, Language language) {
        super(src, language);
    }

    abstract Node jsClass(int start);

    /** A Ruby block after a call: {@code do |t| … end} or {@code { |t| … }}; null when none follows. */
    abstract Func block();

    abstract boolean bareArgsStart();

    /** Ruby arguments without parentheses: up to the end of the line (a trailing comma continues it). */
    abstract List<Node> rubyBareArgs();

    @Override
    Node expression() {
        enter();
        int start = i;
        Node e = primary();
        e = postfix(e, start);
        depth--;
        return e;
    }

    Node primary() {
        int start = i;
        Token tok = tok();
        switch (tok.kind()) {
            case STRING -> {
                i++;
                return new Str(tok.value(), tok.line(), tok.text());
            }
            case NUMBER -> {
                i++;
                return new Num(tok.value(), tok.line(), tok.text());
            }
            case SYMBOL -> {
                i++;
                return new Sym(tok.value(), tok.line(), tok.text());
            }
            case IDENT -> {
                return identifierExpression(start);
            }
            case PUNCT -> {
                if (is("(")) {
                    return ruby ? parenthesized(start) : parenOrArrow(start);
                }
                if (is("{")) {
                    return object(start);
                }
                if (is("[")) {
                    return array(start);
                }
                if (is("-") && at(i + 1).kind() == Kind.NUMBER) {
                    i += 2;
                    return new Num("-" + at(i - 1).value(), tok.line(), text(start));
                }
                i++;
                return new Opaque(tok.line(), tok.text());
            }
            default -> {
                return new Opaque(tok.line(), tok.text());
            }
        }
    }

    Node identifierExpression(int start) {
        Token tok = tok();
        if (!ruby) {
            if (is("async") && (at(i + 1).is("(") || at(i + 1).kind() == Kind.IDENT)) {
                i++;
                return primary();
            }
            if (is("function")) {
                i++;
                if (tok().kind() == Kind.IDENT) {
                    i++;
                }
                return jsFunctionRest(start);
            }
            if (is("new")) {
                i++;
                int nameStart = i;
                Node callee = primary();
                while (is(".") && at(i + 1).kind() == Kind.IDENT) {
                    callee = new Member(
                            callee,
                            at(i + 1).text(),
                            line(nameStart),
                            text(nameStart) + "." + at(i + 1).text());
                    i += 2;
                }
                List<Node> args = is("(") ? args() : List.of();
                String name =
                        callee instanceof Ident id ? id.name() : callee instanceof Member m ? m.name() : callee.text();
                Node target = callee instanceof Member m ? m.target() : null;
                return new Call(target, name, args, null, true, tok.line(), text(start));
            }
            if (is("class")) {
                return jsClass(start);
            }
            if (at(i + 1).is("=>")) {
                i += 2;
                return arrowBody(List.of(tok.text()), start);
            }
        }
        i++;
        if (ruby && (tok.text().equals("lambda") || tok.text().equals("proc"))) {
            return new Ident(tok.text(), tok.line(), tok.text());
        }
        return new Ident(tok.text(), tok.line(), tok.text());
    }

    Node parenthesized(int start) {
        int close = after(i);
        i++;
        Node inner = expression();
        i = close;
        return inner instanceof Opaque ? new Opaque(line(start), text(start)) : inner;
    }

    Node parenOrArrow(int start) {
        int close = match[i];
        if (close >= 0) {
            int k = close + 1;
            if (at(k).is(":")) { // (qr: QueryRunner): Promise<void> =>
                while (k < t.size() - 1 && !at(k).is("=>") && !at(k).is("{") && !at(k).is(";") && k - close < 40) {
                    k++;
                }
            }
            if (at(k).is("=>")) {
                List<String> params = params(i);
                i = k + 1;
                return arrowBody(params, start);
            }
        }
        return parenthesized(start);
    }

    Func arrowBody(List<String> params, int start) {
        if (is("{")) {
            int close = match[i];
            i++;
            List<Node> body = statements(close < 0 ? t.size() - 1 : close);
            i = close < 0 ? t.size() - 1 : close + 1;
            return new Func(params, body, line(start), text(start));
        }
        Node e = expression();
        return new Func(params, List.of(e), line(start), text(start));
    }

    Node postfix(Node e, int start) {
        while (!atEof()) {
            int before = i;
            if ((is(".") || is("?.") || ruby && is("&.")) && at(i + 1).kind() == Kind.IDENT
                    || ruby && is("::") && at(i + 1).kind() == Kind.IDENT) {
                i++;
                String name = tok().text();
                i++;
                e = nameUse(e, name, start);
            } else if (is("(") && !ruby && !(e instanceof Opaque)) {
                List<Node> args = args();
                e = call(e, args, null, start);
            } else if (is("[") && (!ruby || tok().start() == at(i - 1).end())) {
                int open = i;
                i = after(i);
                e = new Member(
                        e,
                        "["
                                + src.substring(
                                        at(open).end(),
                                        Math.max(at(open).end(), at(i - 1).start())) + "]",
                        line(start),
                        text(start));
            } else if (!ruby && is("!") && (at(i + 1).is(".") || at(i + 1).is(")"))) {
                i++;
            } else if (!ruby && is("as") && at(i + 1).kind() == Kind.IDENT) {
                i += 2;
            } else if (ruby && e instanceof Ident id && before == start + 1) {
                Node called = nameUse(null, id.name(), start);
                if (called == e || called instanceof Ident) {
                    break;
                }
                e = called;
            } else {
                break;
            }
            if (i == before) {
                break;
            }
        }
        return e;
    }

    /** {@code target.name} followed by arguments (parenthesized, or Ruby's bare ones) and a Ruby block, or a plain member. */
    Node nameUse(Node target, String name, int start) {
        if (is("(") && (!ruby || tok().start() == at(i - 1).end())) {
            List<Node> args = args();
            return new Call(target, name, args, ruby ? block() : null, false, line(start), text(start));
        }
        if (ruby) {
            List<Node> args = bareArgsStart() ? rubyBareArgs() : List.of();
            Func block = block();
            if (!args.isEmpty() || block != null) {
                return new Call(target, name, args, block, false, line(start), text(start));
            }
            if (target == null) {
                return new Ident(name, line(start), name);
            }
            // a Ruby method called without arguments: t.timestamps
            return new Call(target, name, List.of(), null, false, line(start), text(start));
        }
        return new Member(target, name, line(start), text(start));
    }

    Node call(Node callee, List<Node> args, Func block, int start) {
        if (callee instanceof Ident id) {
            return new Call(null, id.name(), args, block, false, line(start), text(start));
        }
        if (callee instanceof Member m) {
            return new Call(m.target(), m.name(), args, block, false, line(start), text(start));
        }
        if (callee instanceof Call c && c.args().isEmpty() && ruby) {
            return new Call(c.target(), c.name(), args, block, false, line(start), text(start));
        }
        return new Call(callee, "()", args, block, false, line(start), text(start));
    }

    static String dotted(Node n) {
        if (n instanceof Ident id) {
            return id.name();
        }
        if (n instanceof Member m) {
            return dotted(m.target()) + "." + m.name();
        }
        return n.text();
    }
}
