package io.migrescue.app;

import io.migrescue.catalog.RowCounts;
import io.migrescue.db.DatabaseSession;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.Severity;
import io.migrescue.evidence.LockEvidence;
import io.migrescue.evidence.LockHolder;
import io.migrescue.model.Engine;
import io.migrescue.model.EngineSql;
import io.migrescue.preflight.LockCheck;
import io.migrescue.preflight.PreflightFinding;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lock risk of the statements that lock a live table: sessions holding a lock on it now (the statement would wait, and
 * every query on the table would queue behind it), and, for a statement that rewrites or scans it, the table's size.
 */
final class LockChecks {
    /** Rows from which a rewrite or a full scan under a write-blocking lock is worth a warning. */
    static final long LARGE = 1_000_000;

    private final DatabaseSession session;
    private final List<String> schemas;

    LockChecks(DatabaseSession session, List<String> schemas) {
        this.session = session;
        this.schemas = schemas;
    }

    List<PreflightFinding> check(List<LockCheck> checks) throws SQLException {
        List<PreflightFinding> out = new ArrayList<>();
        if (checks.isEmpty()) {
            return out;
        }
        Map<String, Long> estimates = new HashMap<>();
        Set<String> tables = new HashSet<>();
        checks.forEach(c -> tables.add(c.table()));
        for (RowCounts.TableRows r : RowCounts.estimated(session.engine(), session.connection(), schemas, tables)) {
            if (r.rows() != null) {
                estimates.put(r.schema() + "." + r.table(), r.rows());
            }
        }
        Map<String, List<LockHolder>> holders = new HashMap<>();
        Set<String> seen = new HashSet<>();
        LockEvidence locks = new LockEvidence(session);
        for (LockCheck c : checks) {
            String table = c.schema() + "." + c.table();
            if (!seen.add(c.migration().id() + "#" + c.statement() + "#" + table)) {
                continue;
            }
            List<LockHolder> now = holders.get(table);
            if (now == null) {
                now = locks.blockers(c.schema(), c.table());
                holders.put(table, now);
            }
            if (!now.isEmpty()) {
                out.add(finding(
                        c,
                        "session(s) hold a lock on " + c.table() + " now: the statement (it " + c.what()
                                + ") will wait for them, and every query on the table queues behind it",
                        now.stream().map(h -> "held by " + h.brief()).toList(),
                        "let them finish, or end them, before the deploy; " + timeoutAdvice()));
            }
            Long rows = estimates.get(table);
            if (c.heavy() && rows != null && rows >= LARGE) {
                out.add(finding(
                        c,
                        "the statement " + c.what() + " on " + c.table() + ", about " + rows
                                + " rows (estimate), under a" + " lock that blocks writes for as long as that takes",
                        List.of("row estimate of " + c.table() + ": " + rows),
                        heavyAdvice()));
            }
        }
        return out;
    }

    private PreflightFinding finding(LockCheck c, String cause, List<String> evidence, String fix) {
        return new PreflightFinding(
                FindingKind.LOCK_TIMEOUT,
                Severity.WARNING,
                c.migration(),
                c.statement(),
                c.line(),
                c.sql(),
                cause,
                evidence,
                new PreflightFinding.Fix(fix, List.of(), List.of()),
                null);
    }

    private String timeoutAdvice() {
        return "and add " + EngineSql.MIGRATION_LOCK_TIMEOUT.text(session.engine())
                + " to the migration so it fails fast instead";
    }

    private String heavyAdvice() {
        return session.engine() == Engine.POSTGRESQL
                ? "use CREATE INDEX CONCURRENTLY, ADD CONSTRAINT … NOT VALID then VALIDATE CONSTRAINT, or a new column plus a backfill"
                : "use ALGORITHM=INPLACE, LOCK=NONE where the change allows it, or an online schema change tool (gh-ost, pt-osc)";
    }
}
