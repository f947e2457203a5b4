package io.migrescue.sql;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Generic pieces for listing migration files: the plain {@code *.sql} listing, base names, numeric prefixes and the
 * name order. Which tool a directory's layout belongs to, and each tool's own layout, are the tools' business
 * ({@code io.migrescue.history.MigrationDirectories}).
 */
public final class MigrationFiles {
    public static final String SQL = ".sql";

    private MigrationFiles() {}

    /**
     * The file a history entry or an error text names. Accepts the id ({@code 2}, {@code 1.10},
     * {@code 20240115093000}, a Prisma folder name), a file name with or without {@code .sql} and directories
     * ({@code V2__x.sql}, {@code V2__x}, {@code db/migration/V2__x.sql}), a Flyway file whose description differs
     * but whose version matches, and a numeric prefix ({@code 20240115093000} for {@code 20240115093000_init}).
     */
    public static Optional<MigrationFile> find(List<MigrationFile> files, String wanted) {
        if (wanted == null || wanted.isBlank()) {
            return Optional.empty();
        }
        String key = baseName(wanted.strip());
        Optional<MigrationFile> exact = files.stream()
                .filter(f -> f.id().equalsIgnoreCase(key)
                        || baseName(f.path().getFileName().toString()).equalsIgnoreCase(key))
                .findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        Version version = Version.parse(flywayVersionText(key) != null ? flywayVersionText(key) : key);
        if (version != null) {
            Optional<MigrationFile> sameVersion =
                    files.stream().filter(f -> version.sameAs(versionOf(f))).findFirst();
            if (sameVersion.isPresent()) {
                return sameVersion;
            }
        }
        return files.stream().filter(f -> key.equals(numericPrefix(f.id()))).findFirst();
    }

    /** "1_1" of {@code V1_1__add_users.sql} or {@code V1_1__add_users}, or null when it is not a versioned migration. */
    public static String flywayVersionText(String file) {
        int separator = file.indexOf("__");
        if (!file.startsWith("V") || separator < 2) {
            return null;
        }
        String version = file.substring(1, separator);
        return Version.parse(version) != null ? version : null;
    }

    private static Version versionOf(MigrationFile file) {
        return switch (file.tool()) {
            case "flyway", "golang-migrate" -> Version.parse(file.id());
            default -> null;
        };
    }

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
