package io.migrescue.backup;

/**
 * A file of a backup as the manifest records it.
 *
 * @param file   the file name inside the backup directory (never a path)
 * @param sha256 lower-case hex digest of the file's bytes, computed while it was written
 */
public record BackupFile(String file, long bytes, String sha256) {}
