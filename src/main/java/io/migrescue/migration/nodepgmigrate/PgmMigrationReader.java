package io.migrescue.migration.nodepgmigrate;

import io.migrescue.migration.CodeMigrationReader;
import io.migrescue.migration.code.Code;
import io.migrescue.migration.code.JsMigrations;
import io.migrescue.migration.code.Node;
import io.migrescue.migration.code.Node.Arr;
import io.migrescue.migration.code.Node.Call;
import io.migrescue.migration.code.Node.Ident;
import io.migrescue.migration.code.Node.Obj;
import io.migrescue.migration.code.Rendered;
import io.migrescue.migration.code.StatementWalk;
import io.migrescue.model.Engine;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.SqlStatement;
import io.migrescue.sql.StatementSplitter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * node-pg-migrate's JavaScript/TypeScript migrations ({@code exports.up = (pgm) => {…}}): {@code pgm.sql("…")} as
 * written (a literal without {@code ${…}} and without arguments) and {@code pgm.createIndex(table, columns, options)}
 * rendered as node-pg-migrate 9 renders it; {@code pgm.noTransaction()} runs nothing. Any other builder call
 * ({@code createTable}, {@code addColumns}, …) is kept as not understood: its effects are unknown, never guessed.
 * Its SQL migrations are read as SQL (the part after {@code -- Up Migration}), not here.
 */
public final class PgmMigrationReader implements CodeMigrationReader {
    public static final String TOOL = "node-pg-migrate";

    @Override
    public String tool() {
        return TOOL;
    }

    /** None: node-pg-migrate's folder mixes code and SQL files, and its tool lists both (MigrationTool#migrationFiles). */
    @Override
    public List<MigrationFile> list(Path dir) {
        return List.of();
    }

    @Override
    public List<SqlStatement> statements(MigrationFile file, Engine engine) throws IOException {
        Rendered out = new Rendered();
        JsMigrations.up(file, out)
                .ifPresent(up -> new Body(JsMigrations.firstParam(up, "pgm"), Dialect.of(engine), out).run(up.body()));
        return out.statements();
    }

    private record Body(String pgm, Dialect dialect, Rendered out) implements StatementWalk {
        @Override
        public void statement(Node n) {
            if (n instanceof Call c
                    && c.target() instanceof Ident id
                    && id.name().equals(pgm)) {
                switch (c.name()) {
                    case "noTransaction" -> {
                        return; // how it runs, not what: the tool's transaction fact reads it from the source
                    }
                    case "sql" -> {
                        String sql = Code.str(c.arg(0));
                        if (sql != null && c.args().size() == 1) {
                            for (SqlStatement s : StatementSplitter.split(sql, dialect.engine())) {
                                out.add(s.sql(), c.line() + s.line() - 1);
                            }
                            return;
                        }
                    }
                    case "createIndex" -> {
                        String index = createIndex(c);
                        if (index != null) {
                            out.add(index, c.line());
                            return;
                        }
                    }
                    default -> {
                        // not rendered: shown below as not understood
                    }
                }
            } else if (n instanceof Call c && wrapped(c)) {
                return;
            }
            out.notUnderstood(n);
        }

        /** node-pg-migrate's operations/indexes/createIndex.js for plain column names; null for anything else. */
        private String createIndex(Call c) {
            String table = Code.str(c.arg(0));
            List<String> columns = new ArrayList<>();
            if (c.arg(1) instanceof Arr a) {
                a.items().forEach(i -> columns.add(Code.str(i)));
            } else {
                columns.add(Code.str(c.arg(1)));
            }
            Obj options = c.args().size() > 2 ? Code.obj(c.arg(2)) : new Obj(java.util.Map.of(), c.line(), "");
            if (table == null || columns.isEmpty() || columns.contains(null) || options == null) {
                return null;
            }
            for (String key : options.entries().keySet()) {
                if (!List.of("unique", "concurrently", "ifNotExists", "name").contains(key)) {
                    return null; // method, where, include, nulls: not rendered here
                }
            }
            boolean unique = flag(options, "unique");
            String name = options.get("name") != null
                    ? Code.str(options.get("name"))
                    : table + "_" + String.join("_", columns) + (unique ? "_unique" : "") + "_index";
            if (name == null) {
                return null;
            }
            return "CREATE" + (unique ? " UNIQUE" : "") + " INDEX"
                    + (flag(options, "concurrently") ? " CONCURRENTLY" : "")
                    + (flag(options, "ifNotExists") ? " IF NOT EXISTS" : "") + " " + dialect.quote(name) + " ON "
                    + dialect.quote(table) + " ("
                    + String.join(", ", columns.stream().map(dialect::quote).toList())
                    + ")";
        }

        private static boolean flag(Obj options, String key) {
            return Boolean.TRUE.equals(Code.bool(options.get(key)));
        }
    }
}
