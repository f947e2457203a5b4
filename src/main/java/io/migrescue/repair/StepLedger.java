package io.migrescue.repair;

import io.migrescue.catalog.OwnTables;
import io.migrescue.db.DatabaseSession;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Which steps of a repair have committed, kept in the database itself ({@value OwnTables#REPAIR_STEPS}, in the first
 * schema in scope): a transactional step inserts its row in the same transaction as its statements, so the step and
 * the record of it commit together or not at all, and a kill between the commit and the journal line cannot make
 * {@code resume} run it twice. The journal on disk cannot give that (a file and a database never commit together).
 * Created after the backup is verified (nothing changes before), emptied of this repair's rows and dropped, when no
 * other interrupted repair still has rows in it, once the repair ends verified or rolled back.
 */
final class StepLedger {
    private final DatabaseSession session;
    private final String table;
    private final String repairId;

    StepLedger(DatabaseSession session, String schema, String repairId) {
        this.session = session;
        this.table = session.dialect().qualify(schema, OwnTables.REPAIR_STEPS);
        this.repairId = repairId;
    }

    /** The ledger of the repair whose journal this is. */
    static StepLedger of(DatabaseSession session, List<String> schemas, Journal journal, Path backupDir) {
        return new StepLedger(
                session, schemas.get(0), Resumer.read(journal.read(), backupDir).repairId());
    }

    void create() throws SQLException {
        try (Statement st = session.connection().createStatement()) {
            st.execute(
                    "CREATE TABLE IF NOT EXISTS " + table + " (repair_id VARCHAR(64) NOT NULL, step_n INTEGER NOT NULL,"
                            + " done_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY (repair_id, step_n))"
                            + session.engine().tableOptions());
        }
    }

    /** Records step {@code n} as committed: inside the step's own transaction where it has one. */
    void mark(int n) throws SQLException {
        try (PreparedStatement ps =
                session.connection().prepareStatement("INSERT INTO " + table + " (repair_id, step_n) VALUES (?, ?)")) {
            ps.setString(1, repairId);
            ps.setInt(2, n);
            ps.executeUpdate();
        }
    }

    /** Whether step {@code n} committed; false when the ledger does not exist (then no step committed through it). */
    boolean committed(int n) throws SQLException {
        create();
        try (PreparedStatement ps = session.connection()
                .prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE repair_id = ? AND step_n = ?")) {
            ps.setString(1, repairId);
            ps.setInt(2, n);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /** Removes this repair's rows, and the table when no other repair has rows in it. */
    void clear() throws SQLException {
        create();
        try (PreparedStatement ps =
                session.connection().prepareStatement("DELETE FROM " + table + " WHERE repair_id = ?")) {
            ps.setString(1, repairId);
            ps.executeUpdate();
        }
        long left;
        try (Statement st = session.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            left = rs.getLong(1);
        }
        if (left == 0) {
            try (Statement st = session.connection().createStatement()) {
                st.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }
}
