package io.migrescue.diagnosis.error;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prisma Migrate: P3018 (a migration failed to apply: {@code Migration name:}, {@code Database error code:} a
 * SQLSTATE on PostgreSQL or the error number on MySQL, {@code Database error:} then the message and sometimes a
 * {@code DbError { … }} dump) and P3009 (the next deploy refuses: {@code The `name` migration started at … failed}).
 */
final class PrismaReader implements WrapperReader {
    private static final Pattern NAME = Pattern.compile("Migration name: (?<name>\\S+)");
    private static final Pattern CODE = Pattern.compile("Database error code: (?<code>\\S+)");
    private static final Pattern ERROR = Pattern.compile("Database error:[ \\t]*\\n?");
    private static final Pattern STARTED =
            Pattern.compile("The `(?<name>[^`]+)` migration started at [^\\n]*? failed[^\\n]*");
    private static final Pattern DB_ERROR_DETAIL =
            Pattern.compile("\\bdetail: Some\\(\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"\\)");
    /** mysql_async's spelling of a server error, which Prisma may pass on: {@code ERROR 42S01 (1050): msg}. */
    private static final Pattern MYSQL_ASYNC = Pattern.compile("ERROR ([0-9A-Z]{5}) \\(\\d+\\): ");
    /** Where the error body stops: a blank line, the debug dump, Prisma's own advice, a span trace line. */
    private static final Pattern BODY_END =
            Pattern.compile("^(?:\\s*$|DbError \\{|Please check the query|\\s+\\d+: |\\s+at )");

    @Override
    public List<ErrorDraft> read(String text) {
        Matcher code = CODE.matcher(text);
        Matcher error = ERROR.matcher(text);
        if (code.find() && error.find(code.end())) {
            return List.of(applyFailure(text, code, error));
        }
        Matcher started = STARTED.matcher(text);
        if (started.find()) {
            ErrorDraft d = new ErrorDraft("prisma", started.start(), started.end()).message(started.group());
            d.migration = started.group("name");
            return List.of(d);
        }
        return List.of();
    }

    private ErrorDraft applyFailure(String text, Matcher code, Matcher error) {
        Matcher name = NAME.matcher(text);
        boolean named = name.find() && name.start() < code.start();
        int start = named ? name.start() : code.start();
        ErrorDraft d = new ErrorDraft("prisma", start, error.end());
        if (named) {
            d.migration = name.group("name");
        }
        // a SQLSTATE has five characters and is often all digits (42710); MySQL error numbers have four
        String c = code.group("code");
        if (c.length() == 5) {
            d.sqlState(c);
        } else {
            d.vendorCode(Text.toInt(c));
        }
        int bodyStart = error.end();
        if (d.vendorCode == null) {
            PgReport report = PgReport.read(text, bodyStart);
            d.report(report);
        } else {
            int end = Text.endOfBlock(text, bodyStart, BODY_END);
            String body = text.substring(bodyStart, end).replaceAll("\\s*\\n\\s*", " ");
            Matcher server = MYSQL_ASYNC.matcher(body);
            if (server.lookingAt()) {
                d.sqlState(server.group(1));
                body = body.substring(server.end());
            }
            d.message(body);
            d.end = end;
        }
        Matcher detail = DB_ERROR_DETAIL.matcher(text);
        if (d.detail == null && detail.find(bodyStart)) {
            d.detail = detail.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return d;
    }
}
