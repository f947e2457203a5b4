package io.migrescue.diagnosis.error;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bounds what the readers get, in one linear pass, so that no input makes them slow or deep: at most 1 MiB of text
 * (the first and the last 512 KiB, cut at line ends: the error is near one end of a log), no run of more than 64
 * spaces or tabs, no line longer than 8 KiB after that (its first 6 KiB and last 2 KiB), no more than 3 blank lines
 * in a row.
 * A real error message is far inside these limits; what is cut is said in a note, with the lines it concerns.
 */
public final class ErrorTextLimits {
    static final int MAX_CHARS = 1 << 20;
    static final int MAX_LINE = 8 * 1024;
    private static final int LINE_HEAD = 6 * 1024;
    private static final int LINE_TAIL = 2 * 1024;
    static final int MAX_RUN = 64;
    private static final int MAX_BLANK_LINES = 3;
    private static final int LINES_NAMED = 5;

    /** The text the readers get, and what was cut to make it (empty when nothing was). */
    public record Bounded(String text, List<String> notes) {}

    private ErrorTextLimits() {}

    public static Bounded bound(String raw) {
        List<String> notes = new ArrayList<>();
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_CHARS + 64));
        Cuts cuts = new Cuts();
        if (raw.length() > MAX_CHARS) {
            int headEnd = raw.lastIndexOf('\n', MAX_CHARS / 2);
            headEnd = headEnd < MAX_CHARS / 4 ? MAX_CHARS / 2 : headEnd;
            int tailFrom = raw.indexOf('\n', raw.length() - MAX_CHARS / 2);
            tailFrom = tailFrom < 0 || tailFrom > raw.length() - MAX_CHARS / 4
                    ? raw.length() - MAX_CHARS / 2
                    : tailFrom + 1;
            int headLines = lines(raw, 0, headEnd);
            int tailFirst = lines(raw, 0, tailFrom);
            int total = lines(raw, 0, raw.length());
            lines(raw, 0, headEnd, 1, out, cuts);
            out.append('\n');
            lines(raw, tailFrom, raw.length(), tailFirst, out, cuts);
            notes.add(String.format(
                    Locale.ROOT,
                    "error text cut at 1 MiB (it has %d characters): lines 1-%d and %d-%d read",
                    raw.length(),
                    headLines,
                    tailFirst,
                    total));
        } else {
            lines(raw, 0, raw.length(), 1, out, cuts);
        }
        if (!cuts.longLines.isEmpty()) {
            notes.add(
                    cuts.longLines.size() + " line(s) longer than 8 KiB cut to their first 6 KiB and last 2 KiB (line "
                            + named(cuts.longLines) + ")");
        }
        if (!cuts.runs.isEmpty()) {
            notes.add("runs of more than " + MAX_RUN + " spaces shortened (line " + named(cuts.runs) + ")");
        }
        return new Bounded(notes.isEmpty() && cuts.blankRuns == 0 ? raw : out.toString(), List.copyOf(notes));
    }

    private static final class Cuts {
        final List<Integer> longLines = new ArrayList<>();
        final List<Integer> runs = new ArrayList<>();
        int blankRuns;
    }

    /** The lines of {@code raw[from, to)}, numbered from {@code first}, bounded, appended to {@code out}. */
    private static void lines(String raw, int from, int to, int first, StringBuilder out, Cuts cuts) {
        int blanks = 0;
        int number = first;
        StringBuilder line = new StringBuilder();
        int at = from;
        boolean firstLine = true;
        while (at <= to) {
            int end = raw.indexOf('\n', at);
            if (end < 0 || end > to) {
                end = to;
            }
            boolean blank = blank(raw, at, end);
            blanks = blank ? blanks + 1 : 0;
            if (blanks > MAX_BLANK_LINES) {
                cuts.blankRuns++;
            } else {
                if (!firstLine) {
                    out.append('\n');
                }
                firstLine = false;
                line.setLength(0);
                appendShortened(raw, at, end, line, cuts, number);
                if (line.length() > MAX_LINE) {
                    cuts.longLines.add(number);
                    out.append(line, 0, cut(line, LINE_HEAD))
                            .append(" … ")
                            .append(line, cut(line, line.length() - LINE_TAIL), line.length());
                } else {
                    out.append(line);
                }
            }
            if (end >= to) {
                break;
            }
            at = end + 1;
            number++;
        }
    }

    /** Appends {@code raw[from, to)} with every run of spaces and tabs longer than {@link #MAX_RUN} shortened. */
    private static void appendShortened(String raw, int from, int to, StringBuilder out, Cuts cuts, int number) {
        int run = 0;
        boolean noted = false;
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            run = c == ' ' || c == '\t' ? run + 1 : 0;
            if (run > MAX_RUN) {
                if (!noted && (cuts.runs.isEmpty() || cuts.runs.get(cuts.runs.size() - 1) != number)) {
                    cuts.runs.add(number);
                }
                noted = true;
                continue;
            }
            out.append(c);
        }
    }

    /** Not inside a surrogate pair. */
    private static int cut(CharSequence text, int i) {
        return i > 0 && Character.isLowSurrogate(text.charAt(i)) ? i - 1 : i;
    }

    private static boolean blank(String raw, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(raw.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int lines(String raw, int from, int to) {
        int n = 1;
        for (int i = from; i < to; i++) {
            if (raw.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static String named(List<Integer> lines) {
        List<String> shown =
                lines.stream().limit(LINES_NAMED).map(String::valueOf).toList();
        return String.join(", ", shown) + (lines.size() > LINES_NAMED ? ", …" : "");
    }
}
