package io.migrescue.app;

import io.migrescue.db.Redaction;
import io.migrescue.failure.ExitCode;
import io.migrescue.failure.MigrescueException;
import java.sql.SQLException;

/** A database error while reading: permission problems exit 3, anything else is reported with its SQLSTATE. */
final class DatabaseFailures {
    private DatabaseFailures() {}

    static MigrescueException reading(String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        boolean denied = state.equals("42501") || e.getErrorCode() == 1142 || e.getErrorCode() == 1044;
        String message = what + ": the server refused a catalog query (" + state
                + (e.getErrorCode() == 0 ? "" : "/" + e.getErrorCode()) + "): "
                + Redaction.scrub(
                        String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        return new MigrescueException(denied ? ExitCode.CONNECTION : ExitCode.INTERNAL, message, e);
    }
}
