package io.migrescue.app;

import io.migrescue.backup.BackedUpTable;
import io.migrescue.backup.BackupManifest;
import io.migrescue.backup.BackupRequest;
import io.migrescue.backup.BackupWriter;
import io.migrescue.backup.Progress;
import io.migrescue.backup.RestoreOptions;
import io.migrescue.backup.Restorer;
import io.migrescue.backup.TableSelection;
import io.migrescue.db.DatabaseSession;
import io.migrescue.model.MigrationHistory;
import io.migrescue.playbook.BackupPlan;
import io.migrescue.repair.Backups;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The repair's backups through the backup module: the tables the plan changes (or just the rows it changes) and the
 * migration tool's history tables whole (they are small, and restoring them puts the history back exactly).
 */
final class BackupStore implements Backups {
    static final String TABLES = "tables";
    private final Progress progress;

    BackupStore(Progress progress) {
        this.progress = progress;
    }

    @Override
    public Map<String, Long> save(DatabaseSession session, BackupPlan plan, List<MigrationHistory> history, Path dir) {
        List<TableSelection> tables = new ArrayList<>();
        plan.tables().forEach(t -> tables.add(new TableSelection(t.schema(), t.table(), t.where())));
        for (MigrationHistory h : history) {
            if (h.tool().equals(plan.historyTool())) {
                tables.add(TableSelection.whole(h.schema(), h.table()));
                if (h.lock() != null) {
                    tables.add(TableSelection.whole(h.schema(), h.lock().table()));
                }
            }
        }
        if (tables.isEmpty()) {
            return Map.of(); // the plan changes no existing table and no history: there is nothing to keep
        }
        BackupManifest manifest = BackupWriter.write(
                session,
                new BackupRequest(tables, plan.data() || plan.historyTool() != null),
                dir.resolve(TABLES),
                progress);
        Map<String, Long> rows = new LinkedHashMap<>();
        for (BackedUpTable t : manifest.tables()) {
            if (!t.partial() && t.rows() != null) {
                rows.put(t.table(), t.rows());
            }
        }
        return rows;
    }

    @Override
    public void restore(DatabaseSession session, Path dir) {
        Path tables = tablesOf(dir);
        if (java.nio.file.Files.isRegularFile(tables.resolve(BackupManifest.FILE))) {
            Restorer.restore(session, tables, RestoreOptions.defaults(), progress);
        }
    }

    /** A repair's directory keeps its journal beside the backup, which sits in {@code tables/}; a plain backup is the directory itself. */
    static Path tablesOf(Path dir) {
        Path inner = dir.resolve(TABLES);
        return java.nio.file.Files.isRegularFile(inner.resolve(BackupManifest.FILE)) ? inner : dir;
    }
}
