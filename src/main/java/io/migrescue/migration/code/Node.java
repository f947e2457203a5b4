package io.migrescue.migration.code;

import java.util.List;
import java.util.Map;

/**
 * What the {@link Parser} makes of migration code: just enough structure to read calls, their literal arguments,
 * objects/hashes, arrays and the functions/blocks passed to them. Every node knows the line it starts on and its
 * source text, so what a reader cannot use can be shown as written.
 */
public sealed interface Node {
    int line();

    String text();

    /** A string literal; {@code value} null when it interpolates. */
    record Str(String value, int line, String text) implements Node {}

    record Num(String value, int line, String text) implements Node {}

    /** A Ruby symbol {@code :users}. */
    record Sym(String name, int line, String text) implements Node {}

    /** A bare name: a variable, a constant, {@code true}, {@code nil}, {@code this}. */
    record Ident(String name, int line, String text) implements Node {}

    /** {@code target.name} (or Ruby {@code Target::Name}) without a call. */
    record Member(Node target, String name, int line, String text) implements Node {}

    /**
     * {@code target.name(args…)} or a bare {@code name(args…)} (target null), Ruby calls without parentheses included;
     * Ruby's trailing {@code key: value} arguments are one {@link Obj} at the end. {@code block} is a Ruby block
     * ({@code do |t| … end}, {@code { |t| … }}), else null. {@code construct} marks JavaScript's {@code new Name(…)}.
     */
    record Call(Node target, String name, List<Node> args, Func block, boolean construct, int line, String text)
            implements Node {
        public Node arg(int i) {
            return i < args.size() ? args.get(i) : null;
        }
    }

    /** A JavaScript object literal or a Ruby hash, keys as written (symbols and strings alike). */
    record Obj(Map<String, Node> entries, int line, String text) implements Node {
        public Node get(String key) {
            return entries.get(key);
        }
    }

    record Arr(List<Node> items, int line, String text) implements Node {}

    /** A function, arrow function, method body or Ruby block: its parameter names and its statements. */
    record Func(List<String> params, List<Node> body, int line, String text) implements Node {}

    /** {@code name = value} (JavaScript {@code const}/{@code let}/{@code var} too); {@code name} dotted as written. */
    record Assign(String name, Node value, int line, String text) implements Node {}

    /** A named function or method: {@code function up(knex) {…}}, {@code async up(qi) {…}}, Ruby {@code def change}. */
    record Def(String name, Func func, int line, String text) implements Node {}

    /** A class with its members (methods as {@link Def}, fields as {@link Assign}). */
    record ClassDef(String name, String superclass, List<Node> members, int line, String text) implements Node {}

    /** Code this parser does not model (a condition, a loop, an operator expression): shown, never interpreted. */
    record Opaque(int line, String text) implements Node {}
}
