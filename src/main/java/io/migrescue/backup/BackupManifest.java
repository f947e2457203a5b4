package io.migrescue.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.migrescue.failure.MigrescueException;
import io.migrescue.model.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code manifest.json}: what a backup holds and the checksum of every file, so that a restore can refuse a backup
 * that changed since it was written.
 *
 * @param url       the connection URL with every secret removed (the session's {@code DatabaseInfo.url()})
 * @param createdAt ISO-8601 instant, UTC
 * @param data      false for a definitions-only backup
 * @param tables    in restore order: a table comes after the tables its foreign keys point to
 * @param extras    further named files added with {@link BackupWriter#writeExtra}
 */
public record BackupManifest(
        String format,
        int formatVersion,
        String engine,
        String serverVersion,
        String url,
        String createdAt,
        boolean data,
        List<BackedUpTable> tables,
        List<BackupFile> extras) {
    public static final String FILE = "manifest.json";
    static final String FORMAT = "migrescue-backup";
    static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public BackupManifest {
        tables = List.copyOf(tables);
        extras = extras == null ? List.of() : List.copyOf(extras);
    }

    public Engine engineOf() {
        return Engine.fromId(engine);
    }

    public long totalRows() {
        return tables.stream().mapToLong(t -> t.rows() == null ? 0 : t.rows()).sum();
    }

    BackupManifest withExtra(BackupFile extra) {
        List<BackupFile> more = new ArrayList<>(
                extras.stream().filter(e -> !e.file().equals(extra.file())).toList());
        more.add(extra);
        return new BackupManifest(format, formatVersion, engine, serverVersion, url, createdAt, data, tables, more);
    }

    /** Writes {@code manifest.json} whole or not at all (a temporary file, synced, then renamed over). */
    void writeTo(Path dir) throws IOException {
        Path tmp = dir.resolve(FILE + ".tmp");
        try (FileSink sink = FileSink.create(dir, tmp.getFileName().toString(), n -> {})) {
            sink.stream().write(JSON.writeValueAsBytes(this));
            sink.stream().write('\n');
            sink.finish();
        }
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads the manifest of the backup in {@code dir}; a missing or unreadable one is a usage error (exit 2). */
    public static BackupManifest read(Path dir) {
        Path file = dir.resolve(FILE);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw MigrescueException.usage(
                    Files.isDirectory(dir)
                            ? "no backup in " + dir + ": it has no " + FILE
                            : "no backup at " + dir + ": no such directory");
        } catch (IOException e) {
            throw MigrescueException.usage(
                    "cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        BackupManifest manifest;
        try {
            manifest = JSON.readValue(text, BackupManifest.class);
        } catch (JsonProcessingException e) {
            throw MigrescueException.usage(file + " is not a readable backup manifest: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (!FORMAT.equals(manifest.format()) || manifest.tables() == null) {
            throw MigrescueException.usage(file + " is not a migrescue backup manifest");
        }
        if (manifest.formatVersion() > VERSION) {
            throw MigrescueException.usage(file + " has format version " + manifest.formatVersion()
                    + "; this migrescue reads up to " + VERSION + ": use a newer migrescue");
        }
        return manifest;
    }

    /** Re-reads every file: present, same size, same SHA-256, and for data files the recorded number of rows. */
    public BackupVerification verify(Path dir) {
        List<String> problems = new ArrayList<>();
        for (BackedUpTable t : tables) {
            check(dir, t.definition(), null, "definition of " + t.qualifiedName(), problems);
            if (data && t.data() == null) {
                problems.add("data of " + t.qualifiedName() + ": missing from the manifest");
            }
            if (t.data() != null) {
                check(dir, t.data(), t.rows(), "data of " + t.qualifiedName(), problems);
            }
        }
        for (BackupFile extra : extras) {
            check(dir, extra, null, "extra file", problems);
        }
        return new BackupVerification(problems);
    }

    private static void check(Path dir, BackupFile expected, Long rows, String what, List<String> problems) {
        if (expected == null || !plainName(expected.file())) {
            problems.add(what + ": no usable file name in the manifest");
            return;
        }
        String where = what + " (" + expected.file() + ")";
        FileDigest.Summary actual;
        try {
            actual = FileDigest.of(dir.resolve(expected.file()));
        } catch (NoSuchFileException e) {
            problems.add(where + ": file is missing");
            return;
        } catch (IOException e) {
            problems.add(where + ": cannot read it (" + e.getClass().getSimpleName() + ")");
            return;
        }
        if (actual.bytes() != expected.bytes()) {
            problems.add(where + ": " + actual.bytes() + " bytes, the manifest says " + expected.bytes());
        }
        if (!actual.sha256().equals(expected.sha256())) {
            problems.add(where + ": SHA-256 differs from the manifest: the file changed after the backup was written");
        }
        if (rows != null && actual.lines() != rows) {
            problems.add(where + ": " + actual.lines() + " rows, the manifest says " + rows);
        }
    }

    /** A file name inside the backup directory: a manifest must not make migrescue read or write anywhere else. */
    static boolean plainName(String name) {
        return name != null
                && !name.isEmpty()
                && !name.equals(".")
                && !name.equals("..")
                && name.indexOf('/') < 0
                && name.indexOf('\\') < 0
                && name.indexOf('\0') < 0;
    }
}
