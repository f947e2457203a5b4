package io.migrescue.shell;

import io.migrescue.cli.TextWrap;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a command prints, on the shell's terminal, a line at a time: said as the shell says it ({@link ShellVoice}),
 * wrapped to the terminal's width, through {@code colour}: the reports stay the plain
 * text the command line prints, and the shell picks out what matters (a check that holds or fails, the status, an
 * error). A line still being written (a progress line redrawn with carriage returns) goes out as it comes.
 */
final class ColouredLines extends Writer {
    private static final Pattern CHECK = Pattern.compile("^(\\s+)(ok|FAIL)(\\s.*)$");
    private static final Pattern STATUS = Pattern.compile("^(Status\\s+)(\\S.*)$");
    private static final Pattern FINDING = Pattern.compile("^(\\d+\\. )([A-Z_]+)( \\((error|warning)\\).*)$");

    /** A label column ("Next      ", "   Fix with  "): wrapped lines continue under its text. */
    private static final Pattern LABEL = Pattern.compile("^\\s*(?:\\S.*?\\s{2,}|\\d+\\. |- )?");

    private final PrintWriter terminal;
    private final UnaryOperator<String> colour;
    private final IntSupplier width;
    private final UnaryOperator<String> voice;
    private final StringBuilder pending = new StringBuilder();

    /** @param width the terminal's width now (it may change between commands); 0 or less: do not wrap */
    ColouredLines(PrintWriter terminal, UnaryOperator<String> colour, IntSupplier width) {
        this(terminal, colour, width, ShellVoice::speak);
    }

    /** @param voice how a line is said: the shell's words, or as it is (the command line's own output) */
    ColouredLines(PrintWriter terminal, UnaryOperator<String> colour, IntSupplier width, UnaryOperator<String> voice) {
        this.terminal = terminal;
        this.colour = colour;
        this.width = width;
        this.voice = voice;
    }

    /** For stdout: the checks of a verification, the status line, the kinds of findings. */
    static UnaryOperator<String> results(Style style) {
        return line -> {
            Matcher m = CHECK.matcher(line);
            if (m.matches()) {
                return m.group(1) + (m.group(2).equals("ok") ? style.ok("ok") : style.bad("FAIL")) + m.group(3);
            }
            m = STATUS.matcher(line);
            if (m.matches()) {
                String s = m.group(2);
                boolean good = s.startsWith("verified")
                        || s.startsWith("healthy")
                        || s.startsWith("rolled-back")
                        || s.startsWith("planned");
                return m.group(1) + (good ? style.ok(s) : style.bad(s));
            }
            m = FINDING.matcher(line);
            if (m.matches()) {
                return m.group(1)
                        + (m.group(4).equals("error") ? style.bad(m.group(2)) : style.warn(m.group(2)))
                        + m.group(3);
            }
            return line;
        };
    }

    /** For stderr: a {@code migrescue: …} message in the error colour. */
    static UnaryOperator<String> errors(Style style) {
        return line -> line.startsWith("migrescue: ") ? style.bad(line) : line;
    }

    @Override
    public void write(char[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            pending.append(buf[i]);
            if (buf[i] == '\n') {
                String line = pending.substring(0, pending.length() - 1);
                pending.setLength(0);
                if (line.indexOf('\r') >= 0) {
                    terminal.print(line + "\n");
                } else {
                    wrapped(voice.apply(line)).forEach(l -> terminal.print(colour.apply(l) + "\n"));
                }
            }
        }
    }

    /** The line at the terminal's width, broken at spaces only, continued under its label or indent. */
    List<String> wrapped(String line) {
        int columns = width.getAsInt();
        if (columns <= 0 || line.length() <= columns) {
            return List.of(line);
        }
        Matcher label = LABEL.matcher(line);
        int hang = label.lookingAt() ? Math.min(label.end(), columns / 2) : 0;
        int indent = line.length() - line.stripLeading().length();
        return TextWrap.wrapLine(line.stripTrailing(), columns, " ".repeat(Math.max(hang, indent)));
    }

    @Override
    public void flush() {
        if (pending.length() > 0) {
            terminal.print(pending);
            pending.setLength(0);
        }
        terminal.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
