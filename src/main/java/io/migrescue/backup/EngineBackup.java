package io.migrescue.backup;

import io.migrescue.db.DatabaseSession;
import io.migrescue.model.Table;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One engine's way of writing a table's definition and rows. Opening it starts a read-only transaction with a
 * consistent snapshot, so that tables backed up together agree with each other (no child row without its parent);
 * closing it ends that transaction and puts the session's settings back.
 */
interface EngineBackup extends AutoCloseable {

    static EngineBackup open(DatabaseSession session) throws SQLException {
        if (!session.connection().getAutoCommit()) {
            throw new IllegalStateException(
                    "a backup runs in a transaction of its own: give it a session in autocommit mode");
        }
        return session.engine().isMySqlFamily() ? MySqlBackup.open(session) : PostgresBackup.open(session);
    }

    /** Reads, in bulk, whatever this engine needs beyond the catalog snapshot for these tables. */
    void prepare(List<Table> tables) throws SQLException;

    /**
     * Writes {@code <stem>.sql} (the definition) and, with {@code data}, the rows.
     */
    BackedUpTable write(Table table, TableSelection selection, Path dir, String stem, boolean data, Progress progress)
            throws SQLException, IOException;

    @Override
    void close() throws SQLException;

    /** A setting of the session put back once the snapshot has ended. */
    interface SessionSetting {
        void restore() throws SQLException;
    }

    /**
     * Ends the snapshot transaction (read only: nothing to keep) and puts the session back as it was: autocommit, the
     * isolation level it had, then {@code rest}.
     */
    static void endSnapshot(Connection c, int isolation, SessionSetting rest) throws SQLException {
        try {
            c.rollback();
        } finally {
            c.setAutoCommit(true);
            c.setTransactionIsolation(isolation);
            rest.restore();
        }
    }

    /** For a backup whose opening failed part way: that failure is the one to report. */
    static void closeQuietly(EngineBackup backup) {
        try {
            backup.close();
        } catch (SQLException ignored) {
            // the session is being given up on anyway
        }
    }
}
