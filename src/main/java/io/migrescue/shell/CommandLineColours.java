package io.migrescue.shell;

import java.io.PrintWriter;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Colour for the command line's results on a terminal, as the shell shows them (a check that holds or fails, the
 * status, the kinds of findings, an error): off when {@code NO_COLOR} is set or {@code TERM} is dumb; the caller
 * decides whether output is a terminal at all (piped output is never coloured).
 */
public final class CommandLineColours {
    private CommandLineColours() {}

    /** {@code out} itself when colour is not wanted. */
    public static PrintWriter results(PrintWriter out, Map<String, String> environment) {
        return wrap(out, environment, ColouredLines::results);
    }

    public static PrintWriter errors(PrintWriter err, Map<String, String> environment) {
        return wrap(err, environment, ColouredLines::errors);
    }

    private static PrintWriter wrap(
            PrintWriter out,
            Map<String, String> environment,
            java.util.function.Function<Style, UnaryOperator<String>> colours) {
        Style style = new Style(environment);
        if (!style.on()) {
            return out;
        }
        return new PrintWriter(new ColouredLines(out, colours.apply(style), () -> 0, line -> line), true);
    }
}
