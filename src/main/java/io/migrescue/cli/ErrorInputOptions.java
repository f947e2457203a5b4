package io.migrescue.cli;

import io.migrescue.failure.MigrescueException;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** {@code --error TEXT} and {@code --error-file FILE} ({@code -} for stdin): the failure output as the operator saw it. */
public final class ErrorInputOptions implements ContextFactory.NeedsContext {
    private static final int MAX_BYTES = 8 * 1024 * 1024;

    @Option(names = "--error", paramLabel = "TEXT", description = "The error output, pasted (any framework's wrapper; a whole log works).")
    String error;

    @Option(names = "--error-file", paramLabel = "FILE", description = "Read the error output from a file; - reads standard input.")
    String errorFile;

    private CliContext context;

    @Override
    public void setContext(CliContext context) {
        this.context = context;
    }

    public boolean given() {
        return error != null || errorFile != null;
    }

    /** The text, or null when neither option was given. */
    public String text() {
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
            return stdin();
        }
        try {
            byte[] bytes = Files.readAllBytes(Path.of(errorFile));
            return new String(bytes, 0, Math.min(bytes.length, MAX_BYTES), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw MigrescueException.usage("--error-file " + errorFile + ": no such file");
        } catch (IOException e) {
            throw MigrescueException.usage("--error-file " + errorFile + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        }
    }

    String stdin() {
        try {
            byte[] bytes = context.stdin().readNBytes(MAX_BYTES);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw MigrescueException.usage("cannot read standard input (" + e.getMessage() + ")");
        }
    }
}
