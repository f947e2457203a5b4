package io.migrescue.diagnosis.error;

import io.migrescue.model.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java stack traces from the JDBC drivers: {@code org.postgresql.util.PSQLException: ERROR: msg} with PgJDBC's
 * {@code   Detail:}/{@code   Position:} lines; {@code java.sql.SQLIntegrityConstraintViolationException: msg} and
 * {@code com.mysql.cj.jdbc.exceptions.…: msg} (Connector/J, which leaves the code out of the message);
 * MariaDB Connector/J's {@code (conn=12) msg} and {@code Query is: …}; PgJDBC's
 * {@code Batch entry 0 <sql> was aborted: ERROR: …}; Spring's {@code bad SQL grammar [<sql>]}.
 */
final class JdbcReader implements WrapperReader {
    private static final Pattern EXCEPTION = Pattern.compile(
            "(?<cls>org\\.postgresql\\.util\\.PSQLException|java\\.sql\\.\\w*Exception|com\\.mysql\\.(?:cj\\.)?jdbc\\.exceptions\\.[\\w.]+"
                    + "|org\\.mariadb\\.jdbc\\.[\\w.]+Exception): (?<rest>[^\\n]*)");
    private static final Pattern BATCH = Pattern.compile(
            "^Batch entry \\d+ (?<sql>.*) was aborted: (?<msg>.*?)(?:\\s+Call getNextException to see other errors in the batch\\.)?$");
    private static final Pattern QUERY_IS = Pattern.compile("^Query is: (?<sql>[^\\n]*)");
    private static final Pattern SPRING_SQL = Pattern.compile("(?:bad SQL grammar|; SQL) \\[(?<sql>[^\\n]*?)\\]; ");

    @Override
    public List<ErrorDraft> read(String text) {
        List<ErrorDraft> found = new ArrayList<>();
        Matcher m = EXCEPTION.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            found.add(one(text, m));
            from = Text.nextLine(text, m.start());
        }
        return found;
    }

    private ErrorDraft one(String text, Matcher m) {
        String cls = m.group("cls");
        String rest = m.group("rest");
        ErrorDraft d = new ErrorDraft("jdbc", m.start(), m.end());
        Matcher batch = BATCH.matcher(rest);
        if (batch.matches()) {
            d.statement(batch.group("sql"));
            d.message(batch.group("msg"));
        } else if (cls.contains("postgresql") || rest.startsWith("ERROR:") || rest.startsWith("FATAL:")) {
            d.engineHint(Engine.POSTGRESQL).report(PgReport.read(text, m.start("rest")));
        } else {
            d.message(rest);
            int next = Text.nextLine(text, m.end());
            Matcher query = QUERY_IS.matcher(text.substring(next, Text.lineEnd(text, next)));
            if (query.find()) {
                d.statement(query.group("sql"));
                d.end = Text.lineEnd(text, next);
            }
        }
        if (cls.contains("postgresql")) {
            d.engineHint(Engine.POSTGRESQL);
        } else if (cls.startsWith("com.mysql") || cls.startsWith("org.mariadb")) {
            d.engineHint(Engine.MYSQL);
        }
        if (d.statement == null) {
            Matcher spring = SPRING_SQL.matcher(text.substring(Text.lineStart(text, m.start()), m.start()));
            if (spring.find()) {
                d.statement(spring.group("sql"));
            }
        }
        return d;
    }
}
