package io.migrescue.history;

import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;

import java.time.Instant;
import java.util.List;

/**
 * Writes {@code SequelizeMeta} as sequelize-cli 6.6 does through umzug 2.3's SequelizeStorage ({@code logMigration}:
 * {@code INSERT ("name")}; {@code unlogMigration}: {@code DELETE WHERE "name" = ?}), as read once from real
 * sequelize-cli's log on both engines (the test suite does not run it). The name is the file name with its extension:
 * {@code 20240101000000-create-users.js}.
 */
final class SequelizeHistoryWriter implements HistoryWriter {
    static final String TOOL = "sequelize";

    @Override
    public String tool() {
        return TOOL;
    }

    @Override
    public List<BoundStatement> recordApplied(Dialect d, MigrationHistory h, MigrationFile file, Instant now, String installedBy) {
        HistorySql.requireTool(h, TOOL);
        String name = MigrationNames.fileName(file);
        if (HistorySql.entry(h, name).isPresent()) {
            return List.of();
        }
        return List.of(BoundStatement.of("INSERT INTO " + HistorySql.table(d, h) + " (" + HistorySql.column(d, "name")
                + ") VALUES (?)", name));
    }

    /** {@code db:migrate:undo} deletes the row after {@code down}; no row, nothing to do. */
    @Override
    public List<BoundStatement> recordRolledBack(Dialect d, MigrationHistory h, String id, List<MigrationFile> files, Instant now) {
        HistorySql.requireTool(h, TOOL);
        return HistorySql.deleteEntry(d, h, "name", id);
    }

    @Override
    public List<BoundStatement> releaseLock(Dialect d, MigrationHistory h) {
        throw new UnsupportedOperationException("Sequelize keeps no lock: two sequelize-cli runs at once are not prevented");
    }

    @Override
    public List<BoundStatement> clearDirty(Dialect d, MigrationHistory h, String version) {
        throw new UnsupportedOperationException("Sequelize has no dirty flag: a migration has a row in SequelizeMeta or none");
    }

    /** The row renamed as Sequelize records the renamed file; the migration keeps its batch and its place. */
    @Override
    public List<BoundStatement> repoint(Dialect d, MigrationHistory h, String recordedId, MigrationFile file) {
        HistorySql.requireTool(h, TOOL);
        return HistorySql.renameEntry(d, h, "name", recordedId, MigrationNames.fileName(file));
    }

    /** Sequelize has no mark for a migration whose file is gone: the row goes, as its rollback takes it away. */
    @Override
    public List<BoundStatement> recordDeleted(Dialect d, MigrationHistory h, String recordedId, Instant now) {
        return recordRolledBack(d, h, recordedId, List.of(), now);
    }
}
