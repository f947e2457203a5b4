package io.migrescue.app;

import io.migrescue.failure.MigrescueException;
import io.migrescue.sql.MigrationFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code --migrations DIR}: listed in the tool's order; a missing or unreadable directory is a usage error. */
final class MigrationDirectory {
    private MigrationDirectory() {}

    static List<MigrationFile> list(Path dir, List<String> notes) {
        if (dir == null) {
            return List.of();
        }
        if (!Files.isDirectory(dir)) {
            throw MigrescueException.usage("--migrations " + dir + ": no such directory");
        }
        try {
            List<MigrationFile> files = io.migrescue.migration.MigrationStatements.list(dir);
            if (files.isEmpty()) {
                notes.add("no migration files found in " + dir);
            }
            return files;
        } catch (IOException e) {
            throw MigrescueException.usage("--migrations " + dir + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    /**
     * Table name → the statements that make it as the migrations mean it (for create-missing-table): see
     * {@link MigratedTables}; {@code failedFile} and the files after it are left out.
     */
    static java.util.Map<String, List<String>> creates(Path dir, io.migrescue.model.Engine engine, String failedFile) {
        return MigratedTables.of(list(dir, new java.util.ArrayList<>()), engine, failedFile);
    }

    /** The statements of one migration, SQL or code (a code migration rendered for {@code engine}). */
    static List<io.migrescue.sql.SqlStatement> statements(MigrationFile file, io.migrescue.model.Engine engine) {
        try {
            return io.migrescue.migration.MigrationStatements.of(file, engine);
        } catch (IOException e) {
            throw MigrescueException.usage("cannot read migration file " + file.path() + " (" + e.getMessage() + ")");
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw MigrescueException.usage("cannot read migration file " + file + " (" + e.getMessage() + ")");
        }
    }
}
