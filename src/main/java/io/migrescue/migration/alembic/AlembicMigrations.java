package io.migrescue.migration.alembic;

import io.migrescue.migration.CodeMigrationReader;
import io.migrescue.migration.python.PyModule;
import io.migrescue.model.Engine;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.SqlStatement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Alembic revision scripts: {@code --migrations} may be the project (with {@code alembic.ini}), the script directory
 * (with {@code env.py}) or its {@code versions/} folder. The order is the revision graph's: a revision comes after its
 * down revisions and {@code depends_on}; branches are ordered by file name, a merge after all it merges.
 */
public final class AlembicMigrations implements CodeMigrationReader {
    public static final String TOOL = "alembic";

    @Override
    public String tool() {
        return TOOL;
    }

    @Override
    public List<MigrationFile> list(Path dir) throws IOException {
        Path versions = versions(dir).orElse(null);
        if (versions == null) {
            return List.of();
        }
        Map<String, AlembicScript> scripts = new LinkedHashMap<>();
        Map<String, Path> paths = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(versions)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".py"))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList()) {
                Optional<AlembicScript> s = AlembicScript.of(PyModule.parse(read(p)));
                if (s.isPresent()) {
                    scripts.put(s.get().revision(), s.get());
                    paths.put(s.get().revision(), p);
                }
            }
        }
        List<MigrationFile> ordered = new ArrayList<>();
        for (String revision : order(scripts)) {
            AlembicScript s = scripts.get(revision);
            ordered.add(new MigrationFile(
                    revision, s.message().isEmpty() ? revision : s.message(), paths.get(revision), TOOL));
        }
        return ordered;
    }

    @Override
    public List<SqlStatement> statements(MigrationFile file, Engine engine) throws IOException {
        PyModule m = PyModule.parse(read(file.path()));
        var upgrade = m.block(m.lines(), 0, "def", "upgrade");
        if (upgrade.isEmpty()) {
            return List.of(new SqlStatement(
                    1, "-- not understood: no upgrade() in " + file.path().getFileName(), 1));
        }
        return new AlembicOps(m, new SqlAlchemyDdl(engine)).render(upgrade.get());
    }

    /** The down revisions of a revision script ({@code down_revision}): empty for a base revision, two or more for a merge. */
    public static List<String> parents(Path script) throws IOException {
        return AlembicScript.of(PyModule.parse(read(script)))
                .map(AlembicScript::parents)
                .orElse(List.of());
    }

    /**
     * alembic_version holds heads: a revision is applied when it is a head or below one ({@code recorded} are the
     * heads; the result adds every ancestor the scripts in {@code files} name).
     */
    @Override
    public Set<String> applied(Set<String> recorded, List<MigrationFile> files) {
        Map<String, List<String>> below = new LinkedHashMap<>();
        for (MigrationFile f : files) {
            if (TOOL.equals(f.tool()) && f.path() != null) {
                try {
                    AlembicScript.of(PyModule.parse(read(f.path()))).ifPresent(s -> {
                        List<String> all = new ArrayList<>(s.parents());
                        all.addAll(s.dependsOn());
                        below.put(s.revision(), all);
                    });
                } catch (IOException unreadable) {
                    // then it cannot say what is below it
                }
            }
        }
        Set<String> applied = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(recorded);
        while (!todo.isEmpty()) {
            String r = todo.pop();
            if (applied.add(r)) {
                todo.addAll(below.getOrDefault(r, List.of()));
            }
        }
        return applied;
    }

    /** Parents first; among revisions ready at once, the file order (the scripts are read sorted by path). */
    private static List<String> order(Map<String, AlembicScript> scripts) {
        List<String> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        boolean progress = true;
        while (progress && order.size() < scripts.size()) {
            progress = false;
            for (AlembicScript s : scripts.values()) {
                if (done.contains(s.revision())) {
                    continue;
                }
                boolean ready = Stream.concat(s.parents().stream(), s.dependsOn().stream())
                        .allMatch(p -> done.contains(p) || !scripts.containsKey(p));
                if (ready) {
                    order.add(s.revision());
                    done.add(s.revision());
                    progress = true;
                    // walk straight down the chain so a linear history reads in revision order
                    break;
                }
            }
        }
        // a cycle: what is left, in file order, so nothing is dropped
        scripts.keySet().stream().filter(r -> !done.contains(r)).forEach(order::add);
        return order;
    }

    /** The folder of revision scripts under {@code dir}, if it is an Alembic layout. */
    static Optional<Path> versions(Path dir) throws IOException {
        Path ini = dir.resolve("alembic.ini");
        if (Files.isRegularFile(ini)) {
            for (String line : Files.readAllLines(ini, StandardCharsets.UTF_8)) {
                String l = line.strip();
                if (l.startsWith("script_location")) {
                    String location = l.substring(l.indexOf('=') + 1).strip().replace("%(here)s", dir.toString());
                    Path scripts = dir.resolve(location);
                    if (Files.isDirectory(scripts.resolve("versions"))) {
                        return Optional.of(scripts.resolve("versions"));
                    }
                }
            }
        }
        if (Files.isDirectory(dir.resolve("versions")) && containsRevision(dir.resolve("versions"))) {
            return Optional.of(dir.resolve("versions"));
        }
        if (Files.isRegularFile(dir.resolve("script.py.mako"))
                || dir.getFileName() != null && dir.getFileName().toString().equals("versions")
                || containsRevision(dir)) {
            return containsRevision(dir) ? Optional.of(dir) : Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean containsRevision(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".py"))
                    .toList()) {
                if (AlembicScript.of(PyModule.parse(read(p))).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
