package io.migrescue.migration.sequelize;

import io.migrescue.migration.code.Code;
import io.migrescue.migration.code.JsMigrationReader;
import io.migrescue.migration.code.Node;
import io.migrescue.migration.code.Node.Arr;
import io.migrescue.migration.code.Node.Call;
import io.migrescue.migration.code.Node.Ident;
import io.migrescue.migration.code.Node.Member;
import io.migrescue.migration.code.Node.Obj;
import io.migrescue.migration.code.Rendered;
import io.migrescue.migration.code.StatementWalk;
import io.migrescue.model.Engine;
import io.migrescue.sql.Dialect;
import java.util.List;

/**
 * Sequelize migrations ({@code module.exports = { async up(queryInterface, Sequelize) {…} }}, as
 * {@code sequelize migration:generate} and {@code model:generate} write them): the {@code queryInterface} calls
 * {@code createTable}, {@code dropTable}, {@code renameTable}, {@code addColumn}, {@code removeColumn},
 * {@code changeColumn}, {@code renameColumn}, {@code addIndex}, {@code removeIndex}, {@code addConstraint},
 * {@code removeConstraint} (PostgreSQL) rendered as Sequelize 6's query generators render them, and
 * {@code queryInterface.sequelize.query("…")} as written; calls wrapped in {@code sequelize.transaction(…)} are read
 * in order. Known by the file name SequelizeMeta records, in file-name order.
 */
public final class SequelizeMigrationReader extends JsMigrationReader {
    public SequelizeMigrationReader() {
        super("sequelize", "queryInterface");
    }

    @Override
    protected void read(List<Node> up, String queryInterface, Engine engine, Rendered out) {
        new Body(queryInterface, out, new QueryInterfaceCalls(Dialect.of(engine), out)).run(up);
    }

    private record Body(String qi, Rendered out, QueryInterfaceCalls calls) implements StatementWalk {
        @Override
        public void statement(Node n) {
            if (n instanceof Call c) {
                if (c.target() instanceof Ident id && id.name().equals(qi)) {
                    if (!calls.render(c)) {
                        out.notUnderstood(c);
                    }
                    return;
                }
                if (c.name().equals("query")
                        && c.target() instanceof Member m
                        && m.name().equals("sequelize")
                        && Code.str(c.arg(0)) != null
                        && (c.args().size() == 1 || c.arg(1) instanceof Obj o && plainOptions(o))) {
                    out.add(stripSemicolon(Code.str(c.arg(0))), c.line());
                    return;
                }
                if (c.target() instanceof Ident p
                        && p.name().equals("Promise")
                        && c.name().equals("all")
                        && c.arg(0) instanceof Arr items) {
                    run(items.items());
                    return;
                }
                if (wrapped(c)) {
                    return;
                }
            }
            out.notUnderstood(n);
        }

        /** Options that do not change the SQL ({@code { transaction: t }}, a query type). */
        private static boolean plainOptions(Obj o) {
            return o.entries().keySet().stream()
                    .allMatch(
                            k -> k.equals("transaction") || k.equals("type") || k.equals("raw") || k.equals("logging"));
        }
    }

    private static String stripSemicolon(String sql) {
        String s = sql.strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1).strip() : s;
    }
}
