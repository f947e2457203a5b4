package io.migrescue.failure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * An I/O failure of one of migrescue's own files (backup directory, journal, plan, report, log, shell history) as one
 * line: the path, what failed, and how to choose another place. Such a failure is the environment's, never a bug:
 * exit 2 when the place cannot be used before anything changed (the operator picks another with the option named),
 * exit 4 when it stops a repair already under way (the journal says where it stopped).
 */
public final class FileFailures {
    private FileFailures() {}

    /**
     * @param what   e.g. "create the backup directory", "write the journal"
     * @param remedy e.g. "choose another with --backup-dir DIR"; null for none
     */
    public static MigrescueException of(ExitCode code, String what, Path path, IOException e, String remedy) {
        String shown = path == null ? "" : " " + path.toAbsolutePath().normalize();
        String at = where(e, path);
        return new MigrescueException(
                code,
                "cannot " + what + shown + ": " + reason(e) + (at == null ? "" : " (at " + at + ")")
                        + (remedy == null ? "" : "; " + remedy),
                e);
    }

    public static MigrescueException usage(String what, Path path, IOException e, String remedy) {
        return of(ExitCode.USAGE, what, path, e, remedy);
    }

    /** The file-system error in {@code t}'s cause chain, or null: what escapes a command as an environment problem. */
    public static IOException fileSystemCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof FileSystemException f) {
                return f;
            }
            if (c instanceof UncheckedIOException u && u.getCause() instanceof FileSystemException f) {
                return f;
            }
        }
        return null;
    }

    /** Why, in the operator's words: "permission denied", "read-only file system", "no space left on device", … */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException f) {
            return "a file is in the way" + (f.getFile() == null ? "" : " (" + f.getFile() + " is not a directory)");
        }
        if (e instanceof NotDirectoryException) {
            return "a file is in the way (not a directory)";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        String raw = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        if (raw == null || raw.isBlank()) {
            return e.getClass().getSimpleName();
        }
        raw = raw.lines().findFirst().orElse(raw).strip();
        int paren = raw.lastIndexOf(" (");
        if (!(e instanceof FileSystemException) && paren > 0 && raw.endsWith(")")) {
            raw = raw.substring(paren + 2, raw.length() - 1); // FileOutputStream: "/x/y (Permission denied)"
        }
        if (raw.equals("Not a directory")) {
            return "a file is in the way (not a directory)";
        }
        return raw.isEmpty() ? raw : raw.substring(0, 1).toLowerCase(Locale.ROOT) + raw.substring(1);
    }

    /** The path the file system named, when it is not the one shown (a parent that could not be made, say). */
    private static String where(IOException e, Path path) {
        if (!(e instanceof FileSystemException f) || f.getFile() == null || e instanceof FileAlreadyExistsException) {
            return null;
        }
        String file = Path.of(f.getFile()).toAbsolutePath().normalize().toString();
        return path != null && file.equals(path.toAbsolutePath().normalize().toString()) ? null : file;
    }
}
