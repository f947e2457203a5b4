package io.migrescue.files;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Files only their owner may read: backups hold production rows, journals and plans the statements run on them, logs
 * and the shell history what was typed at a production database. Directories migrescue creates are {@code 0700}, its
 * files {@code 0600}, where the file system has POSIX permissions (elsewhere its own defaults apply).
 */
public final class PrivateFiles {
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {}

    /** Creates {@code dir} and its missing parents, each one created {@code 0700}; an existing directory is left as it is. */
    public static void createDirectories(Path dir) throws IOException {
        Deque<Path> missing = missing(dir);
        for (Path p : missing) {
            createDirectory(p);
        }
    }

    /** A new empty file, {@code 0600}; fails if it exists (a journal never writes over another). */
    public static void createNewFile(Path file) throws IOException {
        if (POSIX) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            Files.setPosixFilePermissions(file, FILE); // whatever the umask says
        } else {
            Files.createFile(file);
        }
    }

    /** The file for writing from its start ({@code 0600}, created or emptied). */
    public static FileOutputStream newOutput(Path file) throws IOException {
        restrict(file);
        return new FileOutputStream(file.toFile());
    }

    /** Writes {@code text} (UTF-8) as the whole of {@code file}, {@code 0600}. */
    public static void writeString(Path file, String text) throws IOException {
        try (FileOutputStream out = newOutput(file)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Makes {@code file} owner-only, creating it empty when missing. */
    public static void restrict(Path file) throws IOException {
        if (!POSIX) {
            return;
        }
        if (Files.notExists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        }
        if (Files.isRegularFile(file)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /**
     * Proves that {@code dir} can be created and written (a file made and removed in it), leaving the file system as it
     * was: what it had to create for the proof is removed again.
     *
     * @throws IOException the file system's own reason (permission denied, read-only file system, not a directory, …)
     */
    public static void checkWritable(Path dir) throws IOException {
        Deque<Path> missing = missing(dir);
        Deque<Path> made = new ArrayDeque<>();
        try {
            for (Path p : missing) {
                createDirectory(p);
                made.push(p);
            }
            Path probe = Files.createTempFile(dir, ".migrescue-write-check", ".tmp");
            Files.delete(probe);
        } finally {
            while (!made.isEmpty()) {
                Files.deleteIfExists(made.pop());
            }
        }
    }

    /** The directories to create for {@code dir}, outermost first. */
    private static Deque<Path> missing(Path dir) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p)) {
                break;
            }
            if (Files.exists(p)) {
                throw new FileAlreadyExistsException(p.toString(), null, "not a directory");
            }
            missing.push(p);
        }
        return missing;
    }

    private static void createDirectory(Path p) throws IOException {
        FileAttribute<?>[] attributes = POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIRECTORY)}
                : new FileAttribute<?>[0];
        try {
            Files.createDirectory(p, attributes);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(p)) {
                throw e;
            }
            return; // made meanwhile by another run: not ours to change
        }
        if (POSIX) {
            Files.setPosixFilePermissions(p, DIRECTORY);
        }
    }
}
