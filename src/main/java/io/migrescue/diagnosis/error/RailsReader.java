package io.migrescue.diagnosis.error;

import io.migrescue.model.Engine;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rails ({@code An error has occurred, this and all later migrations canceled:}; on MySQL without "this and"):
 * {@code PG::DuplicateTable: ERROR:  msg} with libpq's DETAIL/HINT lines and the statement on a line of its own
 * starting with {@code : }; {@code Mysql2::Error: msg: CREATE …} with the statement on the same line;
 * {@code Trilogy::ProtocolError: 1826: msg}. The migration comes from {@code == 20240115093000 CreateUsers: migrating}
 * and the backtrace line {@code db/migrate/20240115093000_create_users.rb:3}.
 */
final class RailsReader implements WrapperReader {
    private static final Pattern ERROR =
            Pattern.compile("(?<cls>PG::(?<cond>\\w+)|Mysql2::Error(?:::\\w+)?|Trilogy::\\w+): (?<rest>[^\\n]*)");
    /** Ruby appends the exception class to a message since 3.x: {@code … (ActiveRecord::StatementInvalid)}. */
    private static final Pattern CLASS_SUFFIX = Pattern.compile("\\s+\\((?:\\w+::)+\\w+\\)\\s*$");

    private static final Pattern INLINE_SQL = Pattern.compile(
            ": (?=(?i:CREATE|ALTER|DROP|INSERT|UPDATE|DELETE|RENAME|TRUNCATE|REPLACE|SELECT|WITH|GRANT|COMMENT)\\b)");
    private static final Pattern TRILOGY = Pattern.compile("^(?<code>\\d{4,5}): (?<msg>.*)$");
    /** Rails writes a foreign key's SQL over several lines; the backtrace or a blank line ends it. */
    private static final Pattern STATEMENT_END =
            Pattern.compile("^(?:\\s*$|/|\\S+\\.rb:\\d+|Caused by:|Tasks: |\\(See full trace)");

    private static final Pattern HEADER = Pattern.compile("== (?<v>\\d+) (?<name>\\w+): migrating");
    private static final Pattern BACKTRACE = Pattern.compile("db/migrate/(?<file>(?<v>\\d+)_\\w+\\.rb):(?<line>\\d+)");

    @Override
    public List<ErrorDraft> read(String text) {
        return WrapperReader.eachMatch(
                ERROR,
                text,
                m -> {
                    ErrorDraft d = m.group("cond") != null ? postgres(text, m) : mysql(text, m);
                    migration(text, m.start(), d);
                    return d;
                },
                (m, d) -> Math.max(d.end, Text.lineEnd(text, m.start())));
    }

    private ErrorDraft postgres(String text, Matcher m) {
        ErrorDraft d = new ErrorDraft("rails", m.start(), m.end()).engineHint(Engine.POSTGRESQL);
        d.sqlState(PgConditionNames.sqlState(m.group("cond")));
        PgReport report = PgReport.read(text, m.start("rest"));
        d.report(report);
        d.message(CLASS_SUFFIX.matcher(d.message == null ? "" : d.message).replaceFirst(""));
        int next = report.end() + 1;
        if (next < text.length() && text.startsWith(": ", next)) {
            int end = Text.endOfBlock(text, next, STATEMENT_END);
            d.statement(text.substring(next + 2, end));
            d.end = end;
        }
        return d;
    }

    private ErrorDraft mysql(String text, Matcher m) {
        ErrorDraft d = new ErrorDraft("rails", m.start(), m.end()).engineHint(Engine.MYSQL);
        String rest = CLASS_SUFFIX.matcher(m.group("rest")).replaceFirst("");
        Matcher trilogy = TRILOGY.matcher(rest);
        if (m.group("cls").startsWith("Trilogy") && trilogy.matches()) {
            d.vendorCode(Text.toInt(trilogy.group("code")));
            rest = trilogy.group("msg");
        }
        Matcher sql = INLINE_SQL.matcher(rest);
        if (sql.find()) {
            int end = Text.endOfBlock(text, m.start("rest"), STATEMENT_END);
            String more = text.substring(Text.lineEnd(text, m.start()), end);
            d.statement(rest.substring(sql.end()) + more);
            d.end = end;
            rest = rest.substring(0, sql.start());
        }
        return d.message(rest);
    }

    private static void migration(String text, int errorAt, ErrorDraft d) {
        MatchResult header = Text.lastBefore(HEADER, text, errorAt);
        if (header != null) {
            d.version = header.group(1);
            d.migration = header.group(2);
        }
        Matcher trace = BACKTRACE.matcher(text);
        if (trace.find(errorAt)) {
            d.migration = trace.group("file");
            d.version = trace.group("v");
            d.line = Text.toInt(trace.group("line"));
        }
    }
}
