package io.migrescue.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Names and writes the files of a backup. */
final class TableFiles {
    private static final int MAX_NAME = 80;

    private TableFiles() {}

    /**
     * {@code 001-public.orders}: the position keeps names unique and in restore order, the rest is for people. Any
     * character that could upset a file system or a shell becomes {@code _}.
     */
    static String stem(int position, String schema, String table) {
        String readable = (schema + "." + table).replaceAll("[^A-Za-z0-9._-]", "_");
        if (readable.length() > MAX_NAME) {
            readable = readable.substring(0, MAX_NAME);
        }
        return String.format(Locale.ROOT, "%03d-%s", position, readable);
    }

    static BackupFile writeText(Path dir, String name, String text) throws IOException {
        try (FileSink sink = FileSink.create(dir, name, n -> {})) {
            sink.stream().write(text.getBytes(StandardCharsets.UTF_8));
            return sink.finish().as(name);
        }
    }

    /**
     * After a failed backup: removes the files this run wrote (the {@code stems}), and the directory when this run
     * made it. A half-written backup has no manifest, so nothing would restore it, but it would block the next try.
     */
    static void removeQuietly(Path dir, List<String> stems, boolean removeDir) {
        for (String stem : stems) {
            for (String suffix : List.of(".sql", ".copy", ".rows")) {
                try {
                    Files.deleteIfExists(dir.resolve(stem + suffix));
                } catch (IOException ignored) {
                    // best effort: the failure being reported matters more
                }
            }
        }
        if (removeDir) {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // not empty or not ours to remove
            }
        }
    }
}
