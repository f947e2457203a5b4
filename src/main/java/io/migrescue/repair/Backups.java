package io.migrescue.repair;

import io.migrescue.db.DatabaseSession;
import io.migrescue.model.MigrationHistory;
import io.migrescue.playbook.BackupPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Takes the backup a plan asks for, verified (row counts and checksums) before the first change. */
public interface Backups {
    /**
     * @return rows saved per table name (the figures {@code row-counts-kept} compares with)
     * @throws RuntimeException when the backup cannot be written or does not verify: then nothing changes
     */
    Map<String, Long> save(DatabaseSession session, BackupPlan plan, List<MigrationHistory> history, Path dir);

    /** Puts the saved tables and history rows back, exactly. */
    void restore(DatabaseSession session, Path dir);
}
