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
final class LockEvidence {
    private final DatabaseSession session;

    LockEvidence(DatabaseSession session) {
        this.session = session;
    }

    List<String> holders(DataQuestion.LockHolders q) throws SQLException {
        List<String> lines = new ArrayList<>();
        String sql;
        if (session.engine() == Engine.POSTGRESQL) {
            sql = "SELECT a.pid, a.usename, a.application_name, a.state, "
                    + "EXTRACT(EPOCH FROM (now() - coalesce(a.xact_start, a.query_start)))::bigint AS seconds, "
                    + "string_agg(DISTINCT l.mode, ',') AS modes, left(a.query, 120) AS query "
                    + "FROM pg_catalog.pg_stat_activity a LEFT JOIN pg_catalog.pg_locks l ON l.pid = a.pid "
                    + "AND l.relation = to_regclass(?) "
                    + "WHERE a.pid <> pg_backend_pid() AND a.datname = current_database() "
                    + "AND (l.pid IS NOT NULL OR (a.xact_start IS NOT NULL AND now() - a.xact_start > interval '1 minute')) "
                    + "GROUP BY a.pid, a.usename, a.application_name, a.state, a.xact_start, a.query_start, a.query ORDER BY seconds DESC LIMIT 10";
        } else {
            sql = "SELECT p.ID, p.USER, p.HOST, p.COMMAND, p.TIME, p.STATE, LEFT(p.INFO, 120) "
                    + "FROM information_schema.PROCESSLIST p "
                    + "WHERE p.ID <> CONNECTION_ID() AND p.DB = DATABASE() AND (p.TIME > 60 OR p.STATE LIKE 'Waiting for%lock%' "
                    + "OR p.ID IN (SELECT t.trx_mysql_thread_id FROM information_schema.INNODB_TRX t)) "
                    + "ORDER BY p.TIME DESC LIMIT 10";
        }
        try (PreparedStatement ps = session.connection().prepareStatement(sql)) {
            ps.setQueryTimeout(DataEvidence.TIMEOUT_SECONDS);
            if (session.engine() == Engine.POSTGRESQL) {
                ps.setString(1, q.table() == null ? null : session.dialect().qualify(q.schema(), q.table()));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (session.engine() == Engine.POSTGRESQL) {
                        lines.add("session " + rs.getLong(1) + " (" + rs.getString(2) + ", " + rs.getString(3) + ") " + rs.getString(4)
                                + " for " + rs.getLong(5) + " s" + (rs.getString(6) == null ? "" : ", holds " + rs.getString(6))
                                + ": " + rs.getString(7));
                    } else {
                        lines.add("session " + rs.getLong(1) + " (" + rs.getString(2) + "@" + rs.getString(3) + ") " + rs.getString(4)
                                + " for " + rs.getLong(5) + " s" + (rs.getString(6) == null || rs.getString(6).isEmpty() ? "" : ", " + rs.getString(6))
                                + (rs.getString(7) == null ? "" : ": " + rs.getString(7)));
                    }
                }
            }
        }
        if (lines.isEmpty()) {
            lines.add("no session holds a lock on " + (q.table() == null ? "the database" : q.table())
                    + " or has a transaction open for over a minute now: the blocker is gone; a retry should go through");
        }
        return lines;
    }
}
