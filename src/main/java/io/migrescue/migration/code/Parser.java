package io.migrescue.migration.code;

import io.migrescue.migration.code.Lexer.Language;
import io.migrescue.migration.code.Node.Arr;
import io.migrescue.migration.code.Node.Assign;
import io.migrescue.migration.code.Node.Call;
import io.migrescue.migration.code.Node.ClassDef;
import io.migrescue.migration.code.Node.Def;
import io.migrescue.migration.code.Node.Func;
import io.migrescue.migration.code.Node.Ident;
import io.migrescue.migration.code.Node.Member;
import io.migrescue.migration.code.Node.Num;
import io.migrescue.migration.code.Node.Obj;
import io.migrescue.migration.code.Node.Opaque;
import io.migrescue.migration.code.Node.Str;
import io.migrescue.migration.code.Node.Sym;
import io.migrescue.migration.code.Token.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small, forgiving parser for migration code in JavaScript/TypeScript or Ruby: statements, calls (Ruby's without
 * parentheses too), member chains, literals, objects/hashes, arrays, functions, arrow functions, Ruby blocks, classes
 * and methods. What it does not model (conditions, loops, operators) becomes an {@link Opaque} node with its text.
 *
 * <p>Bounded: brackets are matched once up front, every loop consumes at least one token, and nesting deeper than
 * {@value #MAX_DEPTH} levels stops the parse (the rest of the source becomes one opaque node), so hostile input costs
 * linear time and no deep recursion.
 */
public final class Parser {
    static final int MAX_DEPTH = 150;
    private static final Set<String> RUBY_OPENERS_AT_START =
            Set.of("if", "unless", "while", "until", "case", "begin", "for");
    private static final Set<String> RUBY_NOT_ARGS = Set.of(
            "do", "end", "if", "unless", "and", "or", "then", "while", "until", "rescue", "else", "elsif", "ensure",
            "when", "in", "not");
    private static final Set<String> JS_CONTROL = Set.of("if", "for", "while", "switch", "try", "do");
    private static final Set<String> JS_MODIFIERS = Set.of(
            "public",
            "private",
            "protected",
            "static",
            "readonly",
            "async",
            "override",
            "declare",
            "abstract",
            "get",
            "set");

    private final String src;
    private final List<Token> t;
    private final boolean ruby;
    private final int[] match;
    private int i;
    private int depth;

    private static final class TooDeep extends RuntimeException {
        TooDeep() {
            super(null, null, false, false);
        }
    }

    private Parser(String src, Language language) {
        this.src = src;
        this.t = Lexer.tokens(src, language);
        this.ruby = language == Language.RUBY;
        this.match = matchBrackets(t);
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

    private static int[] matchBrackets(List<Token> tokens) {
        int[] match = new int[tokens.size()];
        java.util.Arrays.fill(match, -1);
        Deque<Integer> open = new ArrayDeque<>();
        for (int k = 0; k < tokens.size(); k++) {
            Token tok = tokens.get(k);
            if (tok.kind() != Kind.PUNCT) {
                continue;
            }
            switch (tok.text()) {
                case "(", "[", "{" -> open.push(k);
                case ")", "]", "}" -> {
                    if (!open.isEmpty()) {
                        int o = open.pop();
                        match[o] = k;
                        match[k] = o;
                    }
                }
                default -> {}
            }
        }
        return match;
    }

    // --- token helpers

    private Token tok() {
        return t.get(Math.min(i, t.size() - 1));
    }

    private Token at(int k) {
        return t.get(Math.min(Math.max(k, 0), t.size() - 1));
    }

    private boolean is(String text) {
        return tok().is(text);
    }

    private boolean atEof() {
        return tok().kind() == Kind.EOF;
    }

    /** The index after the bracket at {@code k}'s partner, or the end when it has none. */
    private int after(int k) {
        return match[k] < 0 ? t.size() - 1 : match[k] + 1;
    }

    private String text(int from) {
        int last = Math.max(from, i - 1);
        if (from >= t.size() - 1) {
            return "";
        }
        int end = Math.min(last, t.size() - 2);
        return src.substring(
                t.get(from).start(), Math.max(t.get(from).start(), t.get(end).end()));
    }

    private int line(int from) {
        return at(from).line();
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new TooDeep();
        }
    }

    private void skipNewlines() {
        while (tok().kind() == Kind.NEWLINE) {
            i++;
        }
    }

    // --- statements

    /** Statements up to token index {@code end} (exclusive), or (Ruby) up to an {@code end} keyword at this level. */
    private List<Node> statements(int end) {
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

    private Node jsStatement(int end) {
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
    private Node operand(int end) {
        int start = i;
        Node value = expression();
        if (!jsStatementEnds(end)) {
            skipJsRest(end);
            return new Opaque(line(start), text(start));
        }
        return value;
    }

    private boolean jsStatementEnds(int end) {
        if (i >= end || atEof() || is(";") || is("}") || is(")") || is(",")) {
            return true;
        }
        // no semicolon: the next statement starts on a later line with something that is not an operator
        return tok().line() > at(i - 1).line()
                && !(tok().kind() == Kind.PUNCT && !is("(") && !is("[") && !is("{") && !is("`"));
    }

    private void skipJsRest(int end) {
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

    private Node jsControl(int start) {
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

    private void jsBranch() {
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

    private Node jsFunctionDeclaration(int start) {
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
    private Func jsFunctionRest(int start) {
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
    private void skipTypeAnnotation() {
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

    /** The parameter names inside the parentheses at {@code open}: the first name of each comma-separated part. */
    private List<String> params(int open) {
        List<String> names = new ArrayList<>();
        int close = match[open] < 0 ? t.size() - 1 : match[open];
        boolean expectName = true;
        for (int k = open + 1; k < close; k++) {
            Token tok = t.get(k);
            if (tok.is("(") || tok.is("[") || tok.is("{")) {
                if (expectName) {
                    names.add("");
                    expectName = false;
                }
                k = match[k] < 0 ? close : match[k];
            } else if (tok.is(",")) {
                expectName = true;
            } else if (expectName && tok.kind() == Kind.IDENT && !JS_MODIFIERS.contains(tok.text())) {
                names.add(tok.text());
                expectName = false;
            }
        }
        return names;
    }

    // --- Ruby statements

    private Node rubyStatement() {
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

    private boolean rubyStatementEnds() {
        return atEof() || tok().kind() == Kind.NEWLINE || is(";") || is("end") || is("}");
    }

    /** The rest of the line, brackets and do…end blocks included (a modifier {@code if}, an operator). */
    private void skipRubyLine() {
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
    private void skipToRubyEnd() {
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

    private Node rubyDef(int start) {
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

    private Node rubyClass(int start) {
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

    // --- expressions

    private Node expression() {
        enter();
        int start = i;
        Node e = primary();
        e = postfix(e, start);
        depth--;
        return e;
    }

    private Node primary() {
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

    private Node identifierExpression(int start) {
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

    private Node parenthesized(int start) {
        int close = after(i);
        i++;
        Node inner = expression();
        i = close;
        return inner instanceof Opaque ? new Opaque(line(start), text(start)) : inner;
    }

    private Node parenOrArrow(int start) {
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

    private Func arrowBody(List<String> params, int start) {
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

    private Node postfix(Node e, int start) {
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
    private Node nameUse(Node target, String name, int start) {
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

    private Node call(Node callee, List<Node> args, Func block, int start) {
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

    private boolean bareArgsStart() {
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

    /** Ruby arguments without parentheses: up to the end of the line (a trailing comma continues it). */
    private List<Node> rubyBareArgs() {
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

    /** Ruby {@code key: value} (or {@code "key": value}) at the current token. */
    private boolean label() {
        return ruby
                && (tok().kind() == Kind.IDENT || tok().kind() == Kind.STRING)
                && at(i + 1).is(":")
                && at(i + 1).start() == tok().end();
    }

    private void hashEntry(Map<String, Node> hash) {
        String key = tok().kind() == Kind.STRING ? String.valueOf(tok().value()) : tok().text();
        i += 2;
        skipNewlines();
        hash.put(key, argument(true));
    }

    private static String key(Node n) {
        if (n instanceof Sym s) {
            return s.name();
        }
        if (n instanceof Str s && s.value() != null) {
            return s.value();
        }
        return n.text();
    }

    /** One argument; an operator expression (anything not followed by a separator) is opaque, up to the separator. */
    private Node argument(boolean bare) {
        int start = i;
        Node arg = expression();
        if (!argumentEnds(bare)) {
            while (!atEof() && !argumentEnds(bare)) {
                if (is("(") || is("[") || is("{") && !bare) {
                    i = after(i);
                } else if (ruby && is("do") && bare) {
                    break;
                } else {
                    i++;
                }
            }
            return new Opaque(line(start), text(start));
        }
        return arg;
    }

    private boolean argumentEnds(boolean bare) {
        if (atEof() || is(",") || is(")") || is("]") || is("}") || is("=>") || is(";")) {
            return true;
        }
        return ruby
                && bare
                && (tok().kind() == Kind.NEWLINE || is("do") || is("{") || is("end") || is("if") || is("unless"));
    }

    /** Parenthesized arguments at the current {@code (}. */
    private List<Node> args() {
        int close = match[i] < 0 ? t.size() - 1 : match[i];
        i++;
        List<Node> args = new ArrayList<>();
        Map<String, Node> hash = new LinkedHashMap<>();
        int hashStart = -1;
        while (i < close && !atEof()) {
            skipNewlines();
            if (i >= close) {
                break;
            }
            int s = i;
            if (label()) {
                hashStart = hashStart < 0 ? i : hashStart;
                hashEntry(hash);
            } else if (is("...")) {
                i++;
                args.add(new Opaque(line(s), "..." + argument(false).text()));
            } else {
                Node arg = argument(false);
                if (ruby && is("=>")) {
                    hashStart = hashStart < 0 ? s : hashStart;
                    i++;
                    hash.put(key(arg), argument(false));
                } else {
                    args.add(arg);
                }
            }
            skipNewlines();
            if (is(",")) {
                i++;
            } else if (i < close) {
                i = close; // something the parser did not expect: stop reading these arguments
                args.add(new Opaque(line(s), text(s)));
            }
        }
        if (!hash.isEmpty()) {
            args.add(new Obj(hash, line(hashStart), text(hashStart)));
        }
        i = close + 1;
        return args;
    }

    /** A Ruby block after a call: {@code do |t| … end} or {@code { |t| … }}; null when none follows. */
    private Func block() {
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

    private Node object(int start) {
        int close = match[i] < 0 ? t.size() - 1 : match[i];
        i++;
        Map<String, Node> entries = new LinkedHashMap<>();
        while (i < close && !atEof()) {
            skipNewlines();
            if (i >= close) {
                break;
            }
            int s = i;
            if (is("...")) {
                i++;
                entries.put(
                        "..." + s, new Opaque(line(s), "..." + argument(false).text()));
            } else if (ruby) {
                if (label()) {
                    hashEntry(entries);
                } else {
                    Node k = argument(false);
                    if (is("=>")) {
                        i++;
                        entries.put(key(k), argument(false));
                    } else {
                        entries.put(k.text(), new Opaque(line(s), k.text()));
                    }
                }
            } else {
                objectMember(entries, s);
            }
            skipNewlines();
            if (is(",") || is(";")) {
                i++;
            } else if (i < close && i == s) {
                i++;
            } else if (i < close && !is("}")) {
                // an entry this parser did not follow: skip to the next comma
                while (i < close && !is(",")) {
                    i = is("(") || is("[") || is("{") ? after(i) : i + 1;
                }
            }
        }
        i = close + 1;
        return new Obj(entries, line(start), text(start));
    }

    /** {@code key: value}, {@code key} (shorthand), {@code [computed]: value}, {@code async key(…) {…}}. */
    private void objectMember(Map<String, Node> entries, int s) {
        while (JS_MODIFIERS.contains(tok().text())
                && tok().kind() == Kind.IDENT
                && (at(i + 1).kind() == Kind.IDENT || at(i + 1).kind() == Kind.STRING)) {
            i++;
        }
        String key;
        if (is("[")) {
            int open = i;
            i = after(i);
            key = text(open);
        } else {
            key = tok().kind() == Kind.STRING || tok().kind() == Kind.NUMBER
                    ? String.valueOf(tok().value())
                    : tok().text();
            i++;
        }
        if (is(":")) {
            i++;
            entries.put(key, argument(false));
        } else if (is("(")) {
            Func f = jsFunctionRest(s);
            entries.put(key, f);
        } else {
            entries.put(key, new Ident(key, line(s), key));
        }
    }

    private Node array(int start) {
        int close = match[i] < 0 ? t.size() - 1 : match[i];
        i++;
        List<Node> items = new ArrayList<>();
        while (i < close && !atEof()) {
            skipNewlines();
            if (i >= close) {
                break;
            }
            int s = i;
            items.add(argument(false));
            skipNewlines();
            if (is(",")) {
                i++;
            } else if (i < close) {
                i = close;
                items.add(new Opaque(line(s), text(s)));
            }
        }
        i = close + 1;
        return new Arr(items, line(start), text(start));
    }

    /** {@code class Name [extends X] [implements Y] { members }}: methods and fields. */
    private Node jsClass(int start) {
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

    private static String dotted(Node n) {
        if (n instanceof Ident id) {
            return id.name();
        }
        if (n instanceof Member m) {
            return dotted(m.target()) + "." + m.name();
        }
        return n.text();
    }
}
