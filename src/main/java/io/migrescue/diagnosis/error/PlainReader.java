package io.migrescue.diagnosis.error;

import java.util.List;
import java.util.regex.Pattern;

/**
 * No wrapper: a PostgreSQL server log or an interactive psql session ({@code ERROR:  msg} with DETAIL/STATEMENT
 * lines, any log prefix before them), or a bare server message pasted on its own.
 */
final class PlainReader implements WrapperReader {
    /** libpq and the server log put two spaces after the severity; one space needs a known message after it. */
    private static final Pattern SEVERITY =
            Pattern.compile("(?m)(?:^|\\s)(?:ERROR|FATAL):(?<spaces>[ \\t]+)(?<msg>[^\\n]*)");

    @Override
    public List<ErrorDraft> read(String text) {
        List<ErrorDraft> found = WrapperReader.eachMatch(SEVERITY, text, m -> {
            String msg = m.group("msg");
            if (m.group("spaces").length() >= 2 || ServerMessages.indexIn(msg) == 0 || msg.contains("(SQLSTATE ")) {
                return new ErrorDraft("plain", m.start("msg"), m.end()).report(PgReport.read(text, m.start("msg")));
            }
            return null; // one space and no known message: not a server error line
        });
        if (!found.isEmpty()) {
            return found;
        }
        int at = 0;
        while (at < text.length()) {
            int end = Text.lineEnd(text, at);
            String line = text.substring(at, end);
            int index = ServerMessages.indexIn(line);
            if (index >= 0) {
                return List.of(new ErrorDraft("plain", at + index, end).message(line.substring(index)));
            }
            at = end + 1;
        }
        return List.of();
    }
}
