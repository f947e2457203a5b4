package io.migrescue.history;

import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import java.time.Instant;
import java.util.List;

/**
 * A tool that keeps one row per applied migration, keyed by one column (Knex's and Sequelize's
 * {@code name}, Laravel's {@code migration}, Rails' {@code version}). Their rollbacks delete the row after
 * {@code down}, so "rolled back" and "file gone" are both the row deleted (none of them has a mark for a migration
 * whose file is missing), and a renamed file is the row's key rewritten, the migration keeping its batch and place.
 */
abstract class RowPerMigrationTool extends MigrationTool {
    private final String keyColumn;

    RowPerMigrationTool(String id, String table, String keyColumn, Refusals refusals, String... columns) {
        super(id, table, refusals, columns);
        this.keyColumn = keyColumn;
    }

    /** The key the tool records for this file: by default its name with the extension, as Knex and Sequelize do. */
    String key(MigrationFile file) {
        return MigrationNames.fileName(file);
    }

    /** The row the tool inserts for a migration it ran, under {@code key}. */
    abstract BoundStatement insert(Dialect d, MigrationHistory h, String key, Instant now);

    /** The migration's row inserted; nothing to do when the history records it already. */
    @Override
    protected final List<BoundStatement> applied(
            Dialect d, MigrationHistory h, MigrationFile file, Instant now, String installedBy) {
        String k = key(file);
        return HistorySql.entry(h, k).isPresent() ? List.of() : List.of(insert(d, h, k, now));
    }

    /** Deletes the migration's row, as the tool's rollback does after {@code down}; no row, nothing to do. */
    @Override
    protected List<BoundStatement> rolledBack(
            Dialect d, MigrationHistory h, String id, List<MigrationFile> files, Instant now) {
        return HistorySql.deleteEntry(d, h, keyColumn, id);
    }

    /** The row re-keyed as the tool records the renamed file. */
    @Override
    public List<BoundStatement> repoint(Dialect d, MigrationHistory h, String recordedId, MigrationFile file) {
        HistorySql.requireTool(h, tool());
        return HistorySql.renameEntry(d, h, keyColumn, recordedId, key(file));
    }

    /** No mark for a migration whose file is gone: the row goes, as the tool's rollback takes it away. */
    @Override
    public List<BoundStatement> recordDeleted(Dialect d, MigrationHistory h, String recordedId, Instant now) {
        return recordRolledBack(d, h, recordedId, List.of(), now);
    }
}
