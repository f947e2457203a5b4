package io.migrescue.diagnosis.error;

import io.migrescue.model.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mysql/mariadb client and Go's MySQL driver ({@link MySqlErrorLine}). A batch run names the line and file; an
 * interactive session echoes the statement at its prompt ({@code mysql> …}, {@code MariaDB [shop]> …}, continued on
 * {@code     -> …} lines) just before the error.
 */
final class MySqlCliReader implements WrapperReader {
    private static final Pattern PROMPT = Pattern.compile("^(?:mysql|MariaDB \\[[^\\]\\n]*\\])> (?<sql>.*)$");
    private static final Pattern CONTINUATION = Pattern.compile("^\\s*-> (?<sql>.*)$");

    @Override
    public List<ErrorDraft> read(String text) {
        return WrapperReader.eachMatch(MySqlErrorLine.PATTERN, text, m -> {
            ErrorDraft d = new ErrorDraft("mysql-cli", m.start(), m.end()).engineHint(Engine.MYSQL);
            d.vendorCode(Text.toInt(m.group("code"))).sqlState(m.group("state"));
            d.message(m.group("message"));
            d.line = Text.toInt(m.group("line"));
            d.migration = m.group("file");
            d.statement(echoedStatement(text, Text.lineStart(text, m.start())));
            return d;
        });
    }

    /** The statement typed at the prompt on the lines right above the error, or null. */
    private static String echoedStatement(String text, int errorLine) {
        List<String> lines = new ArrayList<>();
        int end = errorLine - 1;
        while (end > 0) {
            int start = Text.lineStart(text, end);
            String line = text.substring(start, end);
            Matcher prompt = PROMPT.matcher(line);
            if (prompt.matches()) {
                lines.add(0, prompt.group("sql"));
                return String.join("\n", lines);
            }
            Matcher more = CONTINUATION.matcher(line);
            if (!more.matches()) {
                return null;
            }
            lines.add(0, more.group("sql"));
            end = start - 1;
        }
        return null;
    }
}
