package io.migrescue.migration.knex;

import io.migrescue.migration.code.Code;
import io.migrescue.migration.code.JsMigrationReader;
import io.migrescue.migration.code.Node;
import io.migrescue.migration.code.Node.Arr;
import io.migrescue.migration.code.Node.Call;
import io.migrescue.migration.code.Node.Func;
import io.migrescue.migration.code.Node.Ident;
import io.migrescue.migration.code.Node.Member;
import io.migrescue.migration.code.Rendered;
import io.migrescue.migration.code.StatementWalk;
import io.migrescue.model.Engine;
import io.migrescue.sql.Dialect;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Knex migrations ({@code exports.up = (knex) => knex.schema…}, as {@code knex migrate:make} writes them, in JavaScript
 * or TypeScript): the schema builder ({@code createTable}, {@code table}/{@code alterTable}, {@code dropTable},
 * {@code renameTable}, {@code withSchema}, chained or awaited one by one) rendered as Knex 3 renders it for the engine
 * (see {@link KnexTable}), and {@code knex.raw("…")} / {@code knex.schema.raw("…")} as written. Known by the file name
 * Knex records, in Knex's order (file names sorted).
 */
public final class KnexMigrationReader extends JsMigrationReader {
    public KnexMigrationReader() {
        super("knex", "knex");
    }

    @Override
    protected void read(List<Node> up, String knex, Engine engine, Rendered out) {
        new Body(knex, Dialect.of(engine), out).run(up);
    }

    private record Body(String knex, Dialect dialect, Rendered out) implements StatementWalk {
        @Override
        public void statement(Node n) {
            if (n instanceof Call c) {
                List<Call> chain = chain(c);
                Node root = chain.get(0).target();
                if (isSchema(root)) {
                    schemaChain(chain, null);
                    return;
                }
                if (root instanceof Ident id
                        && id.name().equals(knex)
                        && chain.get(0).name().equals("raw")) {
                    raw(chain.get(0));
                    thenCalls(chain.subList(1, chain.size()));
                    return;
                }
                if (chain.get(0).target() instanceof Ident p
                        && p.name().equals("Promise")
                        && chain.get(0).name().equals("all")
                        && chain.get(0).arg(0) instanceof Arr items) {
                    run(items.items());
                    thenCalls(chain.subList(1, chain.size()));
                    return;
                }
                if (wrapped(c)) {
                    return;
                }
            }
            out.notUnderstood(n);
        }

        /** {@code knex.schema} */
        private boolean isSchema(Node n) {
            return n instanceof Member m
                    && m.name().equals("schema")
                    && m.target() instanceof Ident id
                    && id.name().equals(knex);
        }

        private void schemaChain(List<Call> chain, String schemaName) {
            String schema = schemaName;
            for (Call call : chain) {
                String table = Code.str(call.arg(0));
                switch (call.name()) {
                    case "withSchema" -> schema = table;
                    case "createTable", "createTableIfNotExists", "table", "alterTable" -> {
                        if (table == null
                                || !(call.arg(1) instanceof Func builder)
                                || builder.params().isEmpty()) {
                            out.notUnderstood(call);
                        } else {
                            boolean create = call.name().startsWith("create");
                            new KnexTable(
                                            dialect,
                                            schema,
                                            table,
                                            create,
                                            call.name().equals("createTableIfNotExists"),
                                            out)
                                    .render(builder, call.line());
                        }
                    }
                    case "dropTable", "dropTableIfExists" -> {
                        if (table == null) {
                            out.notUnderstood(call);
                        } else {
                            out.add(
                                    "drop table " + (call.name().endsWith("IfExists") ? "if exists " : "")
                                            + dialect.qualify(schema, table),
                                    call.line());
                        }
                    }
                    case "renameTable" -> {
                        String to = Code.str(call.arg(1));
                        if (table == null || to == null) {
                            out.notUnderstood(call);
                        } else if (dialect.engine() == Engine.POSTGRESQL) {
                            out.add(
                                    "alter table " + dialect.qualify(schema, table) + " rename to " + dialect.quote(to),
                                    call.line());
                        } else {
                            out.add(
                                    "rename table " + dialect.qualify(schema, table) + " to " + dialect.quote(to),
                                    call.line());
                        }
                    }
                    case "raw" -> raw(call);
                    case "then" -> thenCalls(List.of(call));
                    default -> out.notUnderstood(call);
                }
            }
        }

        private void raw(Call call) {
            String sql = Code.str(call.arg(0));
            if (sql == null || call.args().size() > 1) {
                out.notUnderstood(call);
            } else {
                out.add(sql.strip(), call.line());
            }
        }

        private void thenCalls(List<Call> calls) {
            for (Call c : calls) {
                if (c.name().equals("then") && c.arg(0) instanceof Func f) {
                    run(f.body());
                } else {
                    out.notUnderstood(c);
                }
            }
        }
    }

    /** {@code a.b(…).c(…).d(…)} as [b, c, d], innermost first. */
    static List<Call> chain(Call last) {
        List<Call> calls = new ArrayList<>();
        Node n = last;
        while (n instanceof Call c && calls.size() < 10_000) {
            calls.add(c);
            n = c.target();
        }
        Collections.reverse(calls);
        return calls;
    }
}
