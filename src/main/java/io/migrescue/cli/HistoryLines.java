package io.migrescue.cli;

import io.migrescue.db.Redaction;
import java.util.regex.Pattern;

/**
 * What the shell may write to its history file for a line typed at its prompt: the line without any password. A
 * password in a URL's user-info or query is dropped (so that the line, run again, asks for it), a value after a
 * password option is masked, and any secret migrescue knows of (the one {@code connect} asked for included) is
 * scrubbed wherever it appears.
 */
public final class HistoryLines {
    private static final Pattern USERINFO_PASSWORD = Pattern.compile("(//[^/?#@:\\s]*):[^@/?#\\s]*@");
    private static final Pattern FIRST_QUERY_PASSWORD =
            Pattern.compile("(?i)\\?(?:password|pass|pwd)=[^&;#\\s]*(?:[&;]|(?=[#\\s]|$))");
    private static final Pattern LATER_QUERY_PASSWORD = Pattern.compile("(?i)[&;](?:password|pass|pwd)=[^&;#\\s]*");
    private static final Pattern PASSWORD_OPTION = Pattern.compile("(^|\\s)(--password|-p)(=|\\s+)\\S+");
    private static final Pattern GLUED_PASSWORD_OPTION = Pattern.compile("(^|\\s)-p(?!-)\\S+");

    private HistoryLines() {}

    /** The line as it may be kept; null when nothing of it is worth keeping. */
    public static String safe(String line) {
        if (line == null || line.isBlank()) {
            return null;
        }
        String out = USERINFO_PASSWORD.matcher(line).replaceAll("$1@");
        // ?password=x&user=y → ?user=y; ?password=x alone → nothing
        out = FIRST_QUERY_PASSWORD
                .matcher(out)
                .replaceAll(m -> m.group().endsWith("&") || m.group().endsWith(";") ? "?" : "");
        out = LATER_QUERY_PASSWORD.matcher(out).replaceAll("");
        out = PASSWORD_OPTION.matcher(out).replaceAll("$1$2$3" + Redaction.MASK);
        out = GLUED_PASSWORD_OPTION.matcher(out).replaceAll("$1-p" + Redaction.MASK);
        return Redaction.scrub(out);
    }
}
