package io.migrescue.history;

import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.HistoryLock;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Liquibase's {@code DATABASECHANGELOG} and its lock table {@code DATABASECHANGELOGLOCK}. Failed changesets are not
 * recorded; a killed run leaves {@code LOCKED} true with no expiry, and every later run waits for it.
 *
 * <p>Writes Liquibase's {@code DATABASECHANGELOG} and {@code DATABASECHANGELOGLOCK} as Liquibase 4.33 does
 * (MarkChangeSetRanGenerator, UnlockDatabaseChangeLogGenerator; verified against real Liquibase in LiquibaseHistoryWritesIT).
 * A changeset is known by (ID, AUTHOR, FILENAME); a failed one is not recorded at all.
 */
final class LiquibaseTool extends MigrationTool {
    static final String TOOL = "liquibase";

    private static final String LOCK_TABLE = "databasechangeloglock";

    LiquibaseTool() {
        super(
                TOOL,
                "databasechangelog",
                new Refusals(
                        null,
                        "Liquibase has no dirty flag: a changeset has a row or it has none;"
                                + " a run killed part way leaves its lock held, which releaseLock frees"),
                "id",
                "author",
                "filename",
                "exectype");
    }

    @Override
    public List<BoundStatement> realignChecksum(
            Dialect d, MigrationHistory h, MigrationFile file, String id, String errorText) {
        return LiquibaseChecksums.realign(d, h, file, id, errorText);
    }

    @Override
    public String fileChecksum(MigrationHistory h, MigrationFile file, String id, Engine engine, String errorText) {
        return LiquibaseChecksums.checksum(h, file, id, engine, errorText);
    }

    @Override
    protected Optional<TransactionSwitch> transactionSwitch() {
        return Optional.of(
                new TransactionSwitch("runInTransaction\\s*:\\s*false", "runInTransaction:false on the changeset"));
    }

    @Override
    public String historyTable() {
        return "databasechangelog";
    }

    /**
     * Liquibase 4.33's DATABASECHANGELOG as its {@code changelog-sync-sql} shows it (CreateDatabaseChangeLogTable
     * Generator), {@code IF NOT EXISTS}. Not its lock table: Liquibase makes DATABASECHANGELOGLOCK itself whenever it is
     * missing, before it reads the history.
     */
    @Override
    public List<BoundStatement> createHistoryTable(Dialect d, MigrationHistory h) {
        HistorySql.requireTool(h, TOOL);
        boolean postgres = d.engine() == Engine.POSTGRESQL;
        String timestamp = postgres ? "TIMESTAMP WITHOUT TIME ZONE" : "datetime";
        String integer = postgres ? "INTEGER" : "INT";
        return List.of(
                BoundStatement.of(
                        "CREATE TABLE IF NOT EXISTS " + LiquibaseRows.table(d, h) + " (ID VARCHAR(255) NOT NULL,"
                                + " AUTHOR VARCHAR(255) NOT NULL, FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED "
                                + timestamp
                                + " NOT NULL, ORDEREXECUTED " + integer + " NOT NULL, EXECTYPE VARCHAR(10) NOT NULL,"
                                + " MD5SUM VARCHAR(35), DESCRIPTION VARCHAR(255), COMMENTS VARCHAR(255), TAG VARCHAR(255),"
                                + " LIQUIBASE VARCHAR(20), CONTEXTS VARCHAR(255), LABELS VARCHAR(255), DEPLOYMENT_ID VARCHAR(10))"));
    }

    /**
     * One {@code EXECTYPE = 'MARK_RAN'} row per changeset of the file that the history does not record yet, in file
     * order: ID, AUTHOR and FILENAME from the header, ORDEREXECUTED = MAX + 1 (computed in the statement),
     * DATEEXECUTED = now, MD5SUM NULL (Liquibase stores the checksum on its next run rather than fail validation),
     * DESCRIPTION 'sql', COMMENTS, CONTEXTS and LABELS from the header as Liquibase writes them, LIQUIBASE the version,
     * DEPLOYMENT_ID the last 10 digits of now in epoch milliseconds (Liquibase's own deployment id scheme).
     * Changesets that do not run on this engine ({@code dbms:}) or are {@code ignore:true} are not recorded, as Liquibase
     * records neither.
     */
    @Override
    protected List<BoundStatement> applied(
            Dialect d, MigrationHistory h, MigrationFile file, Instant now, String installedBy) {
        if (LiquibaseChangeSets.isChangeSet(file)) {
            return LiquibaseChangeSets.recordExecuted(d, h, file, now); // one changeset, as changelog-sync records it
        }
        List<LiquibaseFormattedSql.ChangeSet> changeSets = LiquibaseFormattedSql.parse(read(file));
        if (changeSets.isEmpty()) {
            throw new IllegalArgumentException(
                    file.path() + " is not a Liquibase formatted SQL file (--liquibase formatted sql,"
                            + " then --changeset author:id): Liquibase knows a changeset by id, author and changelog path, and only"
                            + " that header names them; for an XML, YAML or JSON changelog record it with liquibase changelog-sync-sql");
        }
        Timestamps.Value dateExecuted = Timestamps.databaseClock(d, now);
        String deploymentId = LiquibaseRows.deploymentId(now);
        List<BoundStatement> plan = new ArrayList<>();
        for (LiquibaseFormattedSql.ChangeSet cs : changeSets) {
            String fileName =
                    cs.logicalFilePath() != null ? cs.logicalFilePath() : LiquibasePaths.changelogPath(file.path(), h);
            if (!cs.runsOn(d.engine())
                    || HistorySql.entry(h, cs.id() + "::" + cs.author() + "::" + fileName)
                            .isPresent()) {
                continue;
            }
            String table = LiquibaseRows.table(d, h);
            plan.add(BoundStatement.of(
                    LiquibaseRows.insertHead(d, table, dateExecuted.sql()) + "NULL, ?, ?, NULL, ?, "
                            + LiquibaseRows.nullable(cs.contexts())
                            + ", " + LiquibaseRows.nullable(cs.labels()) + ", ? FROM " + table,
                    LiquibaseRows.params(cs, fileName, dateExecuted.param(), deploymentId)));
        }
        return plan;
    }

    /**
     * Deletes the changeset's row, so {@code update} runs it again ({@code id} is {@code ID::AUTHOR::FILENAME}, as the
     * reader names entries). No row, which is what a failed changeset leaves: nothing to do.
     */
    @Override
    protected List<BoundStatement> rolledBack(
            Dialect d, MigrationHistory h, String id, List<MigrationFile> files, Instant now) {
        return HistorySql.deleteEntry(d, h, id, List.of("id", "author", "filename"), k -> {
            String[] key = k.split("::", 3);
            if (key.length != 3) {
                throw new IllegalArgumentException("not a Liquibase changeset key (ID::AUTHOR::FILENAME): " + k);
            }
            return List.of(key[0], key[1], key[2]);
        });
    }

    /**
     * {@code liquibase release-locks}: {@code UPDATE DATABASECHANGELOGLOCK SET LOCKED = FALSE, LOCKGRANTED = NULL,
     * LOCKEDBY = NULL WHERE ID = 1}, plus one guard Liquibase does not have: only while the lock is still held by the
     * holder the diagnosis saw, so a run that took the lock since then keeps it. Free already, or no lock table: nothing.
     */
    @Override
    public List<BoundStatement> releaseLock(Dialect d, MigrationHistory h) {
        return HistorySql.whileLocked(h, TOOL, lock -> {
            String sql = "UPDATE " + d.qualify(h.schema(), lock.table()) + " SET " + HistorySql.column(d, "locked")
                    + " = ?, "
                    + HistorySql.column(d, "lockgranted") + " = NULL, " + HistorySql.column(d, "lockedby")
                    + " = NULL WHERE "
                    + HistorySql.column(d, "id") + " = ? AND " + HistorySql.column(d, "locked") + " = ? AND "
                    + HistorySql.column(d, "lockedby") + (lock.holder() == null ? " IS NULL" : " = ?");
            return List.of(
                    lock.holder() == null
                            ? BoundStatement.of(sql, false, 1, true)
                            : BoundStatement.of(sql, false, 1, true, lock.holder()));
        });
    }

    /**
     * The MD5SUM Liquibase computes for the changeset now on its row (what {@code clear-checksums} then {@code update}
     * would write, UpdateChangeSetChecksumStatement), but for that changeset only, keyed by ID, AUTHOR and FILENAME.
     */
    @Override
    public List<BoundStatement> realignChecksum(Dialect d, MigrationHistory h, MigrationFile file, String id) {
        return LiquibaseRows.realign(d, h, id, () -> LiquibaseChecksums.checksum(h, file, id, d.engine()));
    }

    private static String read(MigrationFile file) {
        try {
            return Files.readString(file.path(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.path(), e);
        }
    }

    /** The FILENAME part of a reader's entry id. */
    static String fileNameOf(HistoryEntry entry) {
        String[] key = entry.id().split("::", 3);
        return key.length == 3 ? key[2] : null;
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
