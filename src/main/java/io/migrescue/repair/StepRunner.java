package io.migrescue.repair;

import io.migrescue.db.DatabaseSession;
import io.migrescue.evidence.LockEvidence;
import io.migrescue.evidence.LockHolder;
import io.migrescue.model.EngineSql;
import io.migrescue.playbook.PlanStep;
import io.migrescue.sql.BoundStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one plan step: guards first, then its statements (in one transaction where the step says so), with short
 * lock timeouts and a bounded number of retries, so that a repair never queues production traffic behind it for long.
 */
final class StepRunner {
    static final int ATTEMPTS = 5;
    private static final long FIRST_BACKOFF_MS = 200;

    private final DatabaseSession session;
    private final Journal journal;
    private long rowsChanged;
    /** Where committed steps are recorded with their own transaction; null when not (the backup is not taken yet). */
    private StepLedger ledger;
    /** Per step: its statements known to be in effect (ran in this run, or seen by resume), never run again. */
    private final Map<Integer, Set<Integer>> inEffect = new HashMap<>();

    private final StepControl control;

    StepRunner(DatabaseSession session, Journal journal) {
        this(session, journal, StepControl.none());
    }

    StepRunner(DatabaseSession session, Journal journal, StepControl control) {
        this.session = session;
        this.journal = journal;
        this.control = control;
    }

    void recordIn(StepLedger ledger) {
        this.ledger = ledger;
    }

    /** Statements of step {@code n} whose effect is in place already: they are not run again. */
    void alreadyInEffect(int n, Set<Integer> statements) {
        inEffect.computeIfAbsent(n, k -> new HashSet<>()).addAll(statements);
    }

    /** Short waits for locks: seconds, not the engine's default of a day or a year. */
    void applySessionLimits() throws SQLException {
        try (Statement st = session.connection().createStatement()) {
            st.execute(EngineSql.SESSION_LOCK_LIMITS.text(session.engine()));
        }
    }

    /**
     * @return null when the step ran, else why it stopped: a guard, or Ctrl-C while it waited for a lock (its
     * transaction rolled back; statements of a step outside one are journalled one by one, so resume knows)
     */
    String run(PlanStep step) throws SQLException {
        for (BoundStatement guard : step.guards()) {
            long count = count(guard);
            if (count != 0) {
                return "guard failed: " + count + " row(s) would break the step (" + guard.sql() + ")";
            }
        }
        control.stepStarted(step.n());
        try {
            String held = "";
            String on = "";
            for (int attempt = 1; ; attempt++) {
                try {
                    execute(step);
                    return null;
                } catch (SQLException e) {
                    if (control.cancelled()) {
                        return "cancelled while waiting for a lock" + on + held;
                    }
                    if (!isLockWait(e)) {
                        throw e;
                    }
                    // the step's transaction is rolled back, so its own connection is free to ask who holds the lock
                    String table =
                            step.changes().isEmpty() ? null : step.changes().get(0);
                    List<String> holders = blockers(table);
                    for (String other : step.changes()) {
                        if (holders.isEmpty() && !other.equals(table)) {
                            holders = blockers(other);
                            table = holders.isEmpty() ? table : other;
                        }
                    }
                    on = table == null ? "" : " on " + table;
                    held = holders.isEmpty() ? "" : " held by " + String.join(" and ", holders);
                    if (control.stopRequested()) {
                        return "cancelled while waiting for a lock" + on + held;
                    }
                    if (attempt == ATTEMPTS) {
                        throw new SQLException(
                                e.getMessage() + " (" + ATTEMPTS + " attempts" + (held.isEmpty() ? "" : ";" + held)
                                        + ")",
                                e.getSQLState(),
                                e.getErrorCode(),
                                e);
                    }
                    String line = "step " + step.n() + " waiting for a lock" + on
                            + (held.isEmpty() ? " (its holder has let go meanwhile)" : held) + "; attempt "
                            + (attempt + 1) + " of " + ATTEMPTS;
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("n", step.n());
                    fields.put("attempt", attempt);
                    fields.put("of", ATTEMPTS);
                    fields.put("table", table);
                    fields.put("heldBy", holders);
                    fields.put("message", line);
                    fields.put("error", String.valueOf(e.getMessage()));
                    journal.write("lock-wait", fields);
                    control.lockWait(line);
                    if (control.pause(FIRST_BACKOFF_MS << (attempt - 1))) {
                        return "cancelled while waiting for a lock" + on + held;
                    }
                }
            }
        } finally {
            control.stepEnded();
        }
    }

    /** Who holds the lock, one phrase each (at most three); empty when nobody does any more or it cannot be told. */
    private List<String> blockers(String table) {
        try {
            List<String> out = new ArrayList<>();
            List<LockHolder> holders = new LockEvidence(session).blockers(null, table);
            holders.stream().limit(3).forEach(h -> out.add(h.brief()));
            if (holders.size() > 3) {
                out.add((holders.size() - 3) + " more");
            }
            return out;
        } catch (SQLException e) {
            return List.of();
        }
    }

    /** The rows the last step's statements changed, as the server counted them (their update counts). */
    long rowsChanged() {
        return rowsChanged;
    }

    /**
     * A transactional step runs with its ledger row in one transaction: the step and the record that it ran commit
     * together. A step the engine cannot run in a transaction (MySQL/MariaDB DDL, CONCURRENTLY) runs statement by
     * statement, each journalled once it ran and never run again (a retry after a lock wait, or resume, skips it).
     */
    private void execute(PlanStep step) throws SQLException {
        Connection c = session.connection();
        rowsChanged = 0;
        boolean transaction = step.transactional();
        Set<Integer> ran = inEffect.computeIfAbsent(step.n(), k -> new HashSet<>());
        if (transaction) {
            c.setAutoCommit(false);
        }
        try {
            int i = 0;
            for (BoundStatement statement : step.sql()) {
                i++;
                if (!transaction && ran.contains(i) && !sessionSetting(statement)) {
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement(statement.sql())) {
                    bind(ps, statement.params());
                    control.executing(ps);
                    if (!ps.execute() && ps.getUpdateCount() > 0) {
                        rowsChanged += ps.getUpdateCount();
                    }
                } finally {
                    control.executed();
                }
                if (!transaction) {
                    ran.add(i);
                    CrashPoint.reached("executed:" + step.n() + ":" + i);
                    journal.write("statement-done", java.util.Map.of("n", step.n(), "i", i));
                }
            }
            if (ledger != null) {
                ledger.mark(step.n());
            }
            if (transaction) {
                c.commit();
            }
            CrashPoint.reached("executed:" + step.n());
        } catch (SQLException | RuntimeException e) {
            if (transaction) {
                c.rollback();
            }
            resetForeignKeyChecks(c);
            throw e;
        } finally {
            if (transaction) {
                c.setAutoCommit(true);
            }
        }
    }

    /** {@code SET …}: a setting of this session only, with no effect to find later; run again whenever its step runs. */
    static boolean sessionSetting(BoundStatement statement) {
        return statement.sql().stripLeading().regionMatches(true, 0, "SET ", 0, 4);
    }

    long count(BoundStatement query) throws SQLException {
        try (PreparedStatement ps = session.connection().prepareStatement(query.sql())) {
            bind(ps, query.params());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object v = params.get(i);
            if (v instanceof java.time.Instant instant) {
                ps.setTimestamp(i + 1, java.sql.Timestamp.from(instant));
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }

    /** A failed step must not leave this session with foreign key checks off. */
    private void resetForeignKeyChecks(Connection c) {
        Optional<String> on = session.engine().foreignKeyChecks(true);
        if (on.isEmpty()) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute(on.get());
        } catch (SQLException ignored) {
            // the session is closed after a failure anyway
        }
    }

    static boolean isLockWait(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.equals("55P03") || state.equals("40P01") || e.getErrorCode() == 1205 || e.getErrorCode() == 1213;
    }
}
