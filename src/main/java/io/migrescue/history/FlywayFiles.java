package io.migrescue.history;

import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.MigrationFiles;
import io.migrescue.sql.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Flyway's migration files: {@code V<version>__<description>.sql}, searched recursively like Flyway does, in version
 * order, then the repeatable {@code R__} ones by name.
 */
final class FlywayFiles {
    private FlywayFiles() {}

    static List<MigrationFile> list(Path dir) throws IOException {
        List<MigrationFile> versioned = new ArrayList<>();
        List<MigrationFile> repeatable = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.filter(
                            p -> Files.isRegularFile(p) && p.toString().endsWith(MigrationFiles.SQL))
                    .toList()) {
                String file = path.getFileName().toString();
                String versionText = MigrationFiles.flywayVersionText(file);
                if (versionText != null) {
                    versioned.add(
                            new MigrationFile(versionText.replace('_', '.'), description(file), path, FlywayTool.TOOL));
                } else if (file.startsWith("R__")) {
                    repeatable.add(new MigrationFile(file, description(file), path, FlywayTool.TOOL));
                }
                // U<version>__ undo scripts are never applied by migrate
            }
        }
        versioned.sort(Comparator.comparing(f -> Version.parse(f.id())));
        repeatable.sort(Comparator.comparing(MigrationFile::name));
        versioned.addAll(repeatable);
        return versioned;
    }

    private static String description(String file) {
        return MigrationFiles.baseName(file.substring(file.indexOf("__") + 2)).replace('_', ' ');
    }
}
