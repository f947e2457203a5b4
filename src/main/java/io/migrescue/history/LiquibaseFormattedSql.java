package io.migrescue.history;

import io.migrescue.model.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The changeset headers of a Liquibase formatted SQL file ({@code --liquibase formatted sql}, then
 * {@code --changeset author:id attributes} before each changeset), read with the patterns of Liquibase 4.33's
 * AbstractFormattedChangeLogParser. Only what DATABASECHANGELOG records is read; the SQL itself is not.
 */
final class LiquibaseFormattedSql {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE;
    private static final Pattern HEADER = Pattern.compile("\\s*--\\s*liquibase\\s*formatted.*", FLAGS);
    private static final Pattern CHANGESET =
            Pattern.compile("\\s*--\\s*changeset\\s+(\"[^\"]+\"|[^:]+):\\s*(\"[^\"]+\"|\\S+).*", FLAGS);
    private static final Pattern COMMENT = Pattern.compile("\\s*--\\s*comments?:? (.*)", FLAGS);
    private static final Pattern CONTEXT = Pattern.compile(".*\\bcontext(?:Filter)?:(\".*?\"|\\S*).*", FLAGS);
    private static final Pattern LABELS = Pattern.compile(".*\\blabels:(\".*?\"|\\S*).*", FLAGS);
    private static final Pattern LOGICAL_FILE_PATH = Pattern.compile(".*\\blogicalFilePath:(\\S*).*", FLAGS);
    private static final Pattern DBMS = Pattern.compile(".*\\bdbms:([^,][\\w!,]+).*", FLAGS);
    private static final Pattern IGNORE = Pattern.compile(".*\\bignore:(\\w*).*", FLAGS);

    // lines of a changeset that are not its SQL (AbstractFormattedChangeLogParser.configureChangeSet), by Liquibase's
    // patterns
    private static final Pattern COMMENT_LINE = Pattern.compile("--[\\s]*comment:? (.*)", FLAGS);
    private static final Pattern NOT_SQL = Pattern.compile(
            "\\s*--[\\s]*(rollback |preconditions|precondition-[a-zA-Z0-9-]+"
                    + "|validCheckSum:? |property\\s+.*:.*\\s+.*:).*",
            FLAGS);
    private static final Pattern ROLLBACK_BLOCK_START =
            Pattern.compile("\\s*/\\*\\s*liquibase\\s*rollback\\s*$", FLAGS);
    private static final Pattern ROLLBACK_BLOCK_END = Pattern.compile(".*\\s*\\*/\\s*$", FLAGS);
    private static final Pattern IGNORE_LINES = Pattern.compile("--[\\s]*ignoreLines:(\\w+)", FLAGS);

    private LiquibaseFormattedSql() {}

    /**
     * One changeset with the SQL Liquibase runs for it: the lines after its header up to the next one, without its
     * {@code --comment:}, {@code --rollback}, precondition, {@code --validCheckSum} and property lines.
     *
     * @param firstLine the 1-based line of the file the SQL starts at (the line after the header)
     */
    record Body(ChangeSet changeSet, String sql, int firstLine) {}

    /**
     * Every changeset with its SQL, in file order; empty when the text is not formatted SQL. A line that is not SQL is
     * kept as an empty line, so each statement keeps its line in the file (whitespace is no part of the checksum).
     */
    static List<Body> bodies(String text) {
        List<ChangeSet> headers = parse(text);
        List<Body> bodies = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        StringBuilder sql = null;
        int first = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (CHANGESET.matcher(line).matches()) {
                if (sql != null) {
                    bodies.add(new Body(headers.get(bodies.size()), sql.toString(), first));
                }
                sql = new StringBuilder();
                first = i + 2;
                continue;
            }
            int last = i;
            if (IGNORE_LINES.matcher(line).matches()) {
                last = skipIgnored(lines, i, IGNORE_LINES.matcher(line).replaceAll("$1"));
            } else if (ROLLBACK_BLOCK_START.matcher(line).matches()) {
                while (last + 1 < lines.length
                        && !ROLLBACK_BLOCK_END.matcher(lines[++last]).matches()) {
                    // a multi-line rollback is no part of the changeset's SQL
                }
            }
            if (sql == null) {
                i = last;
                continue;
            }
            boolean isSql = last == i
                    && !COMMENT_LINE.matcher(line).matches()
                    && !NOT_SQL.matcher(line).matches()
                    && !IGNORE_LINES.matcher(line).matches()
                    && !ROLLBACK_BLOCK_START.matcher(line).matches();
            for (; i <= last && i < lines.length; i++) {
                sql.append(isSql ? line : "").append('\n');
            }
            i--;
        }
        if (sql != null) {
            bodies.add(new Body(headers.get(bodies.size()), sql.toString(), first));
        }
        return bodies;
    }

    /** {@code --ignoreLines:start} to {@code --ignoreLines:end}, or {@code --ignoreLines:N}: the last line skipped. */
    private static int skipIgnored(String[] lines, int at, String how) {
        if ("start".equalsIgnoreCase(how)) {
            int i = at + 1;
            while (i < lines.length && !lines[i].matches("(?i)--[\\s]*ignoreLines:end")) {
                i++;
            }
            return i;
        }
        try {
            return at + Integer.parseInt(how);
        } catch (NumberFormatException e) {
            return at;
        }
    }

    /**
     * One changeset's header.
     *
     * @param logicalFilePath the changeset's {@code logicalFilePath:}, or null
     * @param contexts        {@code context:} / {@code contextFilter:} as written, or null (Liquibase writes NULL then)
     * @param labels          {@code labels:} as written, or null
     * @param comments        the text of its {@code --comment:} line, or "" (Liquibase writes "" when there is none)
     * @param dbms            {@code dbms:} as written, or null for every engine
     * @param ignored         {@code ignore:true}: Liquibase neither runs nor records it
     */
    record ChangeSet(
            String author,
            String id,
            String logicalFilePath,
            String contexts,
            String labels,
            String comments,
            String dbms,
            boolean ignored)
            implements io.migrescue.sql.LiquibaseChangeSetHeader {

        /** Whether Liquibase runs (and so records) this changeset on the engine. */
        boolean runsOn(Engine engine) {
            return !ignored && io.migrescue.sql.LiquibaseChangelog.runsOn(dbms, engine);
        }
    }

    static boolean isFormattedSql(String text) {
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                return HEADER.matcher(line).matches();
            }
        }
        return false;
    }

    /** The changesets in file order; empty when the text is not formatted SQL. */
    static List<ChangeSet> parse(String text) {
        if (!isFormattedSql(text)) {
            return List.of();
        }
        List<ChangeSet> changeSets = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            Matcher m = CHANGESET.matcher(lines[i]);
            if (m.matches()) {
                String line = lines[i];
                changeSets.add(new ChangeSet(
                        unquote(m.group(1).strip()),
                        unquote(m.group(2)),
                        group(LOGICAL_FILE_PATH, line),
                        group(CONTEXT, line),
                        group(LABELS, line),
                        comment(lines, i + 1),
                        group(DBMS, line),
                        "true".equalsIgnoreCase(group(IGNORE, line))));
            }
        }
        return changeSets;
    }

    /** The first {@code --comment:} line of the changeset starting after line {@code from}. */
    private static String comment(String[] lines, int from) {
        for (int i = from; i < lines.length && !CHANGESET.matcher(lines[i]).matches(); i++) {
            Matcher m = COMMENT.matcher(lines[i]);
            if (m.matches()) {
                return m.group(1).strip();
            }
        }
        return "";
    }

    private static String group(Pattern pattern, String line) {
        Matcher m = pattern.matcher(line);
        if (!m.matches() || m.group(1).isEmpty()) {
            return null;
        }
        return unquote(m.group(1));
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
