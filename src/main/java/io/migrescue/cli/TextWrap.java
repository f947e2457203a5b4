package io.migrescue.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps prose at spaces only. The JDK's line breaker (which picocli uses) also breaks after '.', ':' and '-', which
 * splits {@code .env}, {@code flyway.toml}, host names and URLs across lines; a word longer than the line stays whole.
 */
public final class TextWrap {
    private TextWrap() {}

    /**
     * @param first the indent of the first line (may already hold a label)
     * @param rest  the indent of every following line
     */
    public static List<String> wrap(String text, int width, String first, String rest) {
        return wrapLine(first + text.strip(), width, rest);
    }

    /**
     * A laid-out line (columns aligned with runs of spaces) wrapped at spaces: the spaces inside a line are kept, a
     * break drops the spaces it falls on, and each following line starts with {@code rest}.
     */
    public static List<String> wrapLine(String line, int width, String rest) {
        List<String> lines = new ArrayList<>();
        java.util.regex.Matcher word =
                java.util.regex.Pattern.compile("(\\s*)(\\S+)").matcher(line);
        StringBuilder current = new StringBuilder();
        boolean fresh = true; // nothing but the indent on the current line yet
        while (word.find()) {
            String gap = word.group(1);
            String text = word.group(2);
            if (!fresh && current.length() + gap.length() + text.length() > width) {
                lines.add(current.toString());
                current = new StringBuilder(rest);
                gap = "";
            }
            current.append(gap).append(text);
            fresh = false;
        }
        lines.add(current.toString());
        return lines;
    }

    /** Each paragraph wrapped to the width; a paragraph's own leading spaces indent all its lines. */
    public static List<String> paragraphs(List<String> paragraphs, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : paragraphs) {
            for (String part : paragraph.split("\n", -1)) {
                if (part.isBlank()) {
                    lines.add("");
                    continue;
                }
                String indent =
                        part.substring(0, part.length() - part.stripLeading().length());
                lines.addAll(wrap(part, width, indent, indent.isEmpty() ? "" : indent + "  "));
            }
        }
        return lines;
    }
}
