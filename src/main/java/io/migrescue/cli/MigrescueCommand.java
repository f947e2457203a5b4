package io.migrescue.cli;

import io.migrescue.failure.ExitCode;
import io.migrescue.logging.Logs;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(
        name = "migrescue",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Gets a database out of a failed-migration state, fast and without losing data.", ""},
        footerHeading = "%nExit codes:%n",
        // the codes themselves come from ExitCode (HelpLayout), so help cannot drift from what the tool returns
        footer = {"", "Example: migrescue status --url postgresql://app@db:5432/app --password-env DB_PASSWORD"},
        usageHelpAutoWidth = true)
public final class MigrescueCommand extends ContextAware implements Callable<Integer> {
    /** Every subcommand; only the one being run is built (picocli would otherwise model them all on every start). */
    static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(
            StatusCommand.class,
            DiagnoseCommand.class,
            PreflightCommand.class,
            ExplainCommand.class,
            PlaybooksCommand.class,
            HistoryCommand.class,
            RepairCommand.class,
            ResumeCommand.class,
            BackupCommand.class,
            RestoreCommand.class,
            DemoCommand.class,
            DiffCommand.class,
            ShellCommand.class,
            CompletionCommand.class,
            ManCommand.class);

    @Spec
    CommandSpec spec;

    // the default makes picocli call the setter on every run: the flag is process-wide and must not outlive a run
    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            defaultValue = "false",
            description = "Say what is being done and how long it takes (on stderr), and log in detail.")
    void setVerbose(boolean verbose) {
        Verbosity.set(verbose);
        if (verbose) {
            Logs.verbose();
        }
    }

    @Option(
            names = {"-q", "--quiet"},
            scope = ScopeType.INHERIT,
            defaultValue = "false",
            description = "No progress lines or notes on stderr: the result (stdout), errors and the exit code only.")
    void setQuiet(boolean quiet) {
        Verbosity.quiet(quiet);
    }

    @Override
    public Integer call() {
        // No command: on a terminal, the shell; without one, what there is.
        if (context != null && context.interactive() && context.shell() != null) {
            return context.shell().getAsInt();
        }
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE.code();
    }
}
