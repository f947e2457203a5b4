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
    /** The Liquibase version whose rows these are, written to the LIQUIBASE column as Liquibase writes its own. */
    static final String LIQUIBASE_VERSION = "4.33.0";

    private static final String MARK_RAN = "MARK_RAN";
    /** Liquibase's DESCRIPTION for a formatted SQL changeset (its one change is a raw SQL change). */
    private static final String SQL_DESCRIPTION = "sql";

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
        return List.of(BoundStatement.of("CREATE TABLE IF NOT EXISTS " + table(d, h) + " (ID VARCHAR(255) NOT NULL,"
                + " AUTHOR VARCHAR(255) NOT NULL, FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED " + timestamp
                + " NOT NULL, ORDEREXECUTED " + integer + " NOT NULL, EXECTYPE VARCHAR(10) NOT NULL,"
                + " MD5SUM VARCHAR(35), DESCRIPTION VARCHAR(255), COMMENTS VARCHAR(255), TAG VARCHAR(255),"
                + " LIQUIBASE VARCHAR(20), CONTEXTS VARCHAR(255), LABELS VARCHAR(255), DEPLOYMENT_ID VARCHAR(10))"));
    }

    /**
     * The history table, qualified. Liquibase names the table it makes DATABASECHANGELOG, unquoted: PostgreSQL folds it
     * to lower case, MySQL and MariaDB keep it. So there a lower-case name is the one {@link #historyTable} gives a
     * history Liquibase never made, and the table is made and written as Liquibase would name it.
     */
    static String table(Dialect d, MigrationHistory h) {
        return d.engine() != Engine.POSTGRESQL && h.table().equals("databasechangelog")
                ? d.qualify(h.schema(), "DATABASECHANGELOG")
                : HistorySql.table(d, h);
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
    public List<BoundStatement> recordApplied(
            Dialect d, MigrationHistory h, MigrationFile file, Instant now, String installedBy) {
        HistorySql.requireTool(h, TOOL);
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
        String deploymentId = deploymentId(now);
        List<BoundStatement> plan = new ArrayList<>();
        for (LiquibaseFormattedSql.ChangeSet cs : changeSets) {
            String fileName =
                    cs.logicalFilePath() != null ? cs.logicalFilePath() : LiquibasePaths.changelogPath(file.path(), h);
            if (!cs.runsOn(d.engine())
                    || HistorySql.entry(h, cs.id() + "::" + cs.author() + "::" + fileName)
                            .isPresent()) {
                continue;
            }
            String table = table(d, h);
            plan.add(BoundStatement.of(
                    insertHead(d, table, dateExecuted.sql()) + "NULL, ?, ?, NULL, ?, "
                            + nullable(cs.contexts())
                            + ", " + nullable(cs.labels()) + ", ? FROM " + table,
                    params(cs, fileName, dateExecuted.param(), deploymentId)));
        }
        return plan;
    }

    /**
     * {@code INSERT INTO table (every column) SELECT ?, ?, ?, dateexecuted, next orderexecuted, ?, }: the row Liquibase
     * writes for a changeset it ran, up to its {@code md5sum}.
     */
    static String insertHead(Dialect d, String table, String dateExecutedSql) {
        return "INSERT INTO " + table + " ("
                + HistorySql.columns(
                        d,
                        "id",
                        "author",
                        "filename",
                        "dateexecuted",
                        "orderexecuted",
                        "exectype",
                        "md5sum",
                        "description",
                        "comments",
                        "tag",
                        "liquibase",
                        "contexts",
                        "labels",
                        "deployment_id")
                + ") SELECT ?, ?, ?, " + dateExecutedSql + ", COALESCE(MAX("
                + HistorySql.column(d, "orderexecuted") + "), 0) + 1, ?, ";
    }

    /**
     * Deletes the changeset's row, so {@code update} runs it again ({@code id} is {@code ID::AUTHOR::FILENAME}, as the
     * reader names entries). No row, which is what a failed changeset leaves: nothing to do.
     */
    @Override
    public List<BoundStatement> recordRolledBack(
            Dialect d, MigrationHistory h, String id, List<MigrationFile> files, Instant now) {
        HistorySql.requireTool(h, TOOL);
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
        HistorySql.requireTool(h, TOOL);
        HistoryLock lock = h.lock();
        if (lock == null || !lock.locked()) {
            return List.of();
        }
        String sql =
                "UPDATE " + d.qualify(h.schema(), lock.table()) + " SET " + HistorySql.column(d, "locked") + " = ?, "
                        + HistorySql.column(d, "lockgranted") + " = NULL, " + HistorySql.column(d, "lockedby")
                        + " = NULL WHERE "
                        + HistorySql.column(d, "id") + " = ? AND " + HistorySql.column(d, "locked") + " = ? AND "
                        + HistorySql.column(d, "lockedby") + (lock.holder() == null ? " IS NULL" : " = ?");
        return List.of(
                lock.holder() == null
                        ? BoundStatement.of(sql, false, 1, true)
                        : BoundStatement.of(sql, false, 1, true, lock.holder()));
    }

    /**
     * The MD5SUM Liquibase computes for the changeset now on its row (what {@code clear-checksums} then {@code update}
     * would write, UpdateChangeSetChecksumStatement), but for that changeset only, keyed by ID, AUTHOR and FILENAME.
     */
    @Override
    public List<BoundStatement> realignChecksum(Dialect d, MigrationHistory h, MigrationFile file, String id) {
        return realign(d, h, id, () -> LiquibaseChecksums.checksum(h, file, id, d.engine()));
    }

    /** {@link #realignChecksum} with the checksum given: computed, or the one Liquibase's validation failure says. */
    static List<BoundStatement> realign(
            Dialect d, MigrationHistory h, String id, java.util.function.Supplier<String> checksum) {
        HistorySql.requireTool(h, TOOL);
        if (HistorySql.entry(h, id).isEmpty()) {
            throw new IllegalStateException("Liquibase records no changeset " + id);
        }
        String[] key = id.split("::", 3);
        return List.of(BoundStatement.of(
                "UPDATE " + HistorySql.table(d, h) + " SET " + HistorySql.column(d, "md5sum")
                        + " = ? WHERE " + HistorySql.column(d, "id") + " = ? AND " + HistorySql.column(d, "author")
                        + " = ? AND "
                        + HistorySql.column(d, "filename") + " = ?",
                checksum.get(),
                key[0],
                key[1],
                key[2]));
    }

    private static Object[] params(
            LiquibaseFormattedSql.ChangeSet cs, String fileName, Object dateExecuted, String deploymentId) {
        List<Object> params = new ArrayList<>(List.of(
                cs.id(),
                cs.author(),
                fileName,
                dateExecuted,
                MARK_RAN,
                SQL_DESCRIPTION,
                cs.comments(),
                LIQUIBASE_VERSION));
        if (cs.contexts() != null) {
            params.add(cs.contexts());
        }
        if (cs.labels() != null) {
            params.add(cs.labels());
        }
        params.add(deploymentId);
        return params.toArray();
    }

    /** A literal NULL rather than a bound null: PostgreSQL cannot type a bare null parameter in a SELECT list. */
    private static String nullable(String value) {
        return value == null ? "NULL" : "?";
    }

    /** Liquibase's deployment id: the last 10 digits of the time in epoch milliseconds. */
    static String deploymentId(Instant now) {
        String millis = Long.toString(now.toEpochMilli());
        return millis.substring(Math.max(0, millis.length() - 10));
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
