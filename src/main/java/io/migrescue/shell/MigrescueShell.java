package io.migrescue.shell;

import io.migrescue.cli.CliContext;
import io.migrescue.cli.MigrescueCli;
import io.migrescue.cli.ShellSession;
import io.migrescue.failure.FileFailures;
import io.migrescue.files.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;

/**
 * The interactive shell: a JLine reader loop over the same picocli commands the scripted command line runs, with a
 * session that remembers the connection, the pasted error and the migrations folder between them. History is kept in
 * {@code ~/.migrescue/history} (under {@code user.home}), never with a password in it. Ctrl-C at the prompt cancels
 * the line, Ctrl-D leaves.
 */
public final class MigrescueShell {
    private static final List<String> BUILT_INS = List.of("help", "exit", "quit");

    private final Terminal terminal;
    private final Map<String, String> environment;
    private final Path historyFile;
    private final ShellSession session = new ShellSession();
    private final Style style;
    private final PrintWriter out;

    /** @param historyFile where the history is kept, or null for none */
    public MigrescueShell(Terminal terminal, Map<String, String> environment, Path historyFile) {
        this.terminal = terminal;
        this.environment = Map.copyOf(environment);
        this.historyFile = historyFile;
        this.style = new Style(terminal, environment);
        // the shell's own text (banner, help, notes) wraps at the terminal's width like the commands' output
        this.out = new PrintWriter(new ColouredLines(terminal.writer(), line -> line, terminal::getWidth), true);
    }

    /** The shell on the process's own terminal (a dumb one when standard input is not a terminal). */
    public static int onSystemTerminal(Map<String, String> environment) {
        try (Terminal terminal = TerminalBuilder.builder()
                .name("migrescue")
                .system(true)
                .dumb(true)
                .build()) {
            return new MigrescueShell(terminal, environment, defaultHistoryFile()).run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal", e);
        }
    }

    /** {@code ~/.migrescue/history}, from {@code user.home} (a literal {@code ~} is never expanded by Java). */
    public static Path defaultHistoryFile() {
        return Path.of(System.getProperty("user.home"), ".migrescue", "history");
    }

    public int run() {
        CommandLine model =
                commandLine(new CliContext(environment, true, InputStream.nullInputStream(), session, null, null));
        DefaultParser parser = new DefaultParser();
        parser.setEscapeChars(new char[0]); // a backslash is part of a Windows path or a pasted regex, not an escape
        RedactingHistory history = new RedactingHistory();
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("migrescue")
                .parser(parser)
                .completer(new ShellCompleter(model, BUILT_INS, session))
                .history(history)
                .option(
                        LineReader.Option.DISABLE_EVENT_EXPANSION,
                        true) // '!' in a URL or a password is not history expansion
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
                .option(LineReader.Option.AUTO_FRESH_LINE, true);
        String historyProblem = historyFile == null ? null : prepareHistoryFile(historyFile);
        if (historyFile != null && historyProblem == null) {
            builder.variable(LineReader.HISTORY_FILE, historyFile);
        }
        LineReader reader = builder.build();
        boolean redraws =
                !Terminal.TYPE_DUMB.equals(terminal.getType()) && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
        Prompts prompts = new Prompts(reader, history, style, !redraws);
        TerminalInteraction interaction = new TerminalInteraction(prompts, style, redraws);
        terminal.handle(Terminal.Signal.INT, signal -> interaction.interrupted());
        CliContext context =
                new CliContext(environment, true, InputStream.nullInputStream(), session, interaction, null);

        out.println(style.bold("migrescue shell") + " — connect to a database, diagnose, plan, repair step by step.");
        out.println(style.dim(
                "help lists the commands with examples; Tab completes; Ctrl-C cancels a line; Ctrl-D leaves."));
        if (historyProblem != null) {
            out.println(style.dim("History is not kept: " + historyProblem + "."));
        }
        out.flush();
        while (true) {
            String line;
            try {
                line = reader.readLine(prompt());
            } catch (UserInterruptException e) {
                continue; // the line is dropped, the shell stays
            } catch (EndOfFileException e) {
                break;
            }
            List<String> words = words(reader.getParsedLine(), line);
            if (words.isEmpty()) {
                continue;
            }
            String command = words.get(0);
            if (command.equals("exit") || command.equals("quit")) {
                break;
            }
            if (command.equals("help") || command.equals("?")) {
                help(words.size() > 1 ? words.get(1) : null, context);
                continue;
            }
            execute(words, context);
        }
        out.println("bye");
        out.flush();
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            out.println(style.warn("migrescue: the history could not be saved: " + e.getMessage()));
        }
        return 0;
    }

    private void execute(List<String> words, CliContext context) {
        CommandLine cli = commandLine(context);
        String command = words.get(0);
        if (!command.startsWith("-") && !cli.getSubcommands().containsKey(command)) {
            out.println(style.bad("unknown command: " + command) + suggestion(command, cli) + "  (help lists them)");
            out.flush();
            return;
        }
        int code = cli.execute(words.toArray(String[]::new));
        if (code != 0) {
            out.println(style.dim("(exit " + code + ")"));
        }
        out.flush();
    }

    /** " — did you mean 'status'?" for a typo; nothing for a word that is no command. */
    private static String suggestion(String word, CommandLine cli) {
        List<String> names = new ArrayList<>(cli.getSubcommands().keySet());
        names.addAll(BUILT_INS);
        List<String> close = io.migrescue.cli.Typos.closest(word, names);
        return close.isEmpty() ? "" : " — did you mean '" + String.join("' or '", close) + "'?";
    }

    private void help(String command, CliContext context) {
        if (command == null) {
            out.print(ShellHelp.overview(style));
        } else {
            CommandLine sub = commandLine(context).getSubcommands().get(command);
            if (sub != null) {
                sub.usage(out, style.on() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF);
            } else if (!ShellHelp.ENTRIES.containsKey(command)) {
                out.println(style.bad("unknown command: " + command) + "  (help lists them)");
            }
            out.print(ShellHelp.examples(command, style));
        }
        out.flush();
    }

    private CommandLine commandLine(CliContext context) {
        CommandLine cli = MigrescueCli.forShell(
                new PrintWriter(
                        new ColouredLines(terminal.writer(), ColouredLines.results(style), terminal::getWidth), true),
                new PrintWriter(
                        new ColouredLines(terminal.writer(), ColouredLines.errors(style), terminal::getWidth), true),
                context,
                style.on());
        // help at the terminal's width (picocli cannot see JLine's terminal; it needs 55 columns at least)
        cli.setUsageHelpAutoWidth(false);
        cli.setUsageHelpWidth(Math.max(55, terminal.getWidth() > 0 ? terminal.getWidth() : 80));
        return cli;
    }

    private String prompt() {
        String where = session.connected() ? " " + session.label() : "";
        return style.accent("migrescue") + style.dim(where) + "> ";
    }

    private static List<String> words(ParsedLine parsed, String line) {
        List<String> words = new ArrayList<>();
        if (parsed != null && parsed.line().equals(line)) {
            parsed.words().forEach(w -> {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            });
        } else {
            for (String w : line.trim().split("\\s+")) {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
        }
        return words;
    }

    /**
     * The history file only its owner can read: it holds the commands typed at a production database.
     *
     * @return null when it can be kept, else why not (the shell then runs without one: no reason to refuse a shell)
     */
    private static String prepareHistoryFile(Path file) {
        try {
            PrivateFiles.createDirectories(file.getParent());
            PrivateFiles.restrict(file);
            if (!Files.isWritable(file)) {
                return "cannot write " + file.toAbsolutePath()
                        + " (permission denied; set HOME to a writable directory)";
            }
            return null;
        } catch (IOException e) {
            return FileFailures.usage("write the history file", file, e, "set HOME to a writable directory")
                    .getMessage();
        }
    }
}
