package io.migrescue.shell;

import java.io.PrintWriter;
import java.io.Writer;

/** What commands write to stderr, on the terminal: a {@code migrescue: …} message in the error colour, the rest as it comes. */
final class ErrorLines extends Writer {
    private final PrintWriter terminal;
    private final Style style;
    private final StringBuilder pending = new StringBuilder();

    ErrorLines(PrintWriter terminal, Style style) {
        this.terminal = terminal;
        this.style = style;
    }

    @Override
    public void write(char[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            pending.append(buf[i]);
            if (buf[i] == '\n') {
                String line = pending.toString();
                pending.setLength(0);
                terminal.print(line.startsWith("migrescue: ") && line.indexOf('\r') < 0
                        ? style.bad(line.substring(0, line.length() - 1)) + "\n" : line);
            }
        }
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
