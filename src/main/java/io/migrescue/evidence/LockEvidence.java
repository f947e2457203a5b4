package io.migrescue.evidence;

import io.migrescue.db.DatabaseSession;
import io.migrescue.diagnosis.DataQuestion;
import io.migrescue.model.Engine;
import io.migrescue.model.EngineSql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Who holds the locks a migration waited for: sessions on the table, and long transactions anywhere. */
public final class LockEvidence {
    private final DatabaseSession session;

    public LockEvidence(DatabaseSession session) {
        this.session = session;
    }

    List<String> holders(DataQuestion.LockHolders q) throws SQLException {
        List<String> lines = new ArrayList<>();
        for (LockHolder h : read(q.schema(), q.table(), true)) {
            if (h.postgres()) {
                lines.add("session " + h.id() + " (" + h.user() + ", " + h.program() + ") " + h.state()
                        + " for " + h.seconds() + " s" + (h.modes() == null ? "" : ", holds " + h.modes())
                        + ": " + h.query());
            } else {
                lines.add("session " + h.id() + " (" + h.user() + "@" + h.client() + ") " + h.state()
                        + " for " + h.seconds() + " s"
                        + (h.modes() == null || h.modes().isEmpty() ? "" : ", " + h.modes())
                        + (h.query() == null ? "" : ": " + h.query()));
            }
        }
        if (lines.isEmpty()) {
            lines.add(
                    "no session holds a lock on " + (q.table() == null ? "the database" : q.table())
                            + " or has a transaction open for over a minute now: the blocker is gone; a retry should go through");
        }
        return lines;
    }

    /**
     * The sessions that hold a lock on the table now, for a repair step that has just waited for one. On PostgreSQL
     * exactly those with a lock on it; MySQL and MariaDB do not say who holds a metadata lock without the performance
     * schema, so there it is the sessions with a transaction open (longest first), which is where such a lock lives.
     *
     * @param table null when the step names no table: then the long transactions
     */
    public List<LockHolder> blockers(String schema, String table) throws SQLException {
        return read(schema, table, table == null);
    }

    private List<LockHolder> read(String schema, String table, boolean longTransactions) throws SQLException {
        List<LockHolder> holders = new ArrayList<>();
        Engine engine = session.engine();
        EngineSql query = longTransactions ? EngineSql.LOCK_HOLDERS_AND_LONG_TRANSACTIONS : EngineSql.LOCK_HOLDERS;
        try (PreparedStatement ps = session.connection().prepareStatement(query.text(engine))) {
            ps.setQueryTimeout(DataEvidence.TIMEOUT_SECONDS);
            if (query.parameters(engine) > 0) {
                ps.setString(1, table == null ? null : session.dialect().qualify(schema, table));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    holders.add(new LockHolder(
                            engine == Engine.POSTGRESQL,
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getLong(6),
                            rs.getString(7),
                            rs.getString(8)));
                }
            }
        }
        return holders;
    }
}
