package io.migrescue.sql;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Generic pieces for listing migration files: the plain {@code *.sql} listing, base names, numeric prefixes and the
 * name order. Which tool a directory's layout belongs to, and each tool's own layout, are the tools' business
 * ({@code io.migrescue.history.MigrationDirectories}).
 */
public final class MigrationFiles {
    public static final String SQL = ".sql";

    private MigrationFiles() {}

    /** The {@code *.sql} files, and the Liquibase XML/YAML/JSON changelogs next to them (named with their extension). */
    public static List<MigrationFile> plain(Path dir, String tool) throws IOException {
        List<MigrationFile> files = new java.util.ArrayList<>(sqlFilesIn(dir).stream()
                .map(p -> baseName(p.getFileName().toString()))
                .map(name -> new MigrationFile(name, name, dir.resolve(name + SQL), tool))
                .toList());
        try (Stream<Path> children = Files.list(dir)) {
            children.filter(LiquibaseChangelog::isChangelog)
                    .map(p -> p.getFileName().toString())
                    .forEach(name -> files.add(new MigrationFile(name, name, dir.resolve(name), tool)));
        }
        files.sort((a, b) -> compareNames(a.id(), b.id()));
        return List.copyOf(files);
    }

    public static List<Path> sqlFilesIn(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(p ->
                            Files.isRegularFile(p) && p.getFileName().toString().endsWith(SQL))
                    .toList();
        }
    }

    /** The last path element without {@code .sql} (and golang-migrate's {@code .up}/{@code .down}). */
    public static String baseName(String file) {
        String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : List.of(".up.sql", ".down.sql", SQL)) {
            if (lower.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    /** The digits before the first underscore ({@code 20240115093000} of {@code 20240115093000_init}), or null. */
    public static String numericPrefix(String name) {
        int underscore = name.indexOf('_');
        String prefix = underscore < 0 ? name : name.substring(0, underscore);
        return !prefix.isEmpty() && prefix.chars().allMatch(Character::isDigit) ? prefix : null;
    }

    /** By numeric prefix when both have one (so 2_x sorts before 10_y), then by name. */
    public static int compareNames(String a, String b) {
        String pa = numericPrefix(a);
        String pb = numericPrefix(b);
        if (pa != null && pb != null) {
            int c = new BigInteger(pa).compareTo(new BigInteger(pb));
            if (c != 0) {
                return c;
            }
        }
        return a.compareTo(b);
    }
}
