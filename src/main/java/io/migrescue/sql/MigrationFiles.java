package io.migrescue.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The migration files of a {@code --migrations} directory, in the order their tool applies them. The layout tells
 * the tool: Drizzle ({@code meta/_journal.json}), Prisma ({@code <folder>/migration.sql}), Flyway
 * ({@code V<version>__<description>.sql}, searched recursively like Flyway does), golang-migrate
 * ({@code <version>_<name>.up.sql}), goose ({@code <version>_<name>.sql} with {@code -- +goose Up}), else plain
 * {@code *.sql} files.
 */
public final class MigrationFiles {
    private static final String SQL = ".sql";

    private MigrationFiles() {}

    public static List<MigrationFile> list(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve("meta").resolve("_journal.json"))) {
            return drizzle(dir);
        }
        List<MigrationFile> prisma = prisma(dir);
        if (!prisma.isEmpty()) {
            return prisma;
        }
        List<MigrationFile> flyway = flyway(dir);
        if (!flyway.isEmpty()) {
            return flyway;
        }
        List<MigrationFile> golang = golangMigrate(dir);
        if (!golang.isEmpty()) {
            return golang;
        }
        List<MigrationFile> goose = goose(dir);
        if (!goose.isEmpty()) {
            return goose;
        }
        return plain(dir, "plain");
    }

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

    // --- Flyway

    private static List<MigrationFile> flyway(Path dir) throws IOException {
        List<MigrationFile> versioned = new ArrayList<>();
        List<MigrationFile> repeatable = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.filter(
                            p -> Files.isRegularFile(p) && p.toString().endsWith(SQL))
                    .toList()) {
                String file = path.getFileName().toString();
                String versionText = flywayVersionText(file);
                if (versionText != null) {
                    versioned.add(
                            new MigrationFile(versionText.replace('_', '.'), flywayDescription(file), path, "flyway"));
                } else if (file.startsWith("R__")) {
                    repeatable.add(new MigrationFile(file, flywayDescription(file), path, "flyway"));
                }
                // U<version>__ undo scripts are never applied by migrate
            }
        }
        versioned.sort(Comparator.comparing(MigrationFiles::versionOf));
        repeatable.sort(Comparator.comparing(MigrationFile::name));
        versioned.addAll(repeatable);
        return versioned;
    }

    /** "1_1" of {@code V1_1__add_users.sql} or {@code V1_1__add_users}, or null when it is not a versioned migration. */
    private static String flywayVersionText(String file) {
        int separator = file.indexOf("__");
        if (!file.startsWith("V") || separator < 2) {
            return null;
        }
        String version = file.substring(1, separator);
        return Version.parse(version) != null ? version : null;
    }

    private static String flywayDescription(String file) {
        return baseName(file.substring(file.indexOf("__") + 2)).replace('_', ' ');
    }

    // --- golang-migrate

    private static List<MigrationFile> golangMigrate(Path dir) throws IOException {
        List<MigrationFile> files = new ArrayList<>();
        for (Path path : sqlFilesIn(dir)) {
            String file = path.getFileName().toString();
            if (!file.endsWith(".up.sql")) {
                continue; // .down.sql undoes, it is not part of the forward history
            }
            String stem = file.substring(0, file.length() - ".up.sql".length());
            int underscore = stem.indexOf('_');
            String version = underscore < 0 ? stem : stem.substring(0, underscore);
            if (!version.isEmpty() && version.chars().allMatch(Character::isDigit)) {
                String name = underscore < 0 ? stem : stem.substring(underscore + 1);
                // schema_migrations.version is a bigint: 000001 is stored as 1
                files.add(new MigrationFile(new BigInteger(version).toString(), name, path, "golang-migrate"));
            }
        }
        files.sort(Comparator.comparing(MigrationFiles::versionOf));
        return files;
    }

    // --- goose

    /** {@code NNN_name.sql} files with goose's {@code -- +goose Up} annotation, keyed by their version (goose's id). */
    private static List<MigrationFile> goose(Path dir) throws IOException {
        List<MigrationFile> files = new ArrayList<>();
        for (Path path : sqlFilesIn(dir)) {
            String stem = baseName(path.getFileName().toString());
            String version = numericPrefix(stem);
            if (version != null && stem.contains("_") && GooseSql.isMigration(path)) {
                files.add(new MigrationFile(
                        new BigInteger(version).toString(), stem.substring(stem.indexOf('_') + 1), path, "goose"));
            }
        }
        files.sort(Comparator.comparing(f -> new BigInteger(f.id())));
        return files;
    }

    // --- Prisma

    private static List<MigrationFile> prisma(Path dir) throws IOException {
        List<MigrationFile> files = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.filter(Files::isDirectory).toList()) {
                Path sql = child.resolve("migration.sql");
                if (Files.isRegularFile(sql)) {
                    String folder = child.getFileName().toString();
                    int underscore = folder.indexOf('_');
                    files.add(new MigrationFile(
                            folder, underscore < 0 ? folder : folder.substring(underscore + 1), sql, "prisma"));
                }
            }
        }
        files.sort(Comparator.comparing(MigrationFile::id, MigrationFiles::compareNames));
        return files;
    }

    // --- Drizzle

    private static List<MigrationFile> drizzle(Path dir) throws IOException {
        JsonNode entries;
        try {
            entries = new ObjectMapper()
                    .readTree(dir.resolve("meta").resolve("_journal.json").toFile())
                    .path("entries");
        } catch (IOException unreadable) {
            return plain(dir, "drizzle");
        }
        if (!entries.isArray() || entries.isEmpty()) {
            return plain(dir, "drizzle");
        }
        List<MigrationFile> files = new ArrayList<>();
        for (JsonNode entry : entries) {
            String tag = entry.path("tag").asText("");
            Path sql = dir.resolve(tag + SQL);
            if (!tag.isEmpty() && Files.isRegularFile(sql)) {
                files.add(new MigrationFile(tag, tag, sql, "drizzle"));
            }
        }
        return files;
    }

    // --- plain

    /** The {@code *.sql} files, and the Liquibase XML/YAML/JSON changelogs next to them (named with their extension). */
    private static List<MigrationFile> plain(Path dir, String tool) throws IOException {
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

    // --- helpers

    private static List<Path> sqlFilesIn(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(p ->
                            Files.isRegularFile(p) && p.getFileName().toString().endsWith(SQL))
                    .toList();
        }
    }

    /** The last path element without {@code .sql} (and golang-migrate's {@code .up}/{@code .down}). */
    private static String baseName(String file) {
        String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : List.of(".up.sql", ".down.sql", SQL)) {
            if (lower.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static Version versionOf(MigrationFile file) {
        return switch (file.tool()) {
            case "flyway", "golang-migrate" -> Version.parse(file.id());
            default -> null;
        };
    }

    /** The digits before the first underscore ({@code 20240115093000} of {@code 20240115093000_init}), or null. */
    private static String numericPrefix(String name) {
        int underscore = name.indexOf('_');
        String prefix = underscore < 0 ? name : name.substring(0, underscore);
        return !prefix.isEmpty() && prefix.chars().allMatch(Character::isDigit) ? prefix : null;
    }

    /** By numeric prefix when both have one (so 2_x sorts before 10_y), then by name. */
    private static int compareNames(String a, String b) {
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
