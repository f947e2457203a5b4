package io.migrescue.diagnosis.error;

import io.migrescue.diagnosis.ErrorObjects;
import io.migrescue.diagnosis.ParsedError;
import io.migrescue.model.Engine;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a wrapper reader found, before the server message is read for objects and the engine is decided. Mutable on
 * purpose: each reader fills in what its wrapper carries and leaves the rest null.
 */
final class ErrorDraft {
    /**
     * Client-side prefixes that are not part of the server's message; Connector/J puts {@code Data truncation:} before
     * 1264, 1265, 1292 and 1406 (its {@code MysqlDataTruncation}).
     */
    private static final Pattern MESSAGE_PREFIX = Pattern.compile(
            "^(?:\\(conn=\\d+\\)\\s*|pq:\\s*|db error:\\s*|Data truncation:\\s*|(?:ERROR|FATAL):\\s+)+");
    /** pgx and the Supabase CLI append the SQLSTATE to the message. */
    private static final Pattern PGX_STATE = Pattern.compile("\\s*\\(SQLSTATE ([0-9A-Z]{5})\\)\\s*$");

    final String wrapper;
    /** What the wrapper itself says about the engine: POSTGRESQL, MARIADB, or MYSQL for "the MySQL family". */
    Engine engineHint;

    String sqlState;
    Integer vendorCode;
    Integer errno;
    String message;
    String detail;
    String hint;
    String statement;
    String migration;
    String version;
    Integer line;
    int start;
    int end;

    ErrorDraft(String wrapper, int start, int end) {
        this.wrapper = wrapper;
        this.start = start;
        this.end = end;
    }

    /** Sets the message with client prefixes ({@code (conn=12)}, {@code pq:}, {@code ERROR:}) and a pgx SQLSTATE suffix removed. */
    ErrorDraft message(String raw) {
        String m = raw == null ? null : raw.strip();
        if (m != null) {
            m = MESSAGE_PREFIX.matcher(m).replaceFirst("");
            Matcher state = PGX_STATE.matcher(m);
            if (state.find()) {
                sqlState(state.group(1));
                m = m.substring(0, state.start());
            }
            m = Text.trimToNull(m);
        }
        this.message = m;
        return this;
    }

    ErrorDraft sqlState(String state) {
        if (this.sqlState == null && state != null && state.strip().length() == 5) {
            this.sqlState = state.strip();
        }
        return this;
    }

    /** Sets the MySQL/MariaDB error number; 0 (what Flyway and Liquibase print for PostgreSQL) means none. */
    ErrorDraft vendorCode(Integer code) {
        if (code != null && code != 0) {
            this.vendorCode = code;
        }
        return this;
    }

    ErrorDraft engineHint(Engine engine) {
        if (engine != null && (engineHint == null || engineHint == Engine.MYSQL)) {
            this.engineHint = engine;
        }
        return this;
    }

    ErrorDraft statement(String s) {
        this.statement = s == null ? null : Text.trimToNull(Text.withoutCaretLines(s));
        return this;
    }

    /**
     * Copies a PostgreSQL report (message, DETAIL, HINT, a SQLSTATE if it carried one) and extends the span to it;
     * a reader that read the report from a part of the input sets {@link #end} itself.
     */
    ErrorDraft report(PgReport report) {
        message(report.message());
        if (detail == null) {
            detail = report.detail();
        }
        if (hint == null) {
            hint = report.hint();
        }
        sqlState(report.sqlState());
        if (statement == null && report.statement() != null) {
            statement(report.statement());
        }
        end = Math.max(end, report.end());
        return this;
    }

    /** A 25P02 says only that an earlier statement failed: the first real error is the one to diagnose. */
    boolean secondary() {
        return "25P02".equals(sqlState) || (message != null && message.startsWith("current transaction is aborted"));
    }

    ParsedError build(Engine engine, ErrorObjects objects, String input) {
        String span = input.substring(Math.max(0, start), Math.min(input.length(), Math.max(end, start)))
                .strip();
        return new ParsedError(
                engine,
                wrapper,
                sqlState,
                vendorCode,
                errno,
                message,
                detail,
                hint,
                statement,
                migration,
                version,
                line,
                objects == null ? ErrorObjects.NONE : objects,
                span);
    }
}
