package io.migrescue.diagnosis.error;

import io.migrescue.model.Engine;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * A Node driver's error as a tool without its own wrapper prints it (drizzle-kit migrate:
 * {@code [⣷] applying migrations...error: relation "x" already exists}, the stack, then node-postgres' property dump
 * with {@code code: '42P07'}; mysql2: {@code Error: Table 'x' already exists} … {@code errno: 1050},
 * {@code sqlMessage}, {@code sql}).
 */
final class NodeDriverReader implements WrapperReader {
    private static final Pattern ERROR_LINE =
            Pattern.compile("(?:^|[\\s.])(?:error|Error): (?<msg>[^\\n]*)", Pattern.MULTILINE);

    @Override
    public List<ErrorDraft> read(String text) {
        NodeErrorDump dump = NodeErrorDump.find(text, 0);
        if (dump == null || (dump.get("code") == null && dump.get("errno") == null)) {
            return List.of();
        }
        String wrapper = text.toLowerCase(Locale.ROOT).contains("drizzle") ? "drizzle" : "plain";
        MatchResult line = Text.lastBefore(ERROR_LINE, text, dump.start);
        ErrorDraft d = new ErrorDraft(wrapper, line != null ? line.start() : dump.start, dump.end);
        String sqlMessage = dump.get("sqlMessage");
        d.message(sqlMessage != null ? sqlMessage : line != null ? line.group(1) : null);
        d.statement(dump.get("sql"));
        dump.copyTo(d);
        d.engineHint(dump.postgres() ? Engine.POSTGRESQL : Engine.MYSQL);
        return d.message == null ? List.of() : List.of(d);
    }
}
