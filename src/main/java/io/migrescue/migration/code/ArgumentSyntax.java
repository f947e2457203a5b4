package io.migrescue.migration.code;

import io.migrescue.migration.code.Lexer.Language;
import io.migrescue.migration.code.Node.Arr;
import io.migrescue.migration.code.Node.Func;
import io.migrescue.migration.code.Node.Ident;
import io.migrescue.migration.code.Node.Obj;
import io.migrescue.migration.code.Node.Opaque;
import io.migrescue.migration.code.Node.Str;
import io.migrescue.migration.code.Node.Sym;
import io.migrescue.migration.code.Token.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What sits between brackets and commas in both languages: call arguments (with Ruby's {@code key: value} and
 * {@code key => value} hashes), object literals and Ruby hashes, arrays and parameter lists.
 */
abstract class ArgumentSyntax extends TokenCursor {
    ArgumentSyntax(String src, Language language) {
        super(src, language);
    }

    abstract Node expression();

    /** {@code (params) [: Type] { body }} at the current token. */
    abstract Func jsFunctionRest(int start);

    /** The parameter names inside the parentheses at {@code open}: the first name of each comma-separated part. */
    List<String> params(int open) {
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

    /** Ruby {@code key: value} (or {@code "key": value}) at the current token. */
    boolean label() {
        return ruby
                && (tok().kind() == Kind.IDENT || tok().kind() == Kind.STRING)
                && at(i + 1).is(":")
                && at(i + 1).start() == tok().end();
    }

    void hashEntry(Map<String, Node> hash) {
        String key = tok().kind() == Kind.STRING ? String.valueOf(tok().value()) : tok().text();
        i += 2;
        skipNewlines();
        hash.put(key, argument(true));
    }

    static String key(Node n) {
        if (n instanceof Sym s) {
            return s.name();
        }
        if (n instanceof Str s && s.value() != null) {
            return s.value();
        }
        return n.text();
    }

    /** One argument; an operator expression (anything not followed by a separator) is opaque, up to the separator. */
    Node argument(boolean bare) {
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

    boolean argumentEnds(boolean bare) {
        if (atEof() || is(",") || is(")") || is("]") || is("}") || is("=>") || is(";")) {
            return true;
        }
        return ruby
                && bare
                && (tok().kind() == Kind.NEWLINE || is("do") || is("{") || is("end") || is("if") || is("unless"));
    }

    /** Parenthesized arguments at the current {@code (}. */
    List<Node> args() {
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

    Node object(int start) {
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
    void objectMember(Map<String, Node> entries, int s) {
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

    Node array(int start) {
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
}
