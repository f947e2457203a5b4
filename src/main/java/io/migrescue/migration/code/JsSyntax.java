package io.migrescue.migration.code;

import io.migrescue.migration.code.Lexer.Language;
import io.migrescue.migration.code.Node.Assign;
import io.migrescue.migration.code.Node.ClassDef;
import io.migrescue.migration.code.Node.Def;
import io.migrescue.migration.code.Node.Func;
import io.migrescue.migration.code.Node.Ident;
import io.migrescue.migration.code.Node.Member;
import io.migrescue.migration.code.Node.Opaque;
import io.migrescue.migration.code.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * JavaScript/TypeScript statements: declarations, assignments, function declarations, classes and their members;
 * control structures and operator expressions are kept whole as opaque nodes, type annotations skipped.
 */
abstract class JsSyntax extends RubySyntax {
    static final Set<String> JS_CONTROL = Set.of("if", "for", "while", "switch", "try", "do");

    JsSyntax(String src, Language language) {
        super(src, language);
    }

    Node jsStatement(int end) {
        int start = i;
        while (is("export")
                || is("default")
                || is("return")
                || is("await")
                || is("yield")
                || is("void")
                || is("async") && at(i + 1).is("function")) {
            i++;
        }
        if (is("import")) {
            while (i < end && !atEof() && tok().kind() != Kind.STRING && !is(";")) {
                i++;
            }
            i++;
            return new Opaque(line(start), text(start));
        }
        if (JS_CONTROL.contains(tok().text()) && tok().kind() == Kind.IDENT) {
            return jsControl(start);
        }
        if (is("function")) {
            return jsFunctionDeclaration(start);
        }
        if (is("const") || is("let") || is("var")) {
            i++;
            String name = tok().kind() == Kind.IDENT ? tok().text() : "";
            if (is("{") || is("[")) {
                i = after(i);
            } else {
                i++;
            }
            skipTypeAnnotation();
            if (!is("=")) {
                return new Opaque(line(start), text(start));
            }
            i++;
            Node value = operand(end);
            return new Assign(name, value, line(start), text(start));
        }
        Node e = expression();
        if (is("=") && (e instanceof Ident || e instanceof Member)) {
            i++;
            Node value = operand(end);
            return new Assign(dotted(e), value, line(start), text(start));
        }
        if (!jsStatementEnds(end)) {
            skipJsRest(end);
            return new Opaque(line(start), text(start));
        }
        return e;
    }

    /** An expression that must end the statement; else the whole operator expression is opaque. */
    Node operand(int end) {
        int start = i;
        Node value = expression();
        if (!jsStatementEnds(end)) {
            skipJsRest(end);
            return new Opaque(line(start), text(start));
        }
        return value;
    }

    boolean jsStatementEnds(int end) {
        if (i >= end || atEof() || is(";") || is("}") || is(")") || is(",")) {
            return true;
        }
        // no semicolon: the next statement starts on a later line with something that is not an operator
        return tok().line() > at(i - 1).line()
                && !(tok().kind() == Kind.PUNCT && !is("(") && !is("[") && !is("{") && !is("`"));
    }

    void skipJsRest(int end) {
        while (i < end && !atEof() && !is(";") && !is("}")) {
            int before = i;
            if (is("(") || is("[") || is("{")) {
                i = after(i);
            } else {
                i++;
            }
            if (tok().line() > at(i - 1).line()
                            && tok().kind() != Kind.PUNCT
                            && at(i - 1).kind() != Kind.PUNCT
                    || i == before) {
                break;
            }
        }
    }

    Node jsControl(int start) {
        i++;
        if (is("(")) {
            i = after(i);
        }
        jsBranch();
        while (is("else") || is("catch") || is("finally") || is("while")) {
            i++;
            if (is("(")) {
                i = after(i);
            }
            if (is("if")) {
                i++;
                if (is("(")) {
                    i = after(i);
                }
            }
            jsBranch();
        }
        return new Opaque(line(start), text(start));
    }

    void jsBranch() {
        if (is("{")) {
            i = after(i);
        } else if (!atEof()) {
            int s = i;
            jsStatement(t.size() - 1);
            if (i == s) {
                i++;
            }
        }
    }

    Node jsFunctionDeclaration(int start) {
        i++; // function
        if (is("*")) {
            i++;
        }
        String name = tok().kind() == Kind.IDENT ? tok().text() : "";
        if (tok().kind() == Kind.IDENT) {
            i++;
        }
        Func f = jsFunctionRest(start);
        return name.isEmpty() ? f : new Def(name, f, line(start), text(start));
    }

    /** {@code (params) [: Type] { body }} at the current token. */
    @Override
    Func jsFunctionRest(int start) {
        List<String> params = List.of();
        if (is("(")) {
            params = params(i);
            i = after(i);
        }
        skipTypeAnnotation();
        List<Node> body = List.of();
        if (is("{")) {
            int close = match[i];
            i++;
            body = statements(close < 0 ? t.size() - 1 : close);
            i = close < 0 ? t.size() - 1 : close + 1;
        }
        return new Func(params, body, line(start), text(start));
    }

    /** TypeScript {@code : Type} (a return or variable type): skipped up to {@code {}, {@code =>}, {@code =} or {@code ;}. */
    void skipTypeAnnotation() {
        if (!is(":")) {
            return;
        }
        i++;
        while (!atEof() && !is("{") && !is("=>") && !is("=") && !is(";") && !is(")") && !is(",")) {
            if (is("(") || is("[")) {
                i = after(i);
            } else {
                i++;
            }
        }
    }

    /** {@code class Name [extends X] [implements Y] { members }}: methods and fields. */
    @Override
    Node jsClass(int start) {
        i++; // class
        String name = tok().kind() == Kind.IDENT && !is("extends") && !is("implements") ? tok().text() : "";
        if (!name.isEmpty()) {
            i++;
        }
        String superclass = null;
        while (!atEof() && !is("{")) {
            if (is("extends")) {
                superclass = at(i + 1).text();
            }
            i++;
        }
        if (atEof()) {
            return new Opaque(line(start), text(start));
        }
        int close = match[i] < 0 ? t.size() - 1 : match[i];
        i++;
        List<Node> members = new ArrayList<>();
        while (i < close && !atEof()) {
            int s = i;
            if (is(";")) {
                i++;
                continue;
            }
            while (JS_MODIFIERS.contains(tok().text())
                    && tok().kind() == Kind.IDENT
                    && (at(i + 1).kind() == Kind.IDENT || at(i + 1).kind() == Kind.STRING)) {
                i++;
            }
            String member = tok().kind() == Kind.STRING ? String.valueOf(tok().value()) : tok().text();
            i++;
            if (is("(")) {
                members.add(new Def(member, jsFunctionRest(s), line(s), text(s)));
                continue;
            }
            skipTypeAnnotation();
            if (is("=")) {
                i++;
                Node value = operand(close);
                members.add(new Assign(member, value, line(s), text(s)));
            }
            if (i == s) {
                i++;
            }
        }
        i = close + 1;
        return new ClassDef(name, superclass, members, line(start), text(start));
    }
}
