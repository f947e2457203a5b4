package io.migrescue.evidence;

import io.migrescue.db.DatabaseSession;
import io.migrescue.diagnosis.DataQuestion;
import io.migrescue.model.Engine;
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
        boolean postgres = session.engine() == Engine.POSTGRESQL;
        String sql;
        if (postgres) {
            sql = "SELECT a.pid, a.usename, a.application_name, a.state, "
                    + "EXTRACT(EPOCH FROM (now() - coalesce(a.xact_start, a.query_start)))::bigint AS seconds, "
                    + "string_agg(DISTINCT l.mode, ',') AS modes, left(a.query, 120) AS query, host(a.client_addr) AS client "
                    + "FROM pg_catalog.pg_stat_activity a LEFT JOIN pg_catalog.pg_locks l ON l.pid = a.pid "
                    + "AND l.relation = to_regclass(?)" + (longTransactions ? " " : " AND l.granted ")
                    + "WHERE a.pid <> pg_backend_pid() AND a.datname = current_database() "
                    + "AND (l.pid IS NOT NULL"
                    + (longTransactions
                            ? " OR (a.xact_start IS NOT NULL AND now() - a.xact_start > interval '1 minute')"
                            : "")
                    + ") GROUP BY a.pid, a.usename, a.application_name, a.state, a.xact_start, a.query_start, a.query, a.client_addr "
                    + "ORDER BY seconds DESC LIMIT 10";
        } else {
            sql = "SELECT p.ID, p.USER, p.HOST, p.COMMAND, p.TIME, p.STATE, LEFT(p.INFO, 120) "
                    + "FROM information_schema.PROCESSLIST p "
                    + "WHERE p.ID <> CONNECTION_ID() AND p.DB = DATABASE() AND (p.TIME > 60 OR p.STATE LIKE 'Waiting for%lock%' "
                    + "OR p.ID IN (SELECT t.trx_mysql_thread_id FROM information_schema.INNODB_TRX t)) "
                    + "ORDER BY p.TIME DESC LIMIT 10";
        }
        try (PreparedStatement ps = session.connection().prepareStatement(sql)) {
            ps.setQueryTimeout(DataEvidence.TIMEOUT_SECONDS);
            if (postgres) {
                ps.setString(1, table == null ? null : session.dialect().qualify(schema, table));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    holders.add(
                            postgres
                                    ? new LockHolder(
                                            true,
                                            rs.getLong(1),
                                            rs.getString(2),
                                            rs.getString(8),
                                            rs.getString(3),
                                            rs.getString(4),
                                            rs.getLong(5),
                                            rs.getString(6),
                                            rs.getString(7))
                                    : new LockHolder(
                                            false,
                                            rs.getLong(1),
                                            rs.getString(2),
                                            rs.getString(3),
                                            null,
                                            rs.getString(4),
                                            rs.getLong(5),
                                            rs.getString(6),
                                            rs.getString(7)));
                }
            }
        }
        return holders;
    }
}
