package io.migrescue.history;

import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import java.time.Instant;
import java.util.List;

/**
 * Plans the rows one migration tool writes to its own history table, so that the tool's next run simply continues.
 * Every method is pure: it reads the history as the matching {@link HistoryAdapter} read it (its {@code schema} and
 * {@code table} say where the table is) and the migration file, and returns the statements to run, in order, in one
 * transaction. Nothing is executed here: the repair engine runs the statements and a dry run prints them.
 *
 * <p>The same rules hold for every tool:
 * <ul>
 *   <li>An <b>empty list</b> means the history already says what was asked (the migration is recorded as applied, the
 *       lock is free, the version is clean), so a resumed repair can plan the same step again harmlessly.</li>
 *   <li>{@link UnsupportedOperationException} means the tool has no such state in its tables (Flyway has no dirty
 *       flag; Prisma's lock is an advisory lock that dies with its session). The message says why.</li>
 *   <li>{@link IllegalStateException} means the history contradicts the request (rolling back a migration the tool
 *       recorded as succeeded); {@link IllegalArgumentException} means the input cannot say what the tool would
 *       write (a Liquibase file that is not formatted SQL). The message says what to give instead.</li>
 * </ul>
 * Identifiers are quoted by the {@link Dialect}; values are bound. Timestamps are written as SQL that means the same
 * instant whatever the session's time zone (see {@link Timestamps}).
 */
public interface HistoryWriter {

    /** The tool id, as {@link HistoryAdapter#tool()}. */
    String tool();

    /**
     * The history table the tool makes on its first run, named as it names it by default; null when migrescue does not
     * make it (the tool's next run does, or its layout is not known well enough to make it as the tool would).
     */
    default String historyTable() {
        return null;
    }

    /**
     * The tool's own DDL for its history table, when the schema has none yet (a schema made without the tool: Flyway's
     * "non-empty schema without schema history table", Prisma P3005). {@code IF NOT EXISTS}: a table made since is kept.
     */
    default List<BoundStatement> createHistoryTable(Dialect dialect, MigrationHistory history) {
        throw new UnsupportedOperationException(
                tool() + "'s history table is made by " + tool() + " itself: run it once");
    }

    /**
     * Records {@code file} as successfully applied, exactly as the tool records a successful run (the playbook step
     * {@code record: applied}): its effects are in place, the tool must not run it again and must not complain.
     *
     * @param installedBy the user to record where the tool records one (Flyway); null for the database's current user
     */
    List<BoundStatement> recordApplied(
            Dialect dialect, MigrationHistory history, MigrationFile file, Instant now, String installedBy);

    /**
     * Records the migration {@code id} (as {@link io.migrescue.model.HistoryEntry#id()} names it) as not applied, so the
     * tool's next run applies it again (the playbook steps {@code record: rolled-back} and {@code record: remove-failed}).
     *
     * @param files the migration directory in the tool's order; only golang-migrate needs it (its table holds the
     *              current version only, so the version before {@code id} comes from the files); may be empty
     */
    List<BoundStatement> recordRolledBack(
            Dialect dialect, MigrationHistory history, String id, List<MigrationFile> files, Instant now);

    /** Frees the tool's lock left held by a killed run ({@code record: release-lock}). */
    List<BoundStatement> releaseLock(Dialect dialect, MigrationHistory history);

    /** Marks {@code version} as the clean current version ({@code record: clear-dirty}). */
    List<BoundStatement> clearDirty(Dialect dialect, MigrationHistory history, String version);

    /**
     * Records the checksum the tool computes for the migration's file now on its applied row, as the tool's own repair
     * does; only for a file whose edit changed nothing in effect (the planner checks that first).
     */
    default List<BoundStatement> realignChecksum(Dialect dialect, MigrationHistory history, MigrationFile file) {
        throw new UnsupportedOperationException("realigning a recorded checksum is not done for " + tool() + " yet");
    }

    /** The same for the history entry {@code id} of the file (a Liquibase changelog holds several changesets). */
    default List<BoundStatement> realignChecksum(
            Dialect dialect, MigrationHistory history, MigrationFile file, String id) {
        return realignChecksum(dialect, history, file);
    }

    /**
     * Points the applied row of {@code recordedId}, whose file was renamed, at {@code file}: the row then says what the
     * tool writes when it applies that file (its name, version, checksum), and nothing else changes ({@code record:
     * repoint}). Already pointing there: nothing to do.
     */
    default List<BoundStatement> repoint(
            Dialect dialect, MigrationHistory history, String recordedId, MigrationFile file) {
        throw new UnsupportedOperationException(
                "re-pointing a renamed migration is done for Flyway, Knex, Rails, Laravel," + " Sequelize and goose");
    }

    /**
     * Marks the applied migration {@code recordedId}, whose file is gone, as deleted the way the tool itself would
     * ({@code record: deleted}); its effects stay in the schema. No row: nothing to do.
     */
    default List<BoundStatement> recordDeleted(
            Dialect dialect, MigrationHistory history, String recordedId, Instant now) {
        throw new UnsupportedOperationException(
                "marking a missing migration deleted is done for Flyway, Knex, Rails, Laravel,"
                        + " Sequelize and goose");
    }
}
