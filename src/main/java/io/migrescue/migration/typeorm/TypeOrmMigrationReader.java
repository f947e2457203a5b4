package io.migrescue.migration.typeorm;

import io.migrescue.migration.code.Code;
import io.migrescue.migration.code.JsMigrationReader;
import io.migrescue.migration.code.JsMigrations;
import io.migrescue.migration.code.Lexer.Language;
import io.migrescue.migration.code.Node;
import io.migrescue.migration.code.Node.Assign;
import io.migrescue.migration.code.Node.Call;
import io.migrescue.migration.code.Node.ClassDef;
import io.migrescue.migration.code.Parser;
import io.migrescue.migration.code.Rendered;
import io.migrescue.migration.code.StatementWalk;
import io.migrescue.model.Engine;
import io.migrescue.sql.MigrationFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TypeORM migrations: a class whose {@code up(queryRunner)} runs {@code await queryRunner.query("…")} (what
 * {@code typeorm migration:generate} writes, in the engine's own SQL) or the Table API
 * ({@code queryRunner.createTable(new Table({…}))}, {@code addColumn}, {@code createIndex}, {@code createForeignKey}, …,
 * see {@link TableApi}). Known by the name TypeORM records: the {@code name} field, else the class name, whose last 13
 * digits are the timestamp TypeORM orders migrations by.
 */
public final class TypeOrmMigrationReader extends JsMigrationReader {
    private static final Pattern TIMESTAMP = Pattern.compile("(\\d{13})$");

    public TypeOrmMigrationReader() {
        super("typeorm", "queryRunner");
    }

    @Override
    public List<MigrationFile> list(Path dir) throws IOException {
        List<MigrationFile> files = new ArrayList<>(JsMigrations.list(dir, tool(), (path, source) -> {
            String name =
                    migrationName(Parser.parse(source, Language.JAVASCRIPT)).orElse(null);
            return name == null ? null : new MigrationFile(name, name, path, tool());
        }));
        files.sort(Comparator.comparing((MigrationFile f) -> timestamp(f.id())).thenComparing(MigrationFile::id));
        return files;
    }

    @Override
    protected void read(List<Node> up, String queryRunner, Engine engine, Rendered out) {
        new UpBody(queryRunner, new TableApi(engine), out).run(up);
    }

    /** TypeORM's {@code migration.name || migration.constructor.name}. */
    static Optional<String> migrationName(List<Node> program) {
        Optional<ClassDef> c = Code.firstClass(program);
        if (c.isEmpty()) {
            return Optional.empty();
        }
        for (Node m : c.get().members()) {
            if (m instanceof Assign a && a.name().equals("name") && Code.str(a.value()) != null) {
                return Optional.of(Code.str(a.value()));
            }
        }
        return c.get().name().isEmpty() ? Optional.empty() : Optional.of(c.get().name());
    }

    private static long timestamp(String name) {
        Matcher m = TIMESTAMP.matcher(name);
        return m.find() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
    }

    /** The statements of {@code up}, in order: {@code queryRunner.query(sql)} as written, the Table API rendered. */
    private record UpBody(String runner, TableApi tables, Rendered out) implements StatementWalk {
        @Override
        public void statement(Node n) {
            if (n instanceof Call c && c.target() != null && c.target().text().equals(runner)) {
                if (c.name().equals("query") && c.args().size() == 1 && Code.str(c.arg(0)) != null) {
                    out.add(Code.str(c.arg(0)).strip(), c.line());
                    return;
                }
                if (tables.render(c, out)) {
                    return;
                }
            }
            if (n instanceof Call c && wrapped(c)) { // a transaction, Promise.all
                return;
            }
            out.notUnderstood(n);
        }
    }
}
