package io.migrescue.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Builds the configured command line; {@code Main}, the shell and the in-process tests all use it. */
public final class MigrescueCli {
    /** Commands that only the shell has: they keep or use its session. */
    static final List<Class<?>> SHELL_ONLY = List.of(ConnectCommand.class, PlanCommand.class);
    /** Commands the shell has no use for: they open it, or serve the shell the user types in and the install. */
    static final List<Class<?>> NOT_IN_SHELL = List.of(ShellCommand.class, CompletionCommand.class, ManCommand.class);

    private MigrescueCli() {}

    /**
     * @param environment the process environment (password variables are read from it)
     * @param interactive whether a person is at a terminal
     */
    public static CommandLine create(
            PrintWriter out, PrintWriter err, Map<String, String> environment, boolean interactive) {
        return create(out, err, environment, interactive, System.in);
    }

    public static CommandLine create(
            PrintWriter out, PrintWriter err, Map<String, String> environment, boolean interactive, InputStream stdin) {
        return create(out, err, new CliContext(environment, interactive, stdin), null);
    }

    /**
     * @param args the command line to be run: when it names a subcommand, only that one is built; when it names none
     *     ({@code --help}), the others are listed from their annotations only (start-up time)
     */
    public static CommandLine create(
            PrintWriter out,
            PrintWriter err,
            Map<String, String> environment,
            boolean interactive,
            InputStream stdin,
            String[] args) {
        return create(out, err, new CliContext(environment, interactive, stdin), args);
    }

    /**
     * @param context with {@code shell} when the interactive shell can be opened ({@code migrescue shell}, and bare
     *     {@code migrescue} on a terminal)
     * @param args null: every command built (the man pages, completion, tests of the whole model); otherwise as
     *     {@link #create(PrintWriter, PrintWriter, Map, boolean, InputStream, String[])}
     */
    public static CommandLine create(PrintWriter out, PrintWriter err, CliContext context, String[] args) {
        ContextFactory factory = new ContextFactory(context);
        CommandLine cli = new CommandLine(MigrescueCommand.class, factory);
        if (args == null) {
            for (Class<?> command : MigrescueCommand.SUBCOMMANDS) {
                cli.addSubcommand(name(command), new CommandLine(command, factory));
            }
            return configure(cli, out, err);
        }
        String wanted =
                Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(null);
        if (wanted == null) {
            // no command named (--help, or nothing): the command list needs only each command's name and
            // description, read from its annotation, not the model of all its options (start-up, issue 19)
            for (Class<?> command : MigrescueCommand.SUBCOMMANDS) {
                cli.addSubcommand(name(command), listed(command));
            }
            return configure(cli, out, err);
        }
        boolean known = MigrescueCommand.SUBCOMMANDS.stream().anyMatch(c -> name(c).equals(wanted));
        for (Class<?> command : MigrescueCommand.SUBCOMMANDS) {
            if (!known || name(command).equals(wanted)) {
                cli.addSubcommand(name(command), new CommandLine(command, factory));
            }
        }
        return configure(cli, out, err);
    }

    /** A command as the top-level command list shows it: name, description and whether hidden, nothing to run. */
    private static CommandSpec listed(Class<?> command) {
        CommandLine.Command annotation = command.getAnnotation(CommandLine.Command.class);
        CommandSpec spec = CommandSpec.create().name(annotation.name());
        spec.usageMessage().description(annotation.description()).hidden(annotation.hidden());
        return spec;
    }

    /**
     * The command line inside the shell: every command but {@code shell}, and the shell's own ({@code connect},
     * {@code plan}); {@code context} carries the session and the person at the terminal.
     */
    public static CommandLine forShell(PrintWriter out, PrintWriter err, CliContext context, boolean colour) {
        ContextFactory factory = new ContextFactory(context);
        CommandLine cli = new CommandLine(MigrescueCommand.class, factory);
        for (Class<?> command : shellCommands()) {
            cli.addSubcommand(name(command), new CommandLine(command, factory));
        }
        cli.setColorScheme(
                CommandLine.Help.defaultColorScheme(colour ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        return configure(cli, out, err);
    }

    /** The names of the commands the shell runs, in the order its help lists them. */
    public static List<String> shellCommandNames() {
        return shellCommands().stream().map(MigrescueCli::name).toList();
    }

    private static List<Class<?>> shellCommands() {
        List<Class<?>> all = new ArrayList<>();
        all.add(ConnectCommand.class);
        for (Class<?> c : MigrescueCommand.SUBCOMMANDS) {
            if (c == RepairCommand.class) {
                all.add(PlanCommand.class);
            }
            if (!NOT_IN_SHELL.contains(c)) {
                all.add(c);
            }
        }
        return all;
    }

    private static CommandLine configure(CommandLine cli, PrintWriter out, PrintWriter err) {
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler(new UsageErrorHandler());
        HelpLayout.install(cli);
        return cli;
    }

    /**
     * A command's name, from its class's (StatusCommand: status), which is what its {@code @Command} says
     * (MigrescueCliTest): reading the annotation of every command to find the one being run cost more than the rest
     * of choosing it (start-up, issue 19).
     */
    static String name(Class<?> command) {
        String simple = command.getSimpleName();
        return simple.substring(0, simple.length() - "Command".length()).toLowerCase(Locale.ROOT);
    }
}
