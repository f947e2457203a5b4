package io.migrescue.backup;

import io.migrescue.db.DatabaseSession;
import io.migrescue.failure.MigrescueException;
import java.nio.file.Path;

/**
 * Restores a backup written by {@link BackupWriter}. The backup is verified first, and a backup whose files do not
 * match their checksums is refused. Then, per table:
 * <ul>
 *   <li>a whole-table backup replaces the table: when the live definition equals the backed-up one the rows are
 *       replaced in place (the table keeps its grants, owner, comments and dependent views), otherwise the table is
 *       dropped and recreated from the backup;</li>
 *   <li>a backup of some rows (taken with a WHERE) puts those rows back by primary key and leaves the others alone.</li>
 * </ul>
 * Foreign keys are put back after all rows are in, and must hold. Sequences and AUTO_INCREMENT end up past every
 * restored id and never move backwards. On PostgreSQL all of it is one transaction: it happens whole or not at all.
 * On MySQL/MariaDB, where DDL commits by itself, it runs table by table with foreign key checks off, then checks
 * every foreign key touching a restored table and reports the ones that do not hold.
 */
public final class Restorer {
    private Restorer() {}

    public static RestoreResult restore(DatabaseSession session, Path dir, RestoreOptions options) {
        return restore(session, dir, options, Progress.NONE);
    }

    /**
     * @throws MigrescueException exit 2 for a missing, damaged or unsuitable backup (nothing changed); exit 4 when the
     *                            database stops the restore (PostgreSQL: rolled back, nothing changed)
     */
    public static RestoreResult restore(DatabaseSession session, Path dir, RestoreOptions options, Progress progress) {
        BackupManifest manifest = readVerified(dir);
        if (manifest.engineOf() != session.engine()) {
            throw MigrescueException.usage(
                    "the backup in " + dir + " is of a " + manifest.engineOf().displayName() + " database; this is "
                            + session.engine().displayName());
        }
        if (!manifest.data()) {
            throw MigrescueException.usage("the backup in " + dir + " holds definitions only (--no-data): restoring it"
                    + " would leave the tables empty, so it is refused");
        }
        return session.engine().isMySqlFamily()
                ? MySqlRestore.run(session, dir, manifest, options, progress)
                : PostgresRestore.run(session, dir, manifest, options, progress);
    }

    /** The manifest of the backup in {@code dir}, after every file was re-read and matched its checksum. */
    public static BackupManifest readVerified(Path dir) {
        BackupManifest manifest = BackupManifest.read(dir);
        BackupVerification verification = manifest.verify(dir);
        if (!verification.intact()) {
            throw MigrescueException.usage("the backup in " + dir + " is damaged, refusing to restore it: "
                    + String.join("; ", verification.problems()));
        }
        return manifest;
    }
}
