package io.migrescue.history;

import io.migrescue.model.Engine;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Temporary bridge: a tool still written as a separate history adapter and writer, until it is one class. */
final class PairedTool extends MigrationTool {
    private final HistoryAdapter history;
    private final HistoryWriter writer;

    PairedTool(HistoryAdapter history, HistoryWriter writer) {
        super(history.tool(), "", new Refusals(null, null));
        if (!history.tool().equals(writer.tool())) {
            throw new IllegalArgumentException(
                    "a tool's reader and writer must name the same tool: " + history.tool() + " and " + writer.tool());
        }
        this.history = history;
        this.writer = writer;
    }

    @Override
    public Set<String> tableNames() {
        return history.tableNames();
    }

    @Override
    public boolean owns(TableShape table) {
        return history.owns(table);
    }

    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException {
        return history.read(connection, dialect, table, found);
    }

    @Override
    public Set<String> extraSchemas(Engine engine) {
        return history.extraSchemas(engine);
    }

    @Override
    public Set<String> lockTablesFor(String historyTable) {
        return history.lockTablesFor(historyTable);
    }

    @Override
    public String historyTable() {
        return writer.historyTable();
    }

    @Override
    public List<BoundStatement> createHistoryTable(Dialect dialect, MigrationHistory h) {
        return writer.createHistoryTable(dialect, h);
    }

    @Override
    public List<BoundStatement> recordApplied(
            Dialect dialect, MigrationHistory h, MigrationFile file, Instant now, String installedBy) {
        return writer.recordApplied(dialect, h, file, now, installedBy);
    }

    @Override
    public List<BoundStatement> recordRolledBack(
            Dialect dialect, MigrationHistory h, String id, List<MigrationFile> files, Instant now) {
        return writer.recordRolledBack(dialect, h, id, files, now);
    }

    @Override
    public List<BoundStatement> releaseLock(Dialect dialect, MigrationHistory h) {
        return writer.releaseLock(dialect, h);
    }

    @Override
    public List<BoundStatement> clearDirty(Dialect dialect, MigrationHistory h, String version) {
        return writer.clearDirty(dialect, h, version);
    }

    @Override
    public List<BoundStatement> realignChecksum(Dialect dialect, MigrationHistory h, MigrationFile file) {
        return writer.realignChecksum(dialect, h, file);
    }

    @Override
    public List<BoundStatement> realignChecksum(Dialect dialect, MigrationHistory h, MigrationFile file, String id) {
        return writer.realignChecksum(dialect, h, file, id);
    }

    @Override
    public List<BoundStatement> repoint(Dialect dialect, MigrationHistory h, String recordedId, MigrationFile file) {
        return writer.repoint(dialect, h, recordedId, file);
    }

    @Override
    public List<BoundStatement> recordDeleted(Dialect dialect, MigrationHistory h, String recordedId, Instant now) {
        return writer.recordDeleted(dialect, h, recordedId, now);
    }
}
