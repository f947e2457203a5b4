package io.migrescue.diagnosis.error;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL error report as clients print it: the message line, then field lines. Two spellings exist:
 * libpq's ({@code DETAIL:  …}, {@code HINT:  …}, {@code LINE 1: …} with a caret line; psql, PDO, Rails, psycopg,
 * the server log with a prefix before each field) and PgJDBC's ({@code   Detail: …}, {@code   Hint: …},
 * {@code   Position: 14}, {@code   Server SQLState: 42P07}).
 *
 * @param end index in the read text just after the last line that belonged to the report
 */
record PgReport(String message, String detail, String hint, String sqlState, String statement, int end) {
    /** libpq field names are upper case with two spaces after the colon; a server log puts its own prefix before them. */
    private static final Pattern LIBPQ_FIELD =
            Pattern.compile("^(?:.*?\\s)?(DETAIL|HINT|STATEMENT|CONTEXT|QUERY|LOCATION|WHERE):\\s+(.*)$");

    private static final Pattern JDBC_FIELD = Pattern.compile(
            "^\\s+(Detail|Hint|Position|Where|Internal Query|Internal Position|Routine|File|Line|Location|Server SQLState):\\s*(.*)$");
    /** Later lines of a multi-line DETAIL: 2BP01's "view v depends on table t", 40P01's "Process 12 waits for …". */
    private static final Pattern DETAIL_CONTINUATION = Pattern.compile("[a-z]|Process \\d+ ");

    private static final Pattern LINE_MARKER = Pattern.compile("^(?:LINE \\d+:.*|\\s*\\^\\s*)$");

    /** Reads the report whose message starts at {@code from}; the message is the rest of that line. */
    static PgReport read(String text, int from) {
        int eol = Text.lineEnd(text, from);
        String message = text.substring(from, eol);
        String detail = null;
        String hint = null;
        String state = null;
        String statement = null;
        int end = eol;
        String last = null;
        int at = eol + 1;
        while (at <= text.length() && at > 0 && eol < text.length()) {
            int lineEnd = Text.lineEnd(text, at);
            String line = text.substring(at, lineEnd);
            Matcher jdbc = JDBC_FIELD.matcher(line);
            Matcher libpq = LIBPQ_FIELD.matcher(line);
            if (jdbc.matches()) {
                last = jdbc.group(1);
                switch (last) {
                    case "Detail" -> detail = jdbc.group(2).strip();
                    case "Hint" -> hint = jdbc.group(2).strip();
                    case "Server SQLState" -> state = jdbc.group(2).strip();
                    default -> {}
                }
            } else if (LINE_MARKER.matcher(line).matches()) {
                last = "LINE";
            } else if (libpq.matches() && !line.startsWith(" ")) {
                last = libpq.group(1);
                switch (last) {
                    case "DETAIL" -> detail = libpq.group(2).strip();
                    case "HINT" -> hint = libpq.group(2).strip();
                    case "STATEMENT" -> statement = libpq.group(2).strip();
                    default -> {}
                }
            } else if ("DETAIL".equals(last)
                    && DETAIL_CONTINUATION.matcher(line).lookingAt()) {
                detail = detail + "\n" + line.strip();
            } else {
                break;
            }
            end = lineEnd;
            if (lineEnd >= text.length()) {
                break;
            }
            at = lineEnd + 1;
        }
        return new PgReport(message, detail, hint, state, statement, end);
    }
}
