package io.migrescue.history;

import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.MigrationFiles;
import io.migrescue.sql.Version;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The migration files of a {@code --migrations} directory, in the order their tool applies them. The layout tells
 * the tool: each tool of {@link MigrationTools} that knows a layout ({@link MigrationTool#migrationFiles}) is asked in
 * the order of its {@link MigrationTool#layoutPriority()} (Drizzle's {@code meta/_journal.json}, Prisma's
 * {@code <folder>/migration.sql}, Flyway's {@code V<version>__<description>.sql}, golang-migrate's
 * {@code <version>_<name>.up.sql}, goose's {@code <version>_<name>.sql} with {@code -- +goose Up}); the first that
 * finds its files wins, else the directory is plain {@code *.sql} files.
 */
public final class MigrationDirectories {
    private static final List<MigrationTool> BY_LAYOUT = MigrationTools.all().stream()
            .sorted(Comparator.comparingInt(MigrationTool::layoutPriority))
            .toList();

    private MigrationDirectories() {}

    public static List<MigrationFile> list(Path dir) throws IOException {
        for (MigrationTool tool : BY_LAYOUT) {
            List<MigrationFile> files = tool.migrationFiles(dir);
            if (!files.isEmpty()) {
                return files;
            }
        }
        return MigrationTools.factsOf(PlainSqlTool.ID).migrationFiles(dir);
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
        String key = MigrationFiles.baseName(wanted.strip());
        Optional<MigrationFile> exact = files.stream()
                .filter(f -> f.id().equalsIgnoreCase(key)
                        || MigrationFiles.baseName(f.path().getFileName().toString())
                                .equalsIgnoreCase(key))
                .findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        Version version = Version.parse(FlywayFiles.versionText(key) != null ? FlywayFiles.versionText(key) : key);
        if (version != null) {
            Optional<MigrationFile> sameVersion =
                    files.stream().filter(f -> version.sameAs(versionOf(f))).findFirst();
            if (sameVersion.isPresent()) {
                return sameVersion;
            }
        }
        return files.stream()
                .filter(f -> key.equals(MigrationFiles.numericPrefix(f.id())))
                .findFirst();
    }

    /** The file's id as a version, for the tools whose ids are versions ({@link MigrationTool#idsAreVersions()}). */
    static Version versionOf(MigrationFile file) {
        return MigrationTools.factsOf(file.tool()).idsAreVersions() ? Version.parse(file.id()) : null;
    }
}
