package io.migrescue.shell;

import io.migrescue.cli.ShellSession;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Tab completion from the same picocli model the commands run on: command names, each command's options, the values
 * an option or argument takes (playbook ids, formats, enums), file names for file options, and the tables of the
 * connected database for {@code --table}.
 */
final class ShellCompleter implements Completer {
    private final CommandLine model;
    private final List<String> builtIns;
    private final ShellSession session;
    private final Completer files = new Completers.FileNameCompleter();

    ShellCompleter(CommandLine model, List<String> builtIns, ShellSession session) {
        this.model = model;
        this.builtIns = builtIns;
        this.session = session;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int index = line.wordIndex();
        Map<String, CommandLine> commands = model.getSubcommands();
        if (index == 0) {
            commands.forEach((name, cl) -> candidates.add(
                    candidate(name, first(cl.getCommandSpec().usageMessage().description()))));
            builtIns.forEach(b -> candidates.add(new Candidate(b)));
            return;
        }
        String command = words.get(0);
        if (command.equals("help")) {
            if (index == 1) {
                commands.keySet().forEach(name -> candidates.add(new Candidate(name)));
                builtIns.forEach(b -> candidates.add(new Candidate(b)));
            }
            return;
        }
        CommandLine sub = commands.get(command);
        if (sub == null) {
            return;
        }
        CommandSpec spec = sub.getCommandSpec();
        // only a word written as an option is one: picocli also finds "--plan" by the bare word "plan" (the command)
        OptionSpec previous = words.get(index - 1).startsWith("-") ? spec.findOption(words.get(index - 1)) : null;
        if (previous != null
                && previous.arity().max() > 0
                && !previous.typeInfo().isBoolean()) {
            values(previous.completionCandidates(), previous.longestName(), previous.type(), reader, line, candidates);
            return;
        }
        String word =
                line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        if (word.startsWith("-")) {
            for (OptionSpec o : spec.options()) {
                if (!o.hidden()) {
                    for (String name : o.names()) {
                        candidates.add(candidate(name, first(o.description())));
                    }
                }
            }
            return;
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden() && p.completionCandidates() != null) {
                p.completionCandidates().forEach(c -> candidates.add(new Candidate(c)));
            }
        }
        if (command.equals("playbooks") && index == 1) {
            candidates.add(new Candidate("show"));
        }
    }

    private void values(
            Iterable<String> given,
            String option,
            Class<?> type,
            LineReader reader,
            ParsedLine line,
            List<Candidate> out) {
        if (given != null) {
            given.forEach(c -> out.add(new Candidate(c)));
        } else if (option.equals("--table")) {
            session.tables().forEach(t -> out.add(new Candidate(t)));
        } else if (option.equals("--param")) {
            params(line, out);
        } else if (Path.class.isAssignableFrom(type) || File.class.isAssignableFrom(type) || option.endsWith("-file")) {
            files.complete(reader, line, out);
        }
    }

    /** {@code --param table=…}, {@code heldBy=…}: the connected database's tables; {@code constraint=…}: its constraint names. */
    private void params(ParsedLine line, List<Candidate> out) {
        String word =
                line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        int eq = word.indexOf('=');
        if (eq < 0) {
            return;
        }
        String key = word.substring(0, eq + 1);
        List<String> names = switch (key) {
            case "table=", "heldBy=" -> session.tables();
            case "constraint=" -> session.constraints();
            default -> List.of();
        };
        names.forEach(n -> out.add(new Candidate(key + n, n, null, null, null, null, true)));
    }

    private static Candidate candidate(String value, String description) {
        return new Candidate(value, value, null, description.isEmpty() ? null : description, null, null, true);
    }

    private static String first(String[] description) {
        if (description == null || description.length == 0) {
            return "";
        }
        String d = description[0];
        int stop = d.indexOf(". ");
        d = stop > 0 ? d.substring(0, stop) : d;
        return d.length() > 70 ? d.substring(0, 69) + "…" : d;
    }
}
