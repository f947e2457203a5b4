package io.migrescue.diagnosis.error;

import io.migrescue.model.Engine;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * golang-migrate's {@code database.Error}: {@code migration failed[: msg[ (column n)][, detail]] in line N: <the whole
 * migration> (details: <driver error>)}, the driver error being {@code pq: msg}, pgx's {@code ERROR: msg (SQLSTATE x)}
 * or the MySQL driver's {@code Error 1050 (42S01): msg}; and the next run's
 * {@code Dirty database version 20240115093000. Fix and force version.}
 */
final class GolangMigrateReader implements WrapperReader {
    private static final Pattern DIRTY =
            Pattern.compile("Dirty database version (?<v>\\d+)\\. Fix and force version\\.");
    private static final Pattern FAILED = Pattern.compile("migration failed(?<msg>[^\\n]*?) in line (?<line>\\d+): ");
    private static final Pattern DETAILS = Pattern.compile(" \\(details: ");
    private static final Pattern PQ = Pattern.compile("pq: (?<msg>.*)");
    private static final Pattern PGX =
            Pattern.compile("(?:ERROR|FATAL): (?<msg>.*) \\(SQLSTATE (?<state>[0-9A-Z]{5})\\)");
    private static final Pattern COLUMN = Pattern.compile("^ \\(column \\d+\\)");
    /** {@code -verbose} logs say which migration ran: {@code Read and execute 20240115093000/u create_users}. */
    private static final Pattern RUNNING =
            Pattern.compile("(?:Start buffering|Read and execute) (?<v>\\d+)/[ud] (?<name>\\S+)");

    @Override
    public List<ErrorDraft> read(String text) {
        Matcher failed = FAILED.matcher(text);
        if (failed.find()) {
            ErrorDraft d = migrationFailure(text, failed);
            if (d != null) {
                return List.of(d);
            }
        }
        Matcher dirty = DIRTY.matcher(text);
        if (dirty.find()) {
            ErrorDraft d = new ErrorDraft("golang-migrate", dirty.start(), dirty.end()).message(dirty.group());
            d.version = dirty.group("v");
            return List.of(d);
        }
        return List.of();
    }

    private ErrorDraft migrationFailure(String text, Matcher failed) {
        Matcher details = DETAILS.matcher(text);
        if (!details.find(failed.end())) {
            return null;
        }
        int detailsEnd = Text.lineEnd(text, details.end());
        String driverError = text.substring(details.end(), detailsEnd).replaceFirst("\\)\\s*$", "");
        ErrorDraft d = new ErrorDraft("golang-migrate", Text.lineStart(text, failed.start()), detailsEnd);
        d.statement(text.substring(failed.end(), details.start()));
        Integer line = Text.toInt(failed.group("line"));
        d.line = line == null || line == 0 ? null : line; // 0: the driver could not place the error
        Matcher mysql = MySqlErrorLine.PATTERN.matcher(driverError);
        Matcher pgx = PGX.matcher(driverError);
        Matcher pq = PQ.matcher(driverError);
        if (mysql.lookingAt()) {
            d.vendorCode(Text.toInt(mysql.group("code"))).sqlState(mysql.group("state"));
            d.message(mysql.group("message")).engineHint(Engine.MYSQL);
        } else if (pgx.lookingAt()) {
            d.sqlState(pgx.group("state")).message(pgx.group("msg")).engineHint(Engine.POSTGRESQL);
        } else if (pq.lookingAt()) {
            d.message(pq.group("msg")).engineHint(Engine.POSTGRESQL);
        } else {
            d.message(driverError);
        }
        if (d.engineHint == Engine.POSTGRESQL) {
            d.detail = detailAfterMessage(failed.group("msg"), d.message);
        }
        MatchResult running = Text.lastBefore(RUNNING, text, failed.start());
        if (running != null) {
            d.version = running.group(1);
            d.migration = running.group(2);
        }
        return d;
    }

    /** The PostgreSQL driver appends {@code (column n)} and {@code , <DETAIL>} to the message. */
    private static String detailAfterMessage(String failedPart, String message) {
        String part = failedPart.replaceFirst("^:\\s*", "");
        if (message == null || !part.startsWith(message)) {
            return null;
        }
        String rest = COLUMN.matcher(part.substring(message.length())).replaceFirst("");
        return rest.startsWith(", ") ? Text.trimToNull(rest.substring(2)) : null;
    }
}
