package io.migrescue.history;

import io.migrescue.model.Engine;
import io.migrescue.model.EngineSql;
import io.migrescue.model.HistoryLock;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a migration tool's lock may be released: its holder is gone (no session from the holder's address is
 * connected), or the lock is older than the age the operator accepts. Planned as a guard that counts the lock row
 * only while the holder may still be alive: the release step runs only when it counts 0.
 */
public final class LockHolderCheck {
    /** Liquibase writes LOCKEDBY as {@code hostname (10.1.2.3)}. */
    private static final Pattern ADDRESS = Pattern.compile("\\(([0-9a-fA-F:.]+)\\)\\s*$");

    private LockHolderCheck() {}

    /** @return the guard, or empty when the lock records neither a holder address nor a time (then only a person can tell) */
    public static List<BoundStatement> guards(Dialect d, MigrationHistory history, int minAgeMinutes) {
        HistoryLock lock = history.lock();
        if (lock == null || !lock.locked()) {
            return List.of();
        }
        String address = address(lock.holder());
        if (lock.since() == null && address == null) {
            return List.of();
        }
        Engine engine = d.engine();
        String table = d.qualify(history.schema(), lock.table());
        String young = lock.since() == null ? "TRUE" : EngineSql.HISTORY_LOCK_YOUNG.text(engine);
        String alive = address == null ? "TRUE" : EngineSql.SESSION_FROM_ADDRESS.text(engine);
        String sql = "SELECT COUNT(*) FROM " + table + " WHERE LOCKED = TRUE AND " + young + " AND " + alive;
        List<Object> params = new java.util.ArrayList<>();
        if (lock.since() != null) {
            params.add(minAgeMinutes);
        }
        if (address != null) {
            params.add(address);
            if (EngineSql.SESSION_FROM_ADDRESS.parameters(engine) > 1) {
                // MySQL shows a loopback client as 'localhost' unless name resolution is off
                params.add(loopback(address) ? "localhost" : address);
            }
        }
        return List.of(new BoundStatement(sql, params));
    }

    /** How the operator is told what decides the release. */
    public static String explain(MigrationHistory history, int minAgeMinutes) {
        HistoryLock lock = history.lock();
        String address = lock == null ? null : address(lock.holder());
        if (lock == null || lock.since() == null && address == null) {
            return "the lock records no holder and no time";
        }
        return "released only if "
                + (address == null ? "" : "no session from " + address + " (" + lock.holder() + ") is connected")
                + (address != null && lock.since() != null ? ", or " : "")
                + (lock.since() == null
                        ? ""
                        : "the lock (taken " + lock.since() + ") is older than " + minAgeMinutes + " minute(s)");
    }

    private static boolean loopback(String address) {
        return address.equals("127.0.0.1") || address.equals("::1");
    }

    static String address(String holder) {
        if (holder == null) {
            return null;
        }
        Matcher m = ADDRESS.matcher(holder);
        return m.find() ? m.group(1) : null;
    }
}
