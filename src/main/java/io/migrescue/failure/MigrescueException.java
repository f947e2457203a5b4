package io.migrescue.failure;

/**
 * A known failure: its message is one line for the operator, its exit code is the contract's.
 * Anything else that escapes a command is a bug and exits 70.
 */
public class MigrescueException extends RuntimeException {
    private final ExitCode exitCode;

    public MigrescueException(ExitCode exitCode, String message) {
        this(exitCode, message, null);
    }

    public MigrescueException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    public static MigrescueException usage(String message) {
        return new MigrescueException(ExitCode.USAGE, message);
    }

    public static MigrescueException connection(String message, Throwable cause) {
        return new MigrescueException(ExitCode.CONNECTION, message, cause);
    }
}
