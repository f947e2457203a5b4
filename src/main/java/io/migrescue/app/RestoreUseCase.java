package io.migrescue.app;

import io.migrescue.backup.BackupManifest;
import io.migrescue.backup.Progress;
import io.migrescue.backup.RestoreOptions;
import io.migrescue.backup.RestoreResult;
import io.migrescue.backup.Restorer;
import io.migrescue.db.DatabaseSession;
import java.nio.file.Path;

/** {@code restore}: check the backup before anyone is asked to confirm, then restore it. */
public final class RestoreUseCase {
    private RestoreUseCase() {}

    /** The verified manifest of the backup in {@code dir}; a missing or damaged backup is a usage error (exit 2). */
    public static BackupManifest check(Path dir) {
        return Restorer.readVerified(BackupStore.tablesOf(dir));
    }

    public static RestoreResult run(DatabaseSession session, Path dir, Progress progress) {
        return Restorer.restore(session, BackupStore.tablesOf(dir), RestoreOptions.defaults(), progress);
    }
}
