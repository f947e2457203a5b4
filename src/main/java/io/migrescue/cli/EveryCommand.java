package io.migrescue.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * The command line with every command migrescue has, printing nothing: what the completion script and the man pages
 * are generated from (the running command line holds only the command being run).
 */
final class EveryCommand {
    private EveryCommand() {}

    static CommandLine quiet() {
        PrintWriter quiet = new PrintWriter(new StringWriter());
        return MigrescueCli.create(quiet, quiet, Map.of(), false);
    }
}
