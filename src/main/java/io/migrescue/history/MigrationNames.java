package io.migrescue.history;

import io.migrescue.sql.MigrationFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the tools name a migration after its file. The writers take the name from the file itself, not from
 * {@link MigrationFile#id()}: a directory migrescue lists as plain SQL ids {@code 20240101000000_init.sql} as
 * {@code 20240101000000_init}, while Supabase, goose and Atlas key it by the number in front.
 */
final class MigrationNames {
    private MigrationNames() {}

    /** The file's name, {@code 20240101000000_init.sql}; the id when there is no path. */
    static String fileName(MigrationFile file) {
        return file.path() == null || file.path().getFileName() == null
                ? file.id()
                : file.path().getFileName().toString();
    }

    /** {@code 20240101000000_init} of {@code 20240101000000_init.sql}. */
    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? fileName : fileName.substring(0, dot);
    }

    /** The digits before the first {@code separator} ({@code 00042} of {@code 00042_add_users.sql}), or null. */
    static String digitsBefore(String fileName, char separator) {
        int end = fileName.indexOf(separator);
        String prefix = end < 0 ? stem(fileName) : fileName.substring(0, end);
        return !prefix.isEmpty() && prefix.chars().allMatch(c -> c >= '0' && c <= '9') ? prefix : null;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
