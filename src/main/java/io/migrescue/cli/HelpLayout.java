package io.migrescue.cli;

import io.migrescue.failure.ExitCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Help laid out at the terminal's width with breaks at spaces only: descriptions and footers as paragraphs (one
 * annotation element each), option descriptions as one paragraph, and the command list with each command's first
 * sentence, so nothing is cut or split inside a word, a file name or a URL.
 */
final class HelpLayout {
    /** Where option descriptions start, as picocli lays them out. */
    private static final int LABEL_COLUMN = 29;

    private HelpLayout() {}

    static void install(CommandLine cli) {
        Map<String, CommandLine.IHelpSectionRenderer> sections = cli.getHelpSectionMap();
        sections.put(
                CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION,
                help -> paragraphs(help, help.commandSpec().usageMessage().description()));
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, HelpLayout::footer);
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpLayout::options);
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, HelpLayout::parameters);
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, HelpLayout::commands);
        cli.setHelpSectionMap(sections);
    }

    static int width(Help help) {
        return help.commandSpec().usageMessage().width();
    }

    private static String paragraphs(Help help, String[] elements) {
        List<String> texts = Arrays.stream(elements).map(HelpLayout::format).toList();
        return lines(TextWrap.paragraphs(texts, width(help)));
    }

    /** The top command's footer starts with every exit code, from {@link ExitCode} itself. */
    private static String footer(Help help) {
        String text = paragraphs(help, footerWithExits(help.commandSpec()));
        if (help.commandSpec().parent() != null) {
            return text;
        }
        List<String> codes = new ArrayList<>();
        for (ExitCode code : ExitCode.values()) {
            String number = String.valueOf(code.code());
            codes.addAll(TextWrap.wrap(
                    code.meaning(), width(help), "  " + number + " ".repeat(4 - number.length()), " ".repeat(6)));
        }
        return lines(codes) + text;
    }

    /** "Exit: 0 healthy, 1 something needs attention, 2 usage, 3 cannot connect." for a command, or null. */
    static String exitsLine(Object command) {
        Exits exits = command == null ? null : command.getClass().getAnnotation(Exits.class);
        if (exits == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (Exits.Exit exit : exits.value()) {
            parts.add(exit.value().code() + " "
                    + (exit.means().isEmpty() ? exit.value().brief() : exit.means()));
        }
        return "Exit: " + String.join(", ", parts) + ".";
    }

    /** A subcommand's footer: a blank line, its "Exit:" line made from {@link Exits}, then the footer it declares. */
    static String[] footerWithExits(CommandLine.Model.CommandSpec spec) {
        String[] footer = spec.usageMessage().footer();
        String exits = exitsLine(spec.userObject());
        if (exits == null) {
            return footer;
        }
        List<String> all = new ArrayList<>(Arrays.asList(footer));
        int at = !all.isEmpty() && all.get(0).isBlank() ? 1 : 0;
        if (at == 0) {
            all.add(0, "");
        }
        all.add(1, exits);
        return all.toArray(String[]::new);
    }

    private static String options(Help help) {
        List<OptionSpec> options = new ArrayList<>(
                help.commandSpec().options().stream().filter(o -> !o.hidden()).toList());
        options.sort(help.createDefaultOptionSort());
        List<String> lines = new ArrayList<>();
        for (OptionSpec option : options) {
            lines.addAll(entry(help, label(help, option), option));
        }
        return lines(lines);
    }

    /** {@code -u, --user=NAME}, or {@code     --url=URL} when there is no short name, as picocli lays it out. */
    private static String label(Help help, OptionSpec option) {
        String shortName = Arrays.stream(option.names())
                .filter(n -> n.length() == 2)
                .findFirst()
                .orElse(null);
        String longName = Arrays.stream(option.names())
                .filter(n -> n.length() > 2)
                .findFirst()
                .orElse(null);
        String value = help.parameterLabelRenderer()
                .renderParameterLabel(option, Help.Ansi.OFF, List.of())
                .plainString();
        StringBuilder label = new StringBuilder("  ");
        label.append(shortName == null ? "    " : shortName + (longName == null ? "" : ", "));
        label.append(longName == null ? "" : longName).append(value);
        return label.toString();
    }

    private static String parameters(Help help) {
        List<String> lines = new ArrayList<>();
        for (PositionalParamSpec parameter : help.commandSpec().positionalParameters()) {
            if (!parameter.hidden()) {
                String label = help.parameterLabelRenderer()
                        .renderParameterLabel(parameter, Help.Ansi.OFF, List.of())
                        .plainString();
                lines.addAll(entry(help, "      " + label, parameter));
            }
        }
        return lines(lines);
    }

    private static List<String> entry(Help help, String labelled, ArgSpec arg) {
        String description = String.join(
                " ", Arrays.stream(arg.description()).map(HelpLayout::format).toList());
        String hanging = " ".repeat(LABEL_COLUMN + 2);
        List<String> lines = new ArrayList<>();
        if (labelled.length() + 1 > LABEL_COLUMN) {
            lines.add(labelled);
            lines.addAll(TextWrap.wrap(description, width(help), " ".repeat(LABEL_COLUMN), hanging));
        } else {
            String first = labelled + " ".repeat(LABEL_COLUMN - labelled.length());
            lines.addAll(TextWrap.wrap(description, width(help), first, hanging));
        }
        return lines;
    }

    private static String commands(Help help) {
        Map<String, Help> subcommands = help.subcommands();
        int nameWidth =
                subcommands.keySet().stream().mapToInt(String::length).max().orElse(0) + 4;
        List<String> lines = new ArrayList<>();
        subcommands.forEach((name, sub) -> {
            if (sub.commandSpec().usageMessage().hidden()) {
                return;
            }
            String first = "  " + name + " ".repeat(nameWidth - name.length() - 2);
            lines.addAll(TextWrap.wrap(summary(sub), width(help), first, " ".repeat(nameWidth + 2)));
        });
        return lines(lines);
    }

    /** A command's first sentence: what the command list shows. */
    static String summary(Help help) {
        return firstSentence(help.commandSpec().usageMessage().description());
    }

    /** The first sentence of a description: what command lists (help, man pages) show. */
    static String firstSentence(String[] description) {
        String text = description.length == 0 ? "" : format(description[0]);
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    /** picocli's own format escapes, which its renderers would apply. */
    private static String format(String text) {
        return text.replace("%n", "\n").replace("%%", "%");
    }

    private static String lines(List<String> lines) {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}
