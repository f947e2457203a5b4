package io.migrescue.repair;

import io.migrescue.db.DatabaseSession;
import io.migrescue.model.Engine;
import io.migrescue.playbook.PlanStep;
import io.migrescue.sql.BoundStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

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

    StepRunner(DatabaseSession session, Journal journal) {
        this.session = session;
        this.journal = journal;
    }

    /** Short waits for locks: seconds, not the engine's default of a day or a year. */
    void applySessionLimits() throws SQLException {
        try (Statement st = session.connection().createStatement()) {
            if (session.engine() == Engine.POSTGRESQL) {
                st.execute("SET lock_timeout = '3s'");
            } else {
                st.execute("SET SESSION lock_wait_timeout = 5");
                st.execute("SET SESSION innodb_lock_wait_timeout = 5");
            }
        }
    }

    /** @return null when the step ran, else why a guard stopped it */
    String run(PlanStep step) throws SQLException {
        for (BoundStatement guard : step.guards()) {
            long count = count(guard);
            if (count != 0) {
                return "guard failed: " + count + " row(s) would break the step (" + guard.sql() + ")";
            }
        }
        for (int attempt = 1; ; attempt++) {
            try {
                execute(step);
                return null;
            } catch (SQLException e) {
                if (!isLockWait(e) || attempt == ATTEMPTS) {
                    throw e;
                }
                journal.write("lock-wait", java.util.Map.of("n", step.n(), "attempt", attempt, "error", String.valueOf(e.getMessage())));
                sleep(FIRST_BACKOFF_MS << (attempt - 1));
            }
        }
    }

    /** The rows the last step's statements changed, as the server counted them (their update counts). */
    long rowsChanged() {
        return rowsChanged;
    }

    private void execute(PlanStep step) throws SQLException {
        Connection c = session.connection();
        rowsChanged = 0;
        boolean transaction = step.transactional();
        if (transaction) {
            c.setAutoCommit(false);
        }
        try {
            int i = 0;
            for (BoundStatement statement : step.sql()) {
                i++;
                try (PreparedStatement ps = c.prepareStatement(statement.sql())) {
                    bind(ps, statement.params());
                    if (!ps.execute() && ps.getUpdateCount() > 0) {
                        rowsChanged += ps.getUpdateCount();
                    }
                }
                if (!transaction) {
                    journal.write("statement-done", java.util.Map.of("n", step.n(), "i", i));
                }
            }
            if (transaction) {
                c.commit();
            }
        } catch (SQLException | RuntimeException e) {
            if (transaction) {
                c.rollback();
            }
            if (session.engine() != Engine.POSTGRESQL) {
                resetForeignKeyChecks(c);
            }
            throw e;
        } finally {
            if (transaction) {
                c.setAutoCommit(true);
            }
        }
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
    private static void resetForeignKeyChecks(Connection c) {
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION foreign_key_checks = 1");
        } catch (SQLException ignored) {
            // the session is closed after a failure anyway
        }
    }

    private static boolean isLockWait(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.equals("55P03") || state.equals("40P01") || e.getErrorCode() == 1205 || e.getErrorCode() == 1213;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
