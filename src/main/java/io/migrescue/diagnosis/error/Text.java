package io.migrescue.diagnosis.error;

import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small text helpers shared by the wrapper readers: logs arrive with CRLF, colour codes and noise. */
final class Text {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");
    /** Maven prefixes every line of a plugin's failure ({@code [ERROR] Migration V2__x.sql failed}). */
    /**
     * Symfony Console (artisan without Collision, Doctrine Migrations) prints an exception as a block under
     * {@code In Connection.php line 825:}, word-wrapped at the terminal width and padded with spaces.
     */
    private static final Pattern SYMFONY_BLOCK =
            Pattern.compile("(?m)^(In \\S+ line \\d+:)[ \\t]*\\n(?:[ \\t]*\\n)?((?:  \\S[^\\n]*(?:\\n|$))+)");

    static final int LOOK_BACK = 256 * 1024;
    private static final Pattern MAVEN_LEVEL = Pattern.compile("(?m)^\\[(?:ERROR|WARNING|WARN|INFO|DEBUG)\\] ?");

    private Text() {}

    /**
     * LF line ends, no terminal colour codes, no byte-order mark, no Maven level prefix, Symfony's wrapped blocks
     * joined: what every reader can assume.
     */
    static String normalise(String raw) {
        String text = raw.replace("\r\n", "\n").replace('\r', '\n');
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = ANSI.matcher(text).replaceAll("");
        text = MAVEN_LEVEL.matcher(text).replaceAll("");
        return unwrapSymfonyBlocks(text);
    }

    /** Joins a Symfony block's lines back into one; the wrap consumed the space it broke at. */
    private static String unwrapSymfonyBlocks(String text) {
        Matcher block = SYMFONY_BLOCK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (block.find()) {
            String joined = String.join(" ", block.group(2).strip().split("\\s*\\n\\s*"));
            block.appendReplacement(out, Matcher.quoteReplacement(block.group(1) + "\n  " + joined + "\n"));
        }
        block.appendTail(out);
        return out.toString();
    }

    static int lineStart(String text, int index) {
        // at 0 there is no character before: a text opening with a newline must not put the line start past the index
        return index <= 0 ? 0 : text.lastIndexOf('\n', index - 1) + 1;
    }

    static int lineEnd(String text, int index) {
        int end = text.indexOf('\n', index);
        return end < 0 ? text.length() : end;
    }

    /** The index just after the line holding {@code index} (past its newline), or the text's length. */
    static int nextLine(String text, int index) {
        int end = text.indexOf('\n', index);
        return end < 0 ? text.length() : end + 1;
    }

    /**
     * The end of a value that starts at {@code from} and may continue on the following lines: its first line, then
     * each next line until one in which {@code stop} finds a match.
     */
    static int endOfBlock(String text, int from, Pattern stop) {
        int end = lineEnd(text, from);
        while (end < text.length()) {
            int next = lineEnd(text, end + 1);
            if (stop.matcher(text.substring(end + 1, next)).find()) {
                break;
            }
            end = next;
        }
        return end;
    }

    /**
     * The last match of {@code pattern} that ends before {@code limit}, within the {@link #LOOK_BACK} characters before
     * it, or null: "the migration running when it failed" (announced shortly before its error; looking further back
     * for every error of a long log would make reading it quadratic).
     */
    static MatchResult lastBefore(Pattern pattern, String text, int limit) {
        Matcher m = pattern.matcher(text);
        int end = Math.min(limit, text.length());
        m.region(Math.max(0, lineStart(text, Math.max(0, end - LOOK_BACK))), end);
        m.useAnchoringBounds(false);
        m.useTransparentBounds(true);
        MatchResult last = null;
        while (m.find()) {
            last = m.toMatchResult();
        }
        return last;
    }

    static String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    static Integer toInt(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The base name of a path as tools print it ({@code db/migration/V2__x.sql} gives {@code V2__x.sql}). */
    static String baseName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    /** Removes caret-only lines (PostgreSQL's position marker) that some tools put under a statement. */
    static String withoutCaretLines(String s) {
        return s.replaceAll("(?m)^[ \\t]*\\^[ \\t]*(\\n|$)", "").stripTrailing();
    }
}
