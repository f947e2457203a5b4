package io.migrescue.shell;

import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp;

/**
 * Colours where the terminal has them, plain text otherwise: never on a dumb terminal, never when {@code NO_COLOR} is
 * set (https://no-color.org), never on a terminal that declares fewer than 8 colours.
 */
final class Style {
    private final Terminal terminal;
    private final boolean on;

    Style(Terminal terminal, Map<String, String> environment) {
        this.terminal = terminal;
        this.on = wanted(terminal, environment);
    }

    /** For the command line's own output on a terminal, without opening one (start-up time): colour unless TERM is dumb. */
    Style(Map<String, String> environment) {
        this.terminal = null;
        String term = environment.get("TERM");
        String noColor = environment.get("NO_COLOR");
        this.on = (noColor == null || noColor.isEmpty()) && term != null && !term.isEmpty() && !term.equals("dumb");
    }

    static boolean wanted(Terminal terminal, Map<String, String> environment) {
        String noColor = environment.get("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) {
            return false;
        }
        if (Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())) {
            return false;
        }
        Integer colours = terminal.getNumericCapability(InfoCmp.Capability.max_colors);
        return colours != null && colours >= 8;
    }

    boolean on() {
        return on;
    }

    String bold(String s) {
        return paint(s, AttributedStyle.BOLD);
    }

    String dim(String s) {
        return paint(s, AttributedStyle.DEFAULT.faint());
    }

    String ok(String s) {
        return paint(s, AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN));
    }

    String bad(String s) {
        return paint(s, AttributedStyle.BOLD.foreground(AttributedStyle.RED));
    }

    String warn(String s) {
        return paint(s, AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW));
    }

    String sql(String s) {
        return paint(s, AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN));
    }

    String accent(String s) {
        return paint(s, AttributedStyle.BOLD.foreground(AttributedStyle.BLUE));
    }

    private String paint(String s, AttributedStyle style) {
        return !on
                ? s
                : terminal == null
                        ? new AttributedString(s, style).toAnsi()
                        : new AttributedString(s, style).toAnsi(terminal);
    }
}
