package io.migrescue.history;

import io.migrescue.sql.MigrationFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

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
}
