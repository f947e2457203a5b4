package io.migrescue.backup;

import io.migrescue.db.Redaction;
import io.migrescue.failure.ExitCode;
import io.migrescue.failure.FileFailures;
import io.migrescue.failure.MigrescueException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

/** Database and file errors of a backup or restore as one line for the operator, with the contract's exit code. */
final class Failures {
    private Failures() {}

    static MigrescueException database(String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        int code = e.getErrorCode();
        boolean denied = state.equals("42501") || code == 1142 || code == 1044 || code == 1227;
        boolean lock = state.equals("55P03") || code == 1205;
        String reason = lock
                ? "a lock was not granted in time (another session holds it; `migrescue diagnose` shows which)"
                : firstLine(e.getMessage()) + " (" + state + (code == 0 ? "" : "/" + code) + ")";
        return new MigrescueException(
                denied ? ExitCode.CONNECTION : ExitCode.REPAIR_STOPPED, what + ": " + Redaction.scrub(reason), e);
    }

    /** The disk failed while the files were written (full, gone read-only): stopped, exit 4, the path and the reason named. */
    static MigrescueException files(String what, Path dir, IOException e) {
        MigrescueException f = FileFailures.of(ExitCode.REPAIR_STOPPED, "write the backup directory", dir, e, null);
        return new MigrescueException(
                ExitCode.REPAIR_STOPPED,
                what + ": " + f.getMessage() + "; nothing was changed: choose another directory",
                e);
    }

    static MigrescueException stopped(String message) {
        return new MigrescueException(ExitCode.REPAIR_STOPPED, message);
    }

    static String firstLine(String message) {
        return message == null
                ? "unknown error"
                : message.lines().findFirst().orElse("").strip();
    }
}
