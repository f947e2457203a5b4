package io.migrescue.cli;

import io.migrescue.failure.MigrescueException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --error TEXT} and {@code --error-file FILE} ({@code -} for stdin): the failure output as the operator saw it. */
public final class ErrorInputOptions implements ContextFactory.NeedsContext {
    private static final int MAX_BYTES = 8 * 1024 * 1024;

    @Option(
            names = "--error",
            paramLabel = "TEXT",
            description = "The error output, pasted (any framework's wrapper; a whole log works).")
    String error;

    @Option(
            names = "--error-file",
            paramLabel = "FILE",
            description = "Read the error output from a file; - reads standard input.")
    String errorFile;

    private CliContext context;

    @Override
    public void setContext(CliContext context) {
        this.context = context;
    }

    public boolean given() {
        return error != null || errorFile != null;
    }

    /**
     * The text, or null when neither option was given. In the shell a text given is remembered, and the one remembered
     * is used when none is given (so that {@code plan} and {@code repair} see what was pasted into {@code diagnose}).
     */
    public String text() {
        return remembered(givenText());
    }

    /** As {@link #text()}, but in the shell, when none is given, the person is asked to paste it (Enter alone: none, or the one pasted before). */
    public String textOrPaste() {
        String text = givenText();
        if (text == null && context != null && context.session() != null && context.interaction() != null) {
            String pasted = context.interaction()
                    .paste(
                            context.session().hasErrorText()
                                    ? "Paste the error output, then Enter (lines typed one by one end with an empty line or .); Enter alone: the error pasted before"
                                    : "Paste the error output, then Enter (lines typed one by one end with an empty line or .); Enter alone: no error text");
            if (pasted == null) {
                throw new MigrescueException(io.migrescue.failure.ExitCode.USAGE, "cancelled");
            }
            if (!pasted.isBlank()) {
                text = pasted;
            }
        }
        return remembered(text);
    }

    private String remembered(String text) {
        ShellSession session = context == null ? null : context.session();
        if (session != null) {
            if (text != null) {
                session.errorText(text);
            } else {
                return session.errorText();
            }
        }
        return text;
    }

    private String givenText() {
        if (error != null && errorFile != null) {
            throw MigrescueException.usage("give either --error or --error-file, not both");
        }
        if (error != null) {
            return error;
        }
        if (errorFile == null) {
            return null;
        }
        if (errorFile.equals("-")) {
            if (context.interaction() != null) {
                String pasted = context.interaction()
                        .paste(
                                "Paste the error output, then Enter (lines typed one by one end with an empty line or .)");
                if (pasted == null) {
                    throw new MigrescueException(io.migrescue.failure.ExitCode.USAGE, "cancelled");
                }
                return pasted;
            }
            return stdin();
        }
        try {
            byte[] bytes = Files.readAllBytes(Path.of(errorFile));
            return new String(bytes, 0, Math.min(bytes.length, MAX_BYTES), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw MigrescueException.usage("--error-file " + errorFile + ": no such file");
        } catch (IOException e) {
            throw MigrescueException.usage("--error-file " + errorFile + ": cannot read it ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    String stdin() {
        if (context.interaction() != null) {
            return textOrPaste(); // the shell's terminal is not a pipe to read to its end
        }
        try {
            byte[] bytes = context.stdin().readNBytes(MAX_BYTES);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw MigrescueException.usage("cannot read standard input (" + e.getMessage() + ")");
        }
    }
}
