package io.migrescue.diagnosis.error;

import io.migrescue.model.Engine;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PDO's message ({@code SQLSTATE[HY000]: General error: 1005 Can't create table …}; on PostgreSQL the number is
 * libpq's status 7 and the server's {@code ERROR:  …} follows) with Laravel's block after it:
 * {@code (SQL: …)} up to 9, {@code (Connection: mysql, SQL: …)} in 10 and 11,
 * {@code (Connection: pgsql, Host: h, Port: p, Database: d, SQL: …)} from 12. The statement may itself hold
 * parentheses and quotes, so the block is read by matching parentheses, not by a regular expression.
 */
final class LaravelReader implements WrapperReader {
    private static final Pattern SQLSTATE =
            Pattern.compile("SQLSTATE\\[(?<state>[0-9A-Z]{5})\\]: (?<cond>[^:\\n]*): (?:(?<code>\\d+) )?");
    private static final Pattern BLOCK = Pattern.compile("\\s*\\((?:SQL|Connection): ");
    private static final Pattern CONNECTION = Pattern.compile("^\\(Connection: (?<name>\\w+)");
    /** A terminal wraps the long 1005 message before its errno, as field report 05 shows. */
    private static final Pattern ERRNO_CONTINUATION = Pattern.compile("^\\s*\\(errno: [^\\n]*");
    /** PHP's uncaught-exception line appends where it was thrown: {@code … in /var/www/x.php:14}. */
    private static final Pattern THROWN_AT = Pattern.compile(" in (?:/|[A-Za-z]:\\\\)\\S+:\\d+$");

    private static final Pattern MIGRATION = Pattern.compile(
            "(?m)^\\s*(?<m>\\d{4}_\\d\\d_\\d\\d_\\d{6}_\\w+)\\b[^\\n]*\\bFAIL\\b|Migrating: (?<old>\\S+)");

    @Override
    public List<ErrorDraft> read(String text) {
        return WrapperReader.eachMatch(SQLSTATE, text, m -> one(text, m), (m, d) -> Math.max(d.end, m.end()));
    }

    private ErrorDraft one(String text, Matcher m) {
        ErrorDraft d = new ErrorDraft("laravel", m.start(), m.end()).sqlState(m.group("state"));
        int bodyStart = m.end();
        int next = text.indexOf("SQLSTATE[", bodyStart);
        Matcher block = BLOCK.matcher(text);
        boolean hasBlock = block.find(bodyStart) && (next < 0 || block.start() < next);
        int bodyEnd = hasBlock ? block.start() : Text.lineEnd(text, bodyStart);
        String body = text.substring(bodyStart, bodyEnd);
        if (body.startsWith("ERROR:") || body.startsWith("FATAL:")) {
            d.engineHint(Engine.POSTGRESQL).report(PgReport.read(body, 0));
        } else {
            d.vendorCode(Text.toInt(m.group("code")));
            if (!hasBlock) {
                Matcher wrapped = ERRNO_CONTINUATION.matcher(text.substring(Math.min(text.length(), bodyEnd + 1)));
                if (wrapped.lookingAt()) {
                    body = body + " " + wrapped.group().strip();
                    bodyEnd = bodyEnd + 1 + wrapped.end();
                }
            }
            d.message(THROWN_AT
                    .matcher(body.replaceAll("\\s*\\n\\s*", " ").strip())
                    .replaceFirst(""));
        }
        d.end = bodyEnd;
        if (hasBlock) {
            int open = text.indexOf('(', block.start());
            int close = closingParenthesis(text, open);
            readBlock(text.substring(open, close), d);
            d.end = close + 1;
        }
        MatchResult migration = Text.lastBefore(MIGRATION, text, m.start());
        if (migration != null) {
            d.migration = migration.group(1) != null ? migration.group(1) : migration.group(2);
        }
        return d;
    }

    private static void readBlock(String block, ErrorDraft d) {
        Matcher connection = CONNECTION.matcher(block);
        if (connection.find()) {
            switch (connection.group("name").toLowerCase(Locale.ROOT)) {
                case "pgsql" -> d.engineHint(Engine.POSTGRESQL);
                case "mariadb" -> d.engineHint(Engine.MARIADB);
                case "mysql" -> d.engineHint(Engine.MYSQL);
                default -> {}
            }
        }
        int sql = block.indexOf("SQL: ");
        if (sql >= 0) {
            d.statement(block.substring(sql + "SQL: ".length()));
        }
    }

    /** Index of the parenthesis closing the one at {@code open}, skipping quoted SQL text; the text's end if none. */
    static int closingParenthesis(String text, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '\'') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return text.length();
    }
}
