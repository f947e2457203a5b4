package io.migrescue.repair;

import io.migrescue.db.DatabaseSession;
import io.migrescue.failure.ExitCode;
import io.migrescue.failure.MigrescueException;
import io.migrescue.model.EngineSql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One repair at a time per database: a session-level advisory lock (PostgreSQL) or named lock (MySQL/MariaDB), held
 * for the whole repair and released when the session ends, even if the process is killed.
 */
public final class RepairLock implements AutoCloseable {
    private final DatabaseSession session;

    private RepairLock(DatabaseSession session) {
        this.session = session;
    }

    public static RepairLock acquire(DatabaseSession session) {
        String sql = EngineSql.REPAIR_LOCK_TAKE.text(session.engine());
        try (PreparedStatement ps = session.connection().prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (!rs.getBoolean(1)) {
                throw new MigrescueException(
                        ExitCode.REPAIR_STOPPED,
                        "another repair of this database is running (its lock is held); nothing was changed");
            }
            return new RepairLock(session);
        } catch (SQLException e) {
            throw new MigrescueException(ExitCode.REPAIR_STOPPED, "cannot take the repair lock: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        String sql = EngineSql.REPAIR_LOCK_RELEASE.text(session.engine());
        try (PreparedStatement ps = session.connection().prepareStatement(sql)) {
            ps.execute();
        } catch (SQLException ignored) {
            // the session ends with the run, and the lock with it
        }
    }
}
