package io.migrescue.cli;

import io.migrescue.report.OutputFormat;
import picocli.CommandLine.Option;

/** {@code --format} for every command that prints a result. */
public final class OutputOptions {
    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.text;

    public OutputFormat format() {
        return format;
    }
}
