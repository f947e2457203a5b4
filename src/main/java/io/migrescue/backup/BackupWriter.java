package io.migrescue.backup;

import io.migrescue.catalog.CatalogReader;
import io.migrescue.db.DatabaseSession;
import io.migrescue.db.Redaction;
import io.migrescue.failure.ExitCode;
import io.migrescue.failure.FileFailures;
import io.migrescue.failure.MigrescueException;
import io.migrescue.files.PrivateFiles;
import io.migrescue.model.Catalog;
import io.migrescue.model.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a backup: per table its definition and (unless definitions only) its rows, then {@code manifest.json} with
 * every file's checksum, then reads it all back. A backup that does not verify is an error, never a result: the
 * safety rules say nothing changes before a verified backup exists.
 */
public final class BackupWriter {
    private BackupWriter() {}

    /**
     * @param dir a new or empty directory: a backup never writes over another
     * @throws MigrescueException exit 2 for an unknown table or an unusable directory, 4 when the database or the
     *                            disk stops it, 5 when the written files do not verify
     */
    public static BackupManifest write(DatabaseSession session, BackupRequest request, Path dir, Progress progress) {
        Map<String, TableSelection> selections = selections(request);
        boolean created = checkTarget(dir);
        List<BackedUpTable> written = new ArrayList<>();
        List<String> stems = new ArrayList<>();
        try (EngineBackup engine = EngineBackup.open(session)) {
            List<String> schemas = request.tables().stream()
                    .map(TableSelection::schema)
                    .distinct()
                    .toList();
            Catalog catalog = CatalogReader.of(session.engine()).read(session.connection(), schemas);
            List<Table> tables = DependencyOrder.parentsFirst(resolve(catalog, request));
            engine.prepare(tables);
            try {
                PrivateFiles.createDirectories(dir);
            } catch (IOException e) {
                throw FileFailures.usage(
                        "create the backup directory", dir, e, "nothing was changed; choose another directory");
            }
            for (Table table : tables) {
                String stem = TableFiles.stem(stems.size() + 1, table.schema(), table.name());
                stems.add(stem);
                written.add(engine.write(
                        table, selections.get(table.qualifiedName()), dir, stem, request.data(), progress));
            }
        } catch (SQLException | IOException | RuntimeException e) {
            TableFiles.removeQuietly(dir, stems, created);
            throw e instanceof SQLException sql
                    ? Failures.database("backup stopped", sql)
                    : e instanceof IOException io ? Failures.files("backup stopped", dir, io) : (RuntimeException) e;
        }
        BackupManifest manifest = new BackupManifest(
                BackupManifest.FORMAT,
                BackupManifest.VERSION,
                session.engine().id(),
                session.info().version(),
                Redaction.url(session.info().url()),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                request.data(),
                written,
                List.of());
        return store(manifest, dir);
    }

    /**
     * Adds a named file (say, the migration history rows a repair is about to change) to a written backup: the file,
     * its checksum in the manifest, and a new verification of the whole.
     */
    public static BackupManifest writeExtra(Path dir, String name, String content) {
        if (!BackupManifest.plainName(name) || name.equals(BackupManifest.FILE) || name.matches("\\d{3}-.*")) {
            throw new IllegalArgumentException("not a usable name for an extra backup file: " + name);
        }
        BackupManifest manifest = BackupManifest.read(dir);
        try {
            return store(manifest.withExtra(TableFiles.writeText(dir, name, content)), dir);
        } catch (IOException e) {
            throw Failures.files("backup stopped", dir, e);
        }
    }

    private static BackupManifest store(BackupManifest manifest, Path dir) {
        try {
            manifest.writeTo(dir);
        } catch (IOException e) {
            throw Failures.files("backup stopped", dir, e);
        }
        BackupVerification verification = manifest.verify(dir);
        if (!verification.intact()) {
            throw new MigrescueException(
                    ExitCode.VERIFICATION_FAILED,
                    "the backup in " + dir + " does not read back as written: "
                            + String.join("; ", verification.problems()));
        }
        return manifest;
    }

    /** Checks that {@code dir} is new or empty; true when it does not exist yet (so a failed backup removes it). */
    private static boolean checkTarget(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        if (!Files.isDirectory(dir)) {
            throw MigrescueException.usage(dir + " is a file, not a directory");
        }
        try (var entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw MigrescueException.usage(
                        dir + " is not empty: a backup never writes over another; choose a new directory");
            }
        } catch (IOException e) {
            throw MigrescueException.usage("cannot read the backup directory " + dir + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        return false;
    }

    private static Map<String, TableSelection> selections(BackupRequest request) {
        Map<String, TableSelection> byName = new LinkedHashMap<>();
        for (TableSelection s : request.tables()) {
            if (byName.put(s.qualifiedName(), s) != null) {
                throw MigrescueException.usage("table " + s.qualifiedName() + " is asked for twice");
            }
        }
        return byName;
    }

    private static List<Table> resolve(Catalog catalog, BackupRequest request) {
        List<Table> tables = new ArrayList<>();
        Set<String> missing = new HashSet<>();
        for (TableSelection s : request.tables()) {
            catalog.table(s.schema(), s.table()).ifPresentOrElse(tables::add, () -> missing.add(s.qualifiedName()));
        }
        if (!missing.isEmpty()) {
            throw MigrescueException.usage("no table named "
                    + String.join(", ", missing.stream().sorted().toList()));
        }
        return tables;
    }
}
