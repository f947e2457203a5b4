package io.migrescue.history;

import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.HistoryLock;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import io.migrescue.sql.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Liquibase's {@code DATABASECHANGELOG} and its lock table {@code DATABASECHANGELOGLOCK}. Failed changesets are not
 * recorded; a killed run leaves {@code LOCKED} true with no expiry, and every later run waits for it.
 */
final class LiquibaseHistory implements HistoryAdapter {
    private static final String LOCK_TABLE = "databasechangeloglock";

    @Override
    public String tool() {
        return "liquibase";
    }

    @Override
    public Set<String> tableNames() {
        return Set.of("databasechangelog", LOCK_TABLE);
    }

    /** Liquibase names its lock table on its own ({@code databaseChangeLogLockTableName}), not after the changelog. */
    @Override
    public Set<String> lockTablesFor(String historyTable) {
        return Set.of(LOCK_TABLE);
    }

    @Override
    public boolean owns(TableShape table) {
        return table.named("databasechangelog") && table.hasColumns("id", "author", "filename", "exectype");
    }

    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException {
        String sql = "SELECT ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, MD5SUM, DESCRIPTION FROM "
                + dialect.qualify(table.schema(), table.name()) + " ORDER BY DATEEXECUTED, ORDEREXECUTED";
        List<HistoryEntry> entries = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String id = rs.getString("ID") + "::" + rs.getString("AUTHOR") + "::" + rs.getString("FILENAME");
                String execType = rs.getString("EXECTYPE");
                EntryState state = "FAILED".equalsIgnoreCase(execType) ? EntryState.FAILED : EntryState.APPLIED;
                entries.add(new HistoryEntry(
                        id,
                        rs.getString("DESCRIPTION"),
                        state,
                        Rows.instant(rs, "DATEEXECUTED"),
                        rs.getString("MD5SUM"),
                        execType));
            }
        }
        HistoryLock lock = null;
        for (TableShape candidate : found) {
            if (candidate.named(LOCK_TABLE) && candidate.schema().equals(table.schema())) {
                lock = readLock(connection, dialect, candidate);
            }
        }
        return new MigrationHistory(tool(), table.schema(), table.name(), entries, lock);
    }

    private static HistoryLock readLock(Connection connection, Dialect dialect, TableShape lockTable)
            throws SQLException {
        String sql = "SELECT LOCKED, LOCKGRANTED, LOCKEDBY FROM "
                + dialect.qualify(lockTable.schema(), lockTable.name()) + " WHERE ID = 1";
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                return new HistoryLock(lockTable.name(), false, null, null);
            }
            return new HistoryLock(
                    lockTable.name(),
                    rs.getBoolean("LOCKED"),
                    rs.getString("LOCKEDBY"),
                    Rows.instant(rs, "LOCKGRANTED"));
        }
    }
}
