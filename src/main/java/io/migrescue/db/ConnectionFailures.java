package io.migrescue.db;

import io.migrescue.failure.MigrescueException;
import io.migrescue.model.Engine;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/**
 * Turns a driver's connection failure into one line naming the problem (exit 3). Classified by SQLSTATE and vendor
 * code first, the cause chain second; the driver's own text is kept only as a scrubbed tail.
 */
final class ConnectionFailures {
    private ConnectionFailures() {}

    static MigrescueException describe(ConnectionTarget target, String user, SQLException e) {
        String where = target.host() + ":" + target.port();
        String who = user == null ? "the default user" : "user '" + user + "'";
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        int code = e.getErrorCode();
        String reason;
        if (hasCause(e, UnknownHostException.class)) {
            reason = "unknown host '" + target.host() + "'";
        } else if (hasCause(e, ConnectException.class) || hasCause(e, NoRouteToHostException.class)) {
            reason = "nothing answers at " + where
                    + " (connection refused): is the server running, and is this its port?";
        } else if (hasCause(e, SocketTimeoutException.class)) {
            reason = "no answer from " + where + " within the connect timeout";
        } else if (state.equals("28P01")
                || code == 1045
                || state.equals("28000") && target.engineHint() != Engine.POSTGRESQL) {
            reason = "login refused for " + who + ": wrong user or password";
        } else if (state.equals("28000")) {
            reason = "login refused for " + who + " (role unknown or not allowed from this host)";
        } else if (state.equals("3D000") || code == 1049) {
            reason = "database '" + target.database() + "' does not exist on " + where;
        } else if (state.equals("42501") || code == 1044) {
            reason = who + " may not use database '" + target.database() + "'";
        } else if (state.startsWith("08")) {
            reason = "connection to " + where + " failed: " + firstLine(e.getMessage());
        } else {
            reason = firstLine(e.getMessage());
        }
        return MigrescueException.connection("cannot connect to " + target + ": " + Redaction.scrub(reason), e);
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return (nl >= 0 ? message.substring(0, nl) : message).trim();
    }
}
