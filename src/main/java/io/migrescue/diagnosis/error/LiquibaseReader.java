package io.migrescue.diagnosis.error;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Liquibase: a lock left behind by a killed run ({@code Waiting for changelog lock....} then
 * {@code Could not acquire change log lock.  Currently locked by host (ip) since …}), and a failed changeset
 * ({@code Migration failed for changeset f.xml::1::alice:} … {@code Reason: liquibase.exception.DatabaseException:
 * msg [Failed SQL: (1050) CREATE TABLE …]}, the number being the vendor code, 0 on PostgreSQL), and applied changesets
 * edited since ({@code Validation Failed: 2 changesets check sum} then {@code path::id::author was: 9:x but is now: 9:y}
 * per changeset; the first one named is the migration).
 */
final class LiquibaseReader implements WrapperReader {
    private static final Pattern LOCK = Pattern.compile("Could not acquire change ?log lock\\.[^\\n]*");
    private static final Pattern WAITING = Pattern.compile("Waiting for change ?log lock\\.*");
    private static final Pattern CHANGESET =
            Pattern.compile("Migration failed for change ?set (?<id>\\S+?):?(?=\\s|$)");
    private static final Pattern FAILED_SQL = Pattern.compile("\\s*\\[Failed SQL: \\((?<code>-?\\d+)\\) ");
    private static final Pattern CHECKSUMS =
            Pattern.compile("Validation Failed:\\s+(?<n>\\d+) change ?sets? check ?sum");
    private static final Pattern CHANGED =
            Pattern.compile("^\\s*(?<key>\\S.*?) was: \\S+ but is now: \\S+\\s*$", Pattern.MULTILINE);
    private static final Pattern REASON =
            Pattern.compile("(?:Reason: )?(?:liquibase\\.exception\\.)?DatabaseException: |Reason: ");

    @Override
    public List<ErrorDraft> read(String text) {
        Matcher failed = FAILED_SQL.matcher(text);
        if (failed.find()) {
            return List.of(changesetFailure(text, failed));
        }
        Matcher checksums = CHECKSUMS.matcher(text);
        if (checksums.find()) {
            return List.of(checksumFailure(text, checksums));
        }
        Matcher lock = LOCK.matcher(text);
        if (lock.find()) {
            return List.of(new ErrorDraft("liquibase", lock.start(), lock.end()).message(lock.group()));
        }
        Matcher waiting = WAITING.matcher(text);
        if (waiting.find()) {
            return List.of(new ErrorDraft("liquibase", waiting.start(), waiting.end()).message(waiting.group()));
        }
        return List.of();
    }

    /** The message as Liquibase words it, on one line; the first changeset it names (path::id::author) as the migration. */
    private static ErrorDraft checksumFailure(String text, Matcher checksums) {
        Matcher changed = CHANGED.matcher(text);
        boolean named = changed.find(checksums.end());
        ErrorDraft d = new ErrorDraft("liquibase", checksums.start(), named ? changed.end() : checksums.end());
        d.message("Validation Failed: " + checksums.group("n") + " changesets check sum");
        if (named) {
            d.migration = changed.group("key");
        }
        return d;
    }

    private ErrorDraft changesetFailure(String text, Matcher failed) {
        MatchResult reason = Text.lastBefore(REASON, text, failed.start());
        int bodyStart = reason != null ? reason.end() : Text.lineStart(text, failed.start());
        MatchResult changeset = Text.lastBefore(CHANGESET, text, failed.start());
        int start = changeset != null ? changeset.start() : bodyStart;
        // the statement runs to the bracket that closes "[Failed SQL: …" at the end of a line
        Matcher close = Pattern.compile("\\]\\s*$", Pattern.MULTILINE).matcher(text);
        int sqlEnd = close.find(failed.end()) ? close.start() : Text.lineEnd(text, failed.end());
        ErrorDraft d = new ErrorDraft("liquibase", start, sqlEnd + 1);
        String body = text.substring(bodyStart, failed.start());
        if (body.startsWith("ERROR:") || body.startsWith("FATAL:")) {
            d.report(PgReport.read(body, 0));
            d.end = sqlEnd + 1;
        } else {
            d.message(body.replaceAll("\\s*\\n\\s*", " "));
        }
        d.vendorCode(Text.toInt(failed.group("code")));
        d.statement(text.substring(failed.end(), sqlEnd));
        if (changeset != null) {
            d.migration = changeset.group(1);
        }
        return d;
    }
}
