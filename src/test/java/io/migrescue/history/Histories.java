package io.migrescue.history;

import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.HistoryLock;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.MigrationFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Histories as the readers return them, and migration files on disk, for the pure writer tests. */
final class Histories {
    static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123Z");

    private Histories() {}

    static MigrationHistory of(String tool, String schema, String table, HistoryEntry... entries) {
        return new MigrationHistory(tool, schema, table, Arrays.asList(entries), null);
    }

    static MigrationHistory withLock(MigrationHistory h, HistoryLock lock) {
        return new MigrationHistory(h.tool(), h.schema(), h.table(), h.entries(), lock);
    }

    static HistoryEntry entry(String id, EntryState state) {
        return new HistoryEntry(id, id, state, null, null, null);
    }

    static HistoryEntry entry(String id, String description, EntryState state) {
        return new HistoryEntry(id, description, state, null, null, null);
    }

    static MigrationFile file(Path dir, String relative, String content, String id, String tool) {
        try {
            Path path = dir.resolve(relative);
            Files.createDirectories(path.getParent());
            Files.writeString(path, content);
            return new MigrationFile(id, id, path, tool);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<MigrationFile> files(MigrationFile... files) {
        return List.of(files);
    }
}
