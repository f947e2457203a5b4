package io.migrescue.repair;

import io.migrescue.db.DatabaseSession;
import io.migrescue.evidence.LockEvidence;
import io.migrescue.evidence.LockHolder;
import io.migrescue.model.Engine;
import io.migrescue.model.EngineSql;
import io.migrescue.playbook.LockWaits;
import io.migrescue.playbook.PlanStep;
import io.migrescue.sql.BoundStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@code wait-for-locks} step: takes the locks the migration needs with a one-second timeout and gives them
 * back at once, retrying with bounded backoff while naming the sessions that hold them. It ends a session only when
 * the operator named it and it is one of those holders; otherwise, still blocked after the last attempt, it stops
 * with nothing changed, naming the holders (exit 4), so that the operator can wait or decide.
 */
final class LockWait {
    static final int ATTEMPTS = 5;
    private static final long FIRST_PAUSE_MS = 500;

    private final DatabaseSession session;
    private final Journal journal;
    private final StepControl control;

    LockWait(DatabaseSession session, Journal journal, StepControl control) {
        this.session = session;
        this.journal = journal;
        this.control = control;
    }

    /** @return null once the locks are free, else why the step stopped */
    String run(PlanStep step) throws SQLException {
        Long named = LockWaits.terminates(step);
        String on = " on " + String.join(", ", step.changes());
        boolean ended = false;
        control.stepStarted(step.n());
        try {
            for (int attempt = 1; ; attempt++) {
                if (free(step)) {
                    journal.write("locks-free", Map.of("n", step.n(), "attempt", attempt));
                    return null;
                }
                if (control.cancelled() || control.stopRequested()) {
                    return "cancelled while waiting for a lock" + on;
                }
                List<LockHolder> holders = holders(step.changes());
                LockHolder toEnd = named == null || ended
                        ? null
                        : holders.stream()
                                .filter(h -> h.id() == named)
                                .findFirst()
                                .orElse(null);
                if (toEnd != null) {
                    end(step, toEnd);
                    ended = true;
                    continue;
                }
                String held = holders.isEmpty()
                        ? ""
                        : " held by "
                                + String.join(
                                        " and ",
                                        holders.stream().map(LockHolder::brief).toList());
                if (attempt == ATTEMPTS) {
                    String ids = holders.isEmpty()
                            ? "ID"
                            : String.valueOf(holders.get(0).id());
                    return "the locks" + on + " are still"
                            + (held.isEmpty() ? " held (by a session that cannot be named)" : held)
                            + " after " + ATTEMPTS + " attempts, so nothing was changed"
                            + (named != null && !ended
                                    ? "; session " + named + " holds none of them and was not ended"
                                    : "")
                            + ". Wait for the holder to commit or roll back, or end it with --param terminate=" + ids
                            + ", then run repair again (or resume)";
                }
                String line = "step " + step.n() + " waiting for a lock" + on + (held.isEmpty() ? "" : held)
                        + "; attempt " + (attempt + 1) + " of " + ATTEMPTS;
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("n", step.n());
                fields.put("attempt", attempt);
                fields.put("of", ATTEMPTS);
                fields.put("table", String.join(", ", step.changes()));
                fields.put("heldBy", holders.stream().map(LockHolder::brief).toList());
                fields.put("message", line);
                journal.write("lock-wait", fields);
                control.lockWait(line);
                if (control.pause(FIRST_PAUSE_MS << (attempt - 1))) {
                    return "cancelled while waiting for a lock" + on + held;
                }
            }
        } finally {
            control.stepEnded();
        }
    }

    /** Takes the step's locks with a one-second timeout and gives them back at once: true when nobody held them. */
    private boolean free(PlanStep step) throws SQLException {
        Connection c = session.connection();
        Engine engine = session.engine();
        boolean transaction = engine.tableLocksNeedTransaction();
        List<BoundStatement> locks =
                step.sql().stream().filter(s -> s.sql().startsWith("LOCK ")).toList();
        String before = transaction ? null : setting(c);
        if (transaction) {
            c.setAutoCommit(false);
        }
        try (Statement st = c.createStatement()) {
            st.execute(EngineSql.LOCK_PROBE_TIMEOUT.text(engine));
            for (BoundStatement lock : locks) {
                try (PreparedStatement ps = c.prepareStatement(lock.sql())) {
                    control.executing(ps);
                    ps.execute();
                } finally {
                    control.executed();
                }
            }
            return true;
        } catch (SQLException e) {
            if (StepRunner.isLockWait(e) || control.cancelled()) {
                return false;
            }
            throw e;
        } finally {
            if (transaction) {
                c.rollback();
                c.setAutoCommit(true);
            } else {
                try (Statement st = c.createStatement()) {
                    st.execute(EngineSql.RELEASE_TABLE_LOCKS.text(engine));
                    st.execute("SET SESSION lock_wait_timeout = " + Long.parseLong(before));
                }
            }
        }
    }

    private static String setting(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT @@SESSION.lock_wait_timeout")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The sessions holding a lock on any of the tables, each once. */
    private List<LockHolder> holders(List<String> tables) {
        Map<Long, LockHolder> out = new LinkedHashMap<>();
        for (String table : tables) {
            try {
                new LockEvidence(session).blockers(null, table).forEach(h -> out.putIfAbsent(h.id(), h));
            } catch (SQLException e) {
                // who holds it cannot be told: the step still waits, and says so
            }
        }
        return new ArrayList<>(out.values());
    }

    /** Ends the session the operator named, journalled before and after, and waits (a few seconds) until it is gone. */
    private void end(PlanStep step, LockHolder holder) throws SQLException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("n", step.n());
        fields.put("id", holder.id());
        fields.put("session", holder.brief());
        journal.write("session-ending", fields);
        control.lockWait(
                "step " + step.n() + " ending " + holder.brief() + ", as --param terminate=" + holder.id() + " asked");
        BoundStatement kill = step.sql().get(0);
        try (PreparedStatement ps = session.connection().prepareStatement(kill.sql())) {
            StepRunner.bind(ps, kill.params());
            ps.execute();
        }
        String alive = EngineSql.SESSION_ALIVE.text(session.engine());
        for (int i = 0; i < 50; i++) {
            try (PreparedStatement ps = session.connection().prepareStatement(alive)) {
                ps.setLong(1, holder.id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        break;
                    }
                }
            }
            control.pause(100);
        }
        journal.write("session-ended", fields);
    }
}
