package io.migrescue.migration.rails;

import io.migrescue.migration.CodeMigrationReader;
import io.migrescue.migration.code.Code;
import io.migrescue.migration.code.Lexer.Language;
import io.migrescue.migration.code.Node;
import io.migrescue.migration.code.Node.Call;
import io.migrescue.migration.code.Node.ClassDef;
import io.migrescue.migration.code.Node.Def;
import io.migrescue.migration.code.Node.Func;
import io.migrescue.migration.code.Node.Ident;
import io.migrescue.migration.code.Node.Obj;
import io.migrescue.migration.code.Parser;
import io.migrescue.migration.code.Rendered;
import io.migrescue.model.Engine;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.SqlStatement;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ActiveRecord migrations ({@code db/migrate/<version>_<name>.rb}, as {@code rails generate migration} writes them):
 * {@code change} (or {@code up}) read call by call and rendered as ActiveRecord renders them for the engine, with its
 * implicit {@code id}, {@code t.timestamps}, {@code t.references} and its names ({@link RailsSql}). Read:
 * {@code create_table} (with {@code t.<type>}, {@code t.column}, {@code t.references}/{@code t.belongs_to},
 * {@code t.timestamps}, {@code t.index}), {@code drop_table}, {@code rename_table}, {@code add_column},
 * {@code remove_column(s)}, {@code rename_column}, {@code change_column}, {@code change_column_default},
 * {@code change_column_null} (PostgreSQL), {@code add_index}, {@code remove_index}, {@code rename_index},
 * {@code add_reference}/{@code add_belongs_to}, {@code remove_reference}, {@code add_foreign_key},
 * {@code remove_foreign_key}, {@code add_timestamps}, {@code remove_timestamps}, {@code change_table} (line by line),
 * {@code execute}, the {@code up} half of
 * {@code reversible}, {@code up_only}, {@code say_with_time}. Known by its version, in version order.
 */
public final class RailsMigrationReader implements CodeMigrationReader {
    private static final Pattern FILE = Pattern.compile("^(\\d+)_([a-z0-9_]+)\\.rb$");
    private static final Pattern VERSION = Pattern.compile("Migration\\[(\\d+\\.\\d+)\\]");

    @Override
    public String tool() {
        return "rails";
    }

    @Override
    public List<MigrationFile> list(Path dir) throws IOException {
        List<MigrationFile> files = new ArrayList<>();
        for (Path p : Code.files(dir, ".rb")) {
            Matcher m = FILE.matcher(p.getFileName().toString());
            if (m.matches()) {
                files.add(new MigrationFile(m.group(1), m.group(2), p, tool()));
            }
        }
        files.sort(Comparator.comparing(f -> new BigInteger(f.id())));
        return files;
    }

    @Override
    public List<SqlStatement> statements(MigrationFile file, Engine engine) throws IOException {
        List<Node> program = Parser.parse(Files.readString(file.path(), StandardCharsets.UTF_8), Language.RUBY);
        Rendered out = new Rendered();
        Optional<ClassDef> migration = Code.firstClass(program);
        Optional<Func> body =
                migration.flatMap(c -> method(c, "change")).or(() -> migration.flatMap(c -> method(c, "up")));
        if (body.isEmpty()) {
            out.notUnderstood("(no change or up method in " + file.path().getFileName() + ")", 1);
            return out.statements();
        }
        double version = migration
                .map(ClassDef::superclass)
                .map(VERSION::matcher)
                .filter(Matcher::find)
                .map(m -> Double.parseDouble(m.group(1)))
                .orElse(7.1);
        new RailsBody(new RailsSql(engine, version), out).run(body.get().body());
        return out.statements();
    }

    private static Optional<Func> method(ClassDef c, String name) {
        return c.members().stream()
                .filter(m -> m instanceof Def d && d.name().equals(name))
                .map(m -> ((Def) m).func())
                .findFirst();
    }

    /** {@code reversible do |dir| dir.up { … } end}: the block given to {@code up}. */
    static List<Node> upHalf(Func reversible) {
        List<Node> up = new ArrayList<>();
        String dir = reversible.params().isEmpty() ? "dir" : reversible.params().get(0);
        for (Node n : reversible.body()) {
            if (n instanceof Call c
                    && c.name().equals("up")
                    && c.target() instanceof Ident id
                    && id.name().equals(dir)
                    && c.block() != null) {
                up.addAll(c.block().body());
            } else if (!(n instanceof Call c2 && c2.name().equals("down"))) {
                up.add(n);
            }
        }
        return up;
    }

    static Obj options(Call c) {
        return c.args().isEmpty() ? null : c.args().get(c.args().size() - 1) instanceof Obj o ? o : null;
    }
}
