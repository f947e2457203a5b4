package io.migrescue.history;

import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.MigrationFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A directory of plain {@code *.sql} files that no tool's layout claims: run as written, one file at a time, so every
 * tool fact has its generic answer. It keeps no history table, so nothing is found, read or written for it; it is not
 * one of {@link MigrationTools#all()}.
 */
final class PlainSqlTool extends MigrationTool {
    static final String ID = "plain";
    private static final String NO_HISTORY = "plain SQL files have no history table of their own";

    PlainSqlTool() {
        super(ID, "", new Refusals(NO_HISTORY, NO_HISTORY));
    }

    /** The {@code *.sql} files by name (numeric prefixes compared as numbers), and Liquibase changelogs beside them. */
    @Override
    public List<MigrationFile> migrationFiles(Path dir) throws IOException {
        return MigrationFiles.plain(dir, ID);
    }

    @Override
    public Set<String> tableNames() {
        return Set.of();
    }

    @Override
    public boolean owns(TableShape table) {
        return false;
    }

    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found) {
        throw new UnsupportedOperationException(NO_HISTORY);
    }

    @Override
    protected List<BoundStatement> applied(
            Dialect d, MigrationHistory h, MigrationFile file, Instant now, String installedBy) {
        throw new UnsupportedOperationException(NO_HISTORY);
    }

    @Override
    protected List<BoundStatement> rolledBack(
            Dialect d, MigrationHistory h, String id, List<MigrationFile> files, Instant now) {
        throw new UnsupportedOperationException(NO_HISTORY);
    }
}
