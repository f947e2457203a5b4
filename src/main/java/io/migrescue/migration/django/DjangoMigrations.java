package io.migrescue.migration.django;

import io.migrescue.migration.CodeMigrationReader;
import io.migrescue.migration.python.PyExpr;
import io.migrescue.migration.python.PyModule;
import io.migrescue.model.Engine;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.SqlStatement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Django migrations: {@code --migrations} may be the project (every {@code <app>/migrations/} below it, a few levels
 * deep) or one app's {@code migrations} folder. A migration's id is {@code app.name}, as django_migrations keys it;
 * the order is the dependency graph's (dependencies first; among migrations ready at once, by app and name).
 */
public final class DjangoMigrations implements CodeMigrationReader {
    public static final String TOOL = "django";
    private static final int DEPTH = 4;
    private static final Set<String> SKIP = Set.of(
            "node_modules", "site-packages", "venv", ".venv", "env", "__pycache__", ".git", "static", "templates");

    @Override
    public String tool() {
        return TOOL;
    }

    /** One migration module, parsed. */
    record Migration(
            String app,
            String name,
            Path path,
            List<String[]> dependencies,
            List<PyExpr> operations,
            boolean replaces) {
        String id() {
            return app + "." + name;
        }
    }

    @Override
    public List<MigrationFile> list(Path dir) throws IOException {
        return order(read(dir)).stream()
                .map(m -> new MigrationFile(m.id(), m.id(), m.path(), TOOL))
                .toList();
    }

    @Override
    public List<SqlStatement> statements(MigrationFile file, Engine engine) throws IOException {
        Path app = file.path().getParent().getParent();
        List<Migration> all = order(read(app.getParent()));
        Map<String, DjangoModel> state = new HashMap<>();
        for (Migration m : all) {
            boolean target = m.path().equals(file.path());
            List<SqlStatement> sql = new DjangoOps(engine, state).apply(m.app(), m.operations(), target);
            if (target) {
                return sql;
            }
        }
        return List.of(new SqlStatement(
                1, "-- not understood: " + file.path().getFileName() + " is not a Django migration", 1));
    }

    private static List<Migration> read(Path dir) throws IOException {
        List<Path> folders = new ArrayList<>();
        if (dir.getFileName() != null && dir.getFileName().toString().equals("migrations")) {
            folders.add(dir);
        } else {
            try (Stream<Path> walk = Files.walk(dir, DEPTH, new FileVisitOption[0])) {
                walk.filter(Files::isDirectory)
                        .filter(p -> p.getFileName() != null
                                && p.getFileName().toString().equals("migrations"))
                        .filter(p -> Files.isRegularFile(p.resolve("__init__.py")))
                        .filter(p -> dir.relativize(p).toString().isEmpty()
                                || Stream.of(dir.relativize(p).toString().split("[/\\\\]"))
                                        .noneMatch(SKIP::contains))
                        .sorted()
                        .forEach(folders::add);
            }
        }
        List<Migration> migrations = new ArrayList<>();
        for (Path folder : folders) {
            String app = folder.toAbsolutePath().getParent().getFileName().toString();
            try (Stream<Path> files = Files.list(folder)) {
                for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".py")
                                && !f.getFileName().toString().startsWith("_"))
                        .sorted()
                        .toList()) {
                    parse(app, p).ifPresent(migrations::add);
                }
            }
        }
        return migrations;
    }

    static Optional<Migration> parse(String app, Path p) throws IOException {
        PyModule m = PyModule.parse(Files.readString(p, StandardCharsets.UTF_8));
        var body = m.block(m.lines(), 0, "class", "Migration");
        if (body.isEmpty() || body.get().isEmpty()) {
            return Optional.empty();
        }
        int indent = body.get().get(0).indent();
        List<String[]> deps = new ArrayList<>();
        m.assignment(body.get(), indent, "dependencies").flatMap(PyExpr::items).ifPresent(items -> {
            for (PyExpr d : items) {
                PyExpr.strings(d)
                        .filter(s -> s.size() == 2)
                        .ifPresent(s -> deps.add(new String[] {s.get(0), s.get(1)}));
            }
        });
        List<PyExpr> operations = m.assignment(body.get(), indent, "operations")
                .flatMap(PyExpr::items)
                .orElse(List.of());
        boolean replaces = m.assignment(body.get(), indent, "replaces").isPresent();
        String name = p.getFileName().toString();
        return Optional.of(
                new Migration(app, name.substring(0, name.length() - ".py".length()), p, deps, operations, replaces));
    }

    /** Dependencies first; among the ready ones, by app then name. A squashed migration stands in for none it replaces. */
    static List<Migration> order(List<Migration> migrations) {
        Map<String, Migration> byId = new LinkedHashMap<>();
        migrations.stream()
                .filter(m -> !m.replaces())
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .forEach(m -> byId.put(m.id(), m));
        List<Migration> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (order.size() < byId.size()) {
            Migration next = null;
            for (Migration m : byId.values()) {
                if (!done.contains(m.id()) && m.dependencies().stream().allMatch(d -> satisfied(d, byId, done))) {
                    next = m;
                    break;
                }
            }
            if (next == null) {
                byId.values().stream()
                        .filter(m -> !done.contains(m.id()))
                        .forEach(order::add); // a cycle: keep the rest
                break;
            }
            order.add(next);
            done.add(next.id());
        }
        return order;
    }

    private static boolean satisfied(String[] dep, Map<String, Migration> byId, Set<String> done) {
        if (dep[1].equals("__first__") || dep[1].equals("__latest__")) {
            List<Migration> ofApp =
                    byId.values().stream().filter(m -> m.app().equals(dep[0])).toList();
            return dep[1].equals("__first__")
                    ? ofApp.isEmpty() || ofApp.stream().anyMatch(m -> done.contains(m.id()))
                    : ofApp.stream().allMatch(m -> done.contains(m.id()));
        }
        String id = dep[0] + "." + dep[1];
        return !byId.containsKey(id) || done.contains(id);
    }
}
