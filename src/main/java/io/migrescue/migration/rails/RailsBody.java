package io.migrescue.migration.rails;

import io.migrescue.migration.code.Code;
import io.migrescue.migration.code.Node;
import io.migrescue.migration.code.Node.Call;
import io.migrescue.migration.code.Node.Func;
import io.migrescue.migration.code.Node.Ident;
import io.migrescue.migration.code.Node.Obj;
import io.migrescue.migration.code.Node.Str;
import io.migrescue.migration.code.Rendered;
import java.util.ArrayList;
import java.util.List;

/** The statements of one migration body, call by call (see {@link RailsMigrationReader} for what is read). */
record RailsBody(RailsSql sql, Rendered out) {
    void run(List<Node> body) {
        for (Node n : body) {
            if (!(n instanceof Call c) || c.target() != null || !call(c)) {
                out.notUnderstood(n);
            }
        }
    }

    /** Renders a bare call and says whether it knew it. */
    private boolean call(Call c) {
        Obj options = RailsMigrationReader.options(c);
        String a0 = Code.str(c.arg(0));
        String a1 = Code.str(c.arg(1));
        int line = c.line();
        switch (c.name()) {
            case "reversible" -> {
                if (c.block() == null) {
                    return false;
                }
                run(RailsMigrationReader.upHalf(c.block()));
            }
            case "up_only", "say_with_time", "suppress_messages", "revert" -> {
                if (c.block() == null || c.name().equals("revert")) {
                    return false;
                }
                run(c.block().body());
            }
            case "say" -> {
                // prints only
            }
            case "execute" -> {
                String text = executed(c.arg(0));
                if (text == null || c.args().size() > 1) {
                    return false;
                }
                out.add(text.strip().replaceAll(";\\s*$", ""), line);
            }
            case "change_table" -> {
                return a0 != null
                        && c.block() != null
                        && (options == null || options.entries().isEmpty())
                        && changeTable(a0, c.block());
            }
            case "create_table" -> {
                return a0 != null && new RailsCreateTable(sql, out, a0, options, line).render(c.block());
            }
            case "drop_table" -> {
                if (a0 == null) {
                    return false;
                }
                boolean ifExists = options != null && Boolean.TRUE.equals(Code.bool(options.get("if_exists")));
                boolean cascade = options != null && "cascade".equals(Code.str(options.get("force")));
                out.add("DROP TABLE " + (ifExists ? "IF EXISTS " : "") + sql.q(a0) + (cascade ? " CASCADE" : ""), line);
            }
            case "rename_table" -> {
                if (a0 == null || a1 == null) {
                    return false;
                }
                out.add(
                        sql.pg
                                ? "ALTER TABLE " + sql.q(a0) + " RENAME TO " + sql.q(a1)
                                : "RENAME TABLE " + sql.q(a0) + " TO " + sql.q(a1),
                        line);
            }
            default -> {
                return new RailsColumnStatements(sql, out).render(c, options, a0, a1, line)
                        || new RailsKeyStatements(sql, out).render(c, options, a0, a1, line);
            }
        }
        return true;
    }

    /**
     * {@code change_table :users do |t| … end}: each line is the schema statement it stands for ({@code t.string :x} is
     * {@code add_column :users, :x, :string}, {@code t.remove} is {@code remove_columns}, {@code t.index} is
     * {@code add_index}, …), run one by one as ActiveRecord does without {@code bulk: true}.
     */
    private boolean changeTable(String table, Func block) {
        String t = block.params().isEmpty() ? "t" : block.params().get(0);
        Node.Sym tableArg = new Node.Sym(table, block.line(), ":" + table);
        for (Node n : block.body()) {
            if (!(n instanceof Call c)
                    || !(c.target() instanceof Ident id)
                    || !id.name().equals(t)) {
                out.notUnderstood(n);
                continue;
            }
            String statement = switch (c.name()) {
                case "column" -> "add_column";
                case "remove" -> "remove_columns";
                case "index" -> "add_index";
                case "remove_index" -> "remove_index";
                case "references", "belongs_to" -> "add_reference";
                case "remove_references", "remove_belongs_to" -> "remove_reference";
                case "timestamps" -> "add_timestamps";
                case "remove_timestamps" -> "remove_timestamps";
                case "rename" -> "rename_column";
                case "change" -> "change_column";
                case "change_default" -> "change_column_default";
                case "change_null" -> "change_column_null";
                case "foreign_key" -> "add_foreign_key";
                case "remove_foreign_key" -> "remove_foreign_key";
                default -> RailsCreateTable.isType(c.name()) ? "add_column" : null;
            };
            List<Node> args = new ArrayList<>();
            args.add(tableArg);
            if (statement != null && statement.equals("add_column") && !c.name().equals("column")) {
                // t.string :a, :b, null: false: one add_column per name
                Obj opts = RailsMigrationReader.options(c);
                for (Node a : c.args()) {
                    if (!(a instanceof Obj)) {
                        List<Node> one =
                                new ArrayList<>(List.of(tableArg, a, new Node.Sym(c.name(), c.line(), ":" + c.name())));
                        if (opts != null) {
                            one.add(opts);
                        }
                        if (!call(new Call(null, statement, one, null, false, c.line(), c.text()))) {
                            out.notUnderstood(c);
                        }
                    }
                }
                continue;
            }
            args.addAll(c.args());
            if (statement == null || !call(new Call(null, statement, args, null, false, c.line(), c.text()))) {
                out.notUnderstood(c);
            }
        }
        return true;
    }

    /** A literal string, or a heredoc with {@code .squish}/{@code .strip} applied. */
    private static String executed(Node n) {
        if (n instanceof Str s) {
            return s.value();
        }
        if (n instanceof Call c
                && c.target() instanceof Str s
                && s.value() != null
                && c.args().isEmpty()) {
            return switch (c.name()) {
                case "squish" -> s.value().strip().replaceAll("\\s+", " ");
                case "strip", "chomp", "freeze", "dup" -> s.value().strip();
                default -> null;
            };
        }
        return null;
    }
}
