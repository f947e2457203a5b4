package io.migrescue.diagnosis.error;

import io.migrescue.model.Engine;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TypeORM's {@code migration:run}: {@code query failed: <sql>}, then {@code Migration "AddIndex1700000000001" failed,
 * error: <server message>}, {@code Error during migration run:} and the QueryFailedError with the driver's property
 * dump (node-postgres' {@code code: '23505'}, {@code detail}; mysql2's {@code errno}, {@code sqlMessage}). The
 * migration is the one TypeORM names, not the first pending one: by default ({@code transaction: "all"}) every pending
 * migration of the run is rolled back with the failed one.
 */
final class TypeOrmReader implements WrapperReader {
    private static final Pattern FAILED =
            Pattern.compile("(?m)^Migration \"(?<name>[^\"\\n]+)\" failed, error: (?<msg>[^\\n]*)$");
    private static final Pattern QUERY_FAILED = Pattern.compile("(?m)^query failed: (?<sql>[^\\n]*)$");

    @Override
    public List<ErrorDraft> read(String text) {
        if (!text.contains("\" failed, error: ")) {
            return List.of(); // TypeORM's own line: without it the text is not this tool's
        }
        Matcher failed = FAILED.matcher(text);
        if (!failed.find()) {
            return List.of();
        }
        ErrorDraft d = new ErrorDraft("typeorm", failed.start(), failed.end());
        d.migration = failed.group("name");
        d.message(failed.group("msg"));
        MatchResult query = Text.lastBefore(QUERY_FAILED, text, failed.start());
        if (query != null) {
            d.statement(withoutParameters(query.group(1)));
        }
        NodeErrorDump dump = NodeErrorDump.find(text, failed.end());
        if (dump != null) {
            dump.copyTo(d);
            d.engineHint(dump.postgres() ? Engine.POSTGRESQL : Engine.MYSQL);
            String sqlMessage = dump.get("sqlMessage");
            if (sqlMessage != null) {
                d.message(sqlMessage); // mysql2's own copy of the server message, unwrapped
            }
        }
        return List.of(d);
    }

    /** TypeORM logs a parameterised query with {@code -- PARAMETERS: [...]} after it. */
    private static String withoutParameters(String sql) {
        int at = sql.indexOf(" -- PARAMETERS: ");
        return (at < 0 ? sql : sql.substring(0, at)).strip();
    }
}
