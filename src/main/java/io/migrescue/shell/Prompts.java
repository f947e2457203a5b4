package io.migrescue.shell;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

/**
 * Questions asked at the shell's terminal. Answers never reach the history (only command lines do); a password is
 * read without echo. Ctrl-C or Ctrl-D at a question cancels it: the caller is told by a null answer.
 */
final class Prompts {
    private final LineReader reader;
    private final RedactingHistory history;
    private final Style style;
    private final boolean dumb;
    private boolean ended;
    private final PrintWriter out;

    Prompts(LineReader reader, RedactingHistory history, Style style, boolean dumb) {
        this.reader = reader;
        // what the walk prints wraps at the terminal's width, at spaces
        this.out = new PrintWriter(
                new ColouredLines(reader.getTerminal().writer(), line -> line, reader.getTerminal()::getWidth), true);
        this.history = history;
        this.style = style;
        this.dumb = dumb;
    }

    /** Whether the last question met the end of the input (Ctrl-D, or a script that ran out): asking again is no use. */
    boolean ended() {
        return ended;
    }

    PrintWriter out() {
        return out;
    }

    /** A line, or null when the person pressed Ctrl-C or Ctrl-D. */
    String line(String prompt) {
        out.flush();
        return read(() -> reader.readLine(prompt));
    }

    /**
     * A secret: nothing is echoed, not even its length; never in the history. Null when cancelled. A dumb terminal
     * shows nothing of what is typed anyway (JLine's masking there redraws the prompt from a thread of its own).
     */
    String secret(String prompt) {
        return read(() -> dumb ? reader.readLine(prompt) : reader.readLine(prompt, (char) 0));
    }

    /** One read with the history paused: null on Ctrl-C, and on Ctrl-D, which also ends the session. */
    private String read(Supplier<String> readLine) {
        history.pause(true);
        try {
            return readLine.get();
        } catch (UserInterruptException e) {
            return null;
        } catch (EndOfFileException e) {
            ended = true;
            return null;
        } finally {
            history.pause(false);
        }
    }

    /** Yes or no, no by default; a cancelled question is a no. */
    boolean confirm(String question) {
        while (true) {
            String answer = line(question + " " + style.bold("[y/N]") + " ");
            if (answer == null) {
                out().println();
                return false;
            }
            String a = answer.trim().toLowerCase(Locale.ROOT);
            if (a.isEmpty() || a.equals("n") || a.equals("no")) {
                return false;
            }
            if (a.equals("y") || a.equals("yes")) {
                return true;
            }
            out().println("  y or n, please");
        }
    }

    /**
     * Lines until an empty one or one holding just {@code .}. A paste that the terminal brackets (every terminal of
     * the last decade) arrives whole, blank lines and all, and the Enter that accepts it ends it. Null when cancelled.
     */
    String paste(String prompt) {
        out().println(prompt);
        out().flush();
        StringBuilder text = new StringBuilder();
        while (true) {
            String line = line(style.dim("| "));
            if (line == null) {
                return null;
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.equals(".")) {
                return text.toString();
            }
            text.append(line).append('\n');
            if (line.indexOf('\n') >= 0) {
                return text.toString(); // a bracketed paste, accepted with Enter: nothing more to wait for
            }
        }
    }

    /**
     * One of {@code choices} (or any value when there are none), {@code proposed} when Enter alone is pressed. Null when
     * cancelled.
     */
    String choose(String question, List<String> choices, String proposed) {
        while (true) {
            String shown = question + (choices.isEmpty() ? "" : " (" + String.join(" / ", choices) + ")")
                    + (proposed == null ? "" : " " + style.bold("[" + proposed + "]")) + ": ";
            String answer = line(shown);
            if (answer == null) {
                return null;
            }
            String a = answer.strip();
            if (a.isEmpty()) {
                if (proposed != null) {
                    return proposed;
                }
                out().println("  a value is needed (Ctrl-C cancels)");
                continue;
            }
            if (!choices.isEmpty() && !choices.contains(a)) {
                out().println("  one of: " + String.join(", ", choices));
                continue;
            }
            return a;
        }
    }
}
