package io.migrescue.diagnosis.error;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flyway's failure block ({@code FlywaySqlScriptException}):
 * <pre>
 * Migration V2__add_fk.sql failed
 * -------------------------------
 * SQL State  : 42P07
 * Error Code : 0
 * Message    : ERROR: relation "users" already exists
 *   Detail: …                      (PgJDBC's extra lines)
 * Location   : db/migration/V2__add_fk.sql (/flyway/sql/V2__add_fk.sql)
 * Line       : 1
 * Statement  : CREATE TABLE users (…)
 * </pre>
 * and the next run's {@code Detected failed migration to version 2 (add fk)}, which has no SQL error at all.
 */
final class FlywayReader implements WrapperReader {
    private static final Pattern FIELD =
            Pattern.compile("(?m)^(SQL State|Error Code|Message|Location|Line|Statement)\\s*: ?(.*)$");
    private static final Pattern HEADER = Pattern.compile(
            "(?:Migration|Script) (?<name>\\S+?) failed\\b|Failed to execute script (?<script>\\S+?)[.:!]?(?=\\s|$)");
    private static final Pattern SCHEMA_VERSION =
            Pattern.compile("to version [\"`]?(?<v>[\\w.]+)(?: - [^\"`\\n]*)?[\"`]? failed");
    private static final Pattern DETECTED_FAILED =
            Pattern.compile("Detected failed migration to version (?<v>[\\w.]+) \\((?<d>[^)\\n]*)\\)[^\\n]*");
    private static final Pattern CHECKSUM =
            Pattern.compile("Migration checksum mismatch for migration version (?<v>[\\w.]+)[^\\n]*");
    private static final Pattern VERSIONED = Pattern.compile("^[VU](\\d+(?:[._]\\d+)*)__");
    /** A MySQL message wrapped over several lines ends at the next field or a blank line. */
    private static final Pattern MESSAGE_END =
            Pattern.compile("^(?:\\s*$|(?:SQL State|Error Code|Message|Location|Line|Statement)\\s*:)");
    /** Where a statement echoed by Flyway stops: a blank line, a stack trace, the next log line. */
    private static final Pattern STATEMENT_END = Pattern.compile(
            "^(?:\\s*$|-> \\[Help|Caused by:|\\s+at |\\s*\\.\\.\\. \\d+ more|(?:ERROR|WARN|WARNING|INFO|DEBUG)\\b|org\\.flywaydb|\\d{4}-\\d\\d-\\d\\d)");

    @Override
    public List<ErrorDraft> read(String text) {
        Matcher first = FIELD.matcher(text);
        while (first.find()) {
            if (first.group(1).equals("SQL State")) {
                return List.of(scriptFailure(text, first.start()));
            }
        }
        Matcher detected = DETECTED_FAILED.matcher(text);
        if (detected.find()) {
            ErrorDraft d = new ErrorDraft("flyway", detected.start(), detected.end()).message(detected.group());
            d.version = detected.group("v");
            d.migration = detected.group("d");
            return List.of(d);
        }
        Matcher checksum = CHECKSUM.matcher(text);
        if (checksum.find()) {
            ErrorDraft d = new ErrorDraft("flyway", checksum.start(), checksum.end()).message(checksum.group());
            d.version = checksum.group("v");
            return List.of(d);
        }
        return List.of();
    }

    private ErrorDraft scriptFailure(String text, int fieldsStart) {
        MatchResult header = Text.lastBefore(HEADER, text, fieldsStart);
        int start = header != null ? Text.lineStart(text, header.start()) : fieldsStart;
        ErrorDraft d = new ErrorDraft("flyway", start, fieldsStart);
        Matcher f = FIELD.matcher(text).useAnchoringBounds(false);
        f.region(fieldsStart, text.length());
        int blockEnd = fieldsStart;
        while (f.find()) {
            if (!text.substring(blockEnd, f.start()).isBlank()) {
                break; // fields follow each other: this is a second block (the error repeated in a stack trace)
            }
            String value = f.group(2);
            int valueEnd = f.end();
            switch (f.group(1)) {
                case "SQL State" -> d.sqlState(Text.trimToNull(value));
                case "Error Code" -> d.vendorCode(Text.toInt(value));
                case "Line" -> d.line = Text.toInt(value);
                case "Location" -> {
                    if (d.migration == null && !value.isBlank()) {
                        d.migration = Text.baseName(value.strip().split("\\s+")[0]);
                    }
                }
                case "Message" -> {
                    if (value.startsWith("ERROR:") || value.startsWith("FATAL:")) {
                        PgReport report = PgReport.read(text, f.start(2));
                        d.report(report);
                        valueEnd = report.end();
                    } else {
                        valueEnd = Text.endOfBlock(text, f.start(2), MESSAGE_END);
                        d.message(text.substring(f.start(2), valueEnd).replaceAll("\\s*\\n\\s*", " "));
                    }
                }
                case "Statement" -> {
                    valueEnd = Text.endOfBlock(text, f.start(2), STATEMENT_END);
                    String statement = text.substring(f.start(2), valueEnd);
                    // Flyway 10+ hides the statement unless run with -X: its placeholder is no SQL
                    if (!statement.startsWith("Run Flyway with -X")) {
                        d.statement(statement);
                    }
                }
                default -> {}
            }
            blockEnd = Math.max(blockEnd, valueEnd);
            f.region(Math.min(text.length(), valueEnd), text.length());
        }
        d.end = blockEnd;
        if (header != null) {
            d.migration = header.group(1) != null ? header.group(1) : header.group(2);
        }
        d.version = version(text, start, d.migration);
        return d;
    }

    /** V2_1__x.sql is version 2.1; {@code to version "2 - x" failed} says it too. */
    private static String version(String text, int blockStart, String migration) {
        if (migration != null) {
            Matcher v = VERSIONED.matcher(migration);
            if (v.find()) {
                return v.group(1).replace('_', '.');
            }
        }
        MatchResult schema = Text.lastBefore(SCHEMA_VERSION, text, blockStart + 1);
        if (schema == null) {
            Matcher after = SCHEMA_VERSION.matcher(text);
            return after.find() ? after.group("v") : null;
        }
        return schema.group(1);
    }
}
