package io.migrescue.cli;

import picocli.CommandLine.Option;

/** {@code -y/--yes}: the explicit go-ahead a command that changes the database needs when nobody is asked. */
final class YesOption {
    @Option(
            names = {"-y", "--yes"},
            description = "Go ahead without asking (required when there is no terminal).")
    boolean yes;
}
