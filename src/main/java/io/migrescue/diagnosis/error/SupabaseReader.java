package io.migrescue.diagnosis.error;

import io.migrescue.model.Engine;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Supabase CLI ({@code supabase db push}, {@code migration up}), which runs each file through pgx:
 * {@code Applying migration 20250913000000_x.sql...}, then {@code ERROR: msg (SQLSTATE 42703)}, the DETAIL on its
 * own line if any, {@code At statement: 1} (or {@code At statement 1:}) and the failing statement.
 */
final class SupabaseReader implements WrapperReader {
    private static final Pattern APPLYING = Pattern.compile("Applying migration (?<file>\\S+?)\\.\\.\\.");
    private static final Pattern ERROR =
            Pattern.compile("(?m)(?:ERROR|FATAL): (?<msg>[^\\n]*) \\(SQLSTATE (?<state>[0-9A-Z]{5})\\)$");
    private static final Pattern AT_STATEMENT = Pattern.compile("(?m)^At statement:? ?\\d+:?[ \\t]*\\n?");
    private static final Pattern STATEMENT_END = Pattern.compile("(?m)^(?:\\s*$|Try rerunning the command)");
    private static final Pattern VERSION = Pattern.compile("^(\\d+)_");

    @Override
    public List<ErrorDraft> read(String text) {
        Matcher error = ERROR.matcher(text);
        if (!error.find()) {
            return List.of();
        }
        Matcher at = AT_STATEMENT.matcher(text);
        boolean atStatement = at.find(error.end());
        if (!atStatement && !APPLYING.matcher(text).find()) {
            return List.of(); // a pgx error without the CLI around it: the plain reader's
        }
        ErrorDraft d = new ErrorDraft("supabase", error.start(), error.end()).engineHint(Engine.POSTGRESQL);
        d.sqlState(error.group("state")).message(error.group("msg"));
        if (atStatement) {
            String between = text.substring(error.end(), at.start()).strip();
            if (!between.isEmpty()) {
                d.detail = between;
            }
            Matcher end = STATEMENT_END.matcher(text);
            int stmtEnd = end.find(at.end()) ? end.start() : text.length();
            d.statement(text.substring(at.end(), stmtEnd));
            d.end = stmtEnd;
        }
        MatchResult file = Text.lastBefore(APPLYING, text, error.start());
        if (file != null) {
            d.migration = file.group(1);
            d.start = file.start();
            Matcher v = VERSION.matcher(d.migration);
            d.version = v.find() ? v.group(1) : null;
        }
        return List.of(d);
    }
}
