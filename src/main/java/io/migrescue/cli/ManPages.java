package io.migrescue.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Man pages (troff, section 1) written from the command model: one for {@code migrescue}, one per visible subcommand.
 * Written here rather than through picocli's AsciiDoc generator so the build needs no AsciiDoc-to-troff converter.
 */
final class ManPages {
    private ManPages() {}

    /** File name ({@code migrescue-status.1}) to page, for {@code root} and every visible command below it. */
    static Map<String, String> of(CommandLine root, String version) {
        Map<String, String> pages = new LinkedHashMap<>();
        add(root, version, pages);
        return pages;
    }

    private static void add(CommandLine cli, String version, Map<String, String> pages) {
        pages.put(pageName(cli.getCommandSpec()) + ".1", page(cli, version));
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden()
                    && !pages.containsKey(pageName(sub.getCommandSpec()) + ".1")) {
                add(sub, version, pages);
            }
        }
    }

    static String pageName(CommandSpec spec) {
        return spec.qualifiedName("-");
    }

    private static String page(CommandLine cli, String version) {
        CommandSpec spec = cli.getCommandSpec();
        StringBuilder t = new StringBuilder();
        String name = pageName(spec);
        t.append(".TH \"")
                .append(name.toUpperCase(Locale.ROOT))
                .append("\" \"1\" \"\" \"")
                .append(escape(version))
                .append("\" \"migrescue manual\"\n");
        t.append(".ad l\n.nh\n"); // ragged right, no hyphenation: URLs and option names stay whole
        t.append(".SH NAME\n")
                .append(escape(name))
                .append(" \\- ")
                .append(escape(summary(spec)))
                .append('\n');
        t.append(".SH SYNOPSIS\n");
        String synopsis = cli.getHelp().synopsis(0).strip();
        t.append(".nf\n").append(literal(synopsis)).append("\n.fi\n");
        List<String> description = paragraphs(spec.usageMessage().description());
        if (!description.isEmpty()) {
            t.append(".SH DESCRIPTION\n");
            description.forEach(p -> t.append(".PP\n").append(escape(p)).append('\n'));
        }
        List<PositionalParamSpec> positionals =
                spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
        if (!positionals.isEmpty()) {
            t.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec p : positionals) {
                t.append(".TP\n.I ")
                        .append(quoted(p.paramLabel()))
                        .append('\n')
                        .append(escape(String.join(" ", text(p.description()))))
                        .append('\n');
            }
        }
        List<OptionSpec> options =
                spec.options().stream().filter(o -> !o.hidden()).toList();
        if (!options.isEmpty()) {
            t.append(".SH OPTIONS\n");
            for (OptionSpec o : options) {
                String names = String.join(", ", o.names());
                if (o.typeInfo().isBoolean() || o.arity().max() == 0) {
                    t.append(".TP\n.B ").append(quoted(names)).append('\n');
                } else {
                    t.append(".TP\n.BI ")
                            .append(quoted(names + " "))
                            .append(' ')
                            .append(quoted(o.paramLabel()))
                            .append('\n');
                }
                t.append(escape(String.join(" ", text(o.description())))).append('\n');
            }
        }
        List<CommandLine> subcommands = cli.getSubcommands().values().stream()
                .distinct()
                .filter(s -> !s.getCommandSpec().usageMessage().hidden())
                .toList();
        if (!subcommands.isEmpty()) {
            t.append(".SH COMMANDS\n");
            for (CommandLine sub : subcommands) {
                t.append(".TP\n.B ")
                        .append(quoted(sub.getCommandName()))
                        .append('\n')
                        .append(escape(summary(sub.getCommandSpec())))
                        .append('\n');
            }
        }
        if (spec.parent() == null) {
            t.append(".SH \"EXIT CODES\"\n.nf\n");
            for (io.migrescue.failure.ExitCode code : io.migrescue.failure.ExitCode.values()) {
                String number = String.valueOf(code.code());
                t.append(literal(number + " ".repeat(4 - number.length()) + code.meaning()))
                        .append('\n');
            }
            t.append(".fi\n");
        }
        List<String> footer = text(HelpLayout.footerWithExits(spec)).stream()
                .filter(s -> !s.isBlank())
                .toList();
        if (!footer.isEmpty()) {
            t.append(".SH NOTES\n");
            // one paragraph per element: man fills them to the reader's width
            footer.forEach(p -> t.append(".PP\n").append(escape(p.strip())).append('\n'));
        }
        t.append(".SH SEE ALSO\n");
        List<String> related = new ArrayList<>();
        if (spec.parent() != null) {
            related.add(pageName(spec.parent()));
        }
        subcommands.forEach(s -> related.add(pageName(s.getCommandSpec())));
        t.append(escape(String.join(", ", related.stream().map(r -> r + "(1)").toList())))
                .append('\n');
        return t.toString();
    }

    private static String summary(CommandSpec spec) {
        return HelpLayout.firstSentence(spec.usageMessage().description());
    }

    /** Description lines, with blank lines as paragraph breaks. */
    private static List<String> paragraphs(String[] lines) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text(lines)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    paragraphs.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(current.isEmpty() ? "" : " ").append(line.strip());
            }
        }
        if (!current.isEmpty()) {
            paragraphs.add(current.toString());
        }
        return paragraphs;
    }

    /** picocli's text as printed: {@code %n} is a line break, {@code %%} a percent sign. */
    private static List<String> text(String[] lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            for (String part : line.split("%n", -1)) {
                out.add(part.replace("%%", "%"));
            }
        }
        return out;
    }

    private static String quoted(String s) {
        return "\"" + escape(s).replace("\"", "\\(dq") + "\"";
    }

    /** Text in a no-fill block: also keeps leading spaces. */
    private static String literal(String s) {
        return escape(s);
    }

    /** troff escapes: backslashes, hyphens, non-ASCII, and a line starting with a dot or quote would be a request. */
    static String escape(String s) {
        String escaped = s.replace("\\", "\\e").replace("-", "\\-");
        StringBuilder out = new StringBuilder();
        for (String line : escaped.split("\n", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            if (line.startsWith(".") || line.startsWith("'")) {
                out.append("\\&");
            }
            // non-ASCII as named code points: troff reads its input as Latin-1 unless preprocessed
            line.codePoints()
                    .forEach(c ->
                            out.append(c < 128 ? Character.toString(c) : String.format(Locale.ROOT, "\\[u%04X]", c)));
        }
        return out.toString();
    }
}
