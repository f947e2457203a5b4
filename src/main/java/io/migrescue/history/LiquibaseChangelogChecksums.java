package io.migrescue.history;

import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.LiquibaseChangelog;
import io.migrescue.sql.MigrationFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checksums of changesets of XML, YAML and JSON changelogs, as Liquibase 4.33 computes them for the checksum version
 * a row records ({@code ChangeSet.generateCheckSum(version)}): the MD5 of each change's checksum followed by ":". A
 * {@code sql}/{@code sqlFile} change's checksum is the MD5 of its SQL (AbstractSQLChange, SQLFileChange): version 9
 * without any space, tab, CR or LF, counting only changes that run on the engine ({@code dbms}); version 8 with
 * whitespace runs made one space and trimmed, after a header {@code endDelimiter:splitStatements:stripComments:}, counting
 * every change. Other change types (createTable...) are checksummed from Liquibase's serialization of the change object,
 * which migrescue does not reproduce: their checksum cannot be recomputed; only Liquibase's own validation failure
 * ({@link LiquibaseValidationFailure}) says what it is now, and only with that text are they compared and realigned.
 */
final class LiquibaseChangelogChecksums {
    private LiquibaseChangelogChecksums() {}

    static boolean isChangelog(MigrationFile f) {
        return f.path() != null && LiquibaseChangelog.isChangelog(f.path());
    }

    /** Applied changesets of {@code f} whose recorded checksum is no longer the one Liquibase computes for them. */
    static List<LiquibaseChecksums.Drift> drifts(
            MigrationHistory h, MigrationFile f, Engine engine, List<LiquibaseValidationFailure.Mismatch> told) {
        if (!isChangelog(f)) {
            return List.of();
        }
        List<LiquibaseChecksums.Drift> drifts = new ArrayList<>();
        for (LiquibaseChangelog.ChangeSet cs : changeSets(f)) {
            Optional<HistoryEntry> entry = LiquibaseChecksums.entry(h, f, cs.id(), cs.author(), cs.logicalFilePath());
            String version = entry.map(e -> version(e.checksum())).orElse(null);
            if (!cs.runsOn(engine) || entry.isEmpty() || entry.get().state() != EntryState.APPLIED) {
                continue;
            }
            HistoryEntry row = entry.get();
            if (uncomputable(cs) != null) {
                // Liquibase's own text says whether it changed; without one, a candidate whose checksum is unknown
                // (null), which the caller keeps only when the schema lacks some of its effects
                if (told.isEmpty()) {
                    drifts.add(new LiquibaseChecksums.Drift(
                            row.id(), cs.label(), row.checksum(), null, f, sql(cs, engine), 1));
                } else {
                    LiquibaseValidationFailure.of(told, row.id())
                            .ifPresent(m -> drifts.add(new LiquibaseChecksums.Drift(
                                    row.id(), cs.label(), row.checksum(), m.isNow(), f, sql(cs, engine), 1)));
                }
                continue;
            }
            if (version == null) {
                continue;
            }
            String now = checksum(cs, version, engine);
            if (!now.equals(entry.get().checksum())) {
                drifts.add(new LiquibaseChecksums.Drift(
                        entry.get().id(), cs.label(), entry.get().checksum(), now, f, sql(cs, engine), 1));
            }
        }
        return drifts;
    }

    /** Applied changesets of {@code f} whose checksum migrescue cannot recompute, as {@code author:id}. */
    static List<String> unverifiable(MigrationHistory h, MigrationFile f, Engine engine) {
        if (!isChangelog(f)) {
            return List.of();
        }
        return changeSets(f).stream()
                .filter(cs -> cs.runsOn(engine) && uncomputable(cs) != null)
                .filter(cs -> LiquibaseChecksums.entry(h, f, cs.id(), cs.author(), cs.logicalFilePath())
                        .filter(e -> e.state() == EntryState.APPLIED)
                        .isPresent())
                .map(LiquibaseChangelog.ChangeSet::label)
                .toList();
    }

    /** The checksum of the version the row records (9 when it records none) Liquibase computes now for changeset {@code key}. */
    static String checksum(
            MigrationHistory h,
            MigrationFile f,
            String key,
            Engine engine,
            List<LiquibaseValidationFailure.Mismatch> told) {
        for (LiquibaseChangelog.ChangeSet cs : changeSets(f)) {
            Optional<HistoryEntry> entry = LiquibaseChecksums.entry(h, f, cs.id(), cs.author(), cs.logicalFilePath());
            if (entry.isPresent() && entry.get().id().equals(key)) {
                String why = uncomputable(cs);
                if (why != null) {
                    return told(cs, f, entry.get(), why, told);
                }
                String version = version(entry.get().checksum());
                return checksum(cs, version == null ? "9" : version, engine);
            }
        }
        throw new IllegalArgumentException("no changeset of " + f.path().getFileName() + " is recorded as " + key);
    }

    /**
     * The checksum Liquibase's validation failure gives for a changeset migrescue cannot checksum, once the failure's
     * "was" is what the row holds (else the text is of another database, or of an older state: nothing is realigned).
     */
    private static String told(
            LiquibaseChangelog.ChangeSet cs,
            MigrationFile f,
            HistoryEntry row,
            String why,
            List<LiquibaseValidationFailure.Mismatch> told) {
        String what = "changeset " + cs.label() + " of " + f.path().getFileName();
        LiquibaseValidationFailure.Mismatch m = LiquibaseValidationFailure.of(told, row.id())
                .orElseThrow(() -> new IllegalArgumentException(what + ": " + why
                        + "; give the output of liquibase update (Validation Failed: ... check sum) with --error-file,"
                        + " it says the checksum Liquibase computes now"));
        if (!m.was().equals(row.checksum())) {
            throw new IllegalArgumentException(what + ": Liquibase's error text says its checksum was " + m.was()
                    + ", its row holds " + row.checksum()
                    + ": the text is not of this database as it is now, nothing is realigned (run liquibase update"
                    + " again and give its output)");
        }
        return m.isNow();
    }

    /** Why the changeset's checksum cannot be recomputed, or null when it can. */
    static String uncomputable(LiquibaseChangelog.ChangeSet cs) {
        if (cs.sqlVisitors()) {
            return "checksum cannot be recomputed for a changeset with modifySql";
        }
        for (LiquibaseChangelog.Change c : cs.changes()) {
            if (!c.isSql()) {
                return "checksum cannot be recomputed for this change type (" + c.type() + ")";
            }
            if (c.sql() == null) {
                return "checksum cannot be recomputed: the file of its sqlFile change is not found";
            }
            if (c.sql().contains("${")) {
                return "checksum cannot be recomputed: its SQL uses changelog parameters (${...}) migrescue does not see";
            }
        }
        return null;
    }

    /** {@code ChangeSet.generateCheckSum(version)} for a changeset of sql/sqlFile changes only. */
    static String checksum(LiquibaseChangelog.ChangeSet cs, String version, Engine engine) {
        StringBuilder changes = new StringBuilder();
        for (LiquibaseChangelog.Change c : cs.changes()) {
            if ("8".equals(version)) {
                changes.append("8:")
                        .append(LiquibaseChecksums.md5(v8Header(c) + v8Normalized(c.sql())))
                        .append(':');
            } else if (LiquibaseChangelog.runsOn(c.dbms(), engine)) {
                changes.append(version)
                        .append(':')
                        .append(LiquibaseChecksums.md5(c.sql().replaceAll("[ \t\r\n]", "")))
                        .append(':');
            }
        }
        return version + ":" + LiquibaseChecksums.md5(changes.toString());
    }

    /** NormalizingStreamV8's header: the change's end delimiter, whether it splits statements, whether it strips comments. */
    private static String v8Header(LiquibaseChangelog.Change c) {
        return c.endDelimiter() + ":" + (c.splitStatements() == null || c.splitStatements()) + ":"
                + (c.stripComments() != null && c.stripComments()) + ":";
    }

    /** NormalizingStreamV8: whitespace runs become one space, none at either end. */
    static String v8Normalized(String sql) {
        return sql.replaceAll("[ \t\r\n]+", " ").replaceAll("^ | $", "");
    }

    /**
     * The SQL of its changes that run on the engine (a structural change as the SQL it means), each statement at its
     * line of the changelog (blank lines before it).
     */
    private static String sql(LiquibaseChangelog.ChangeSet cs, Engine engine) {
        StringBuilder sql = new StringBuilder();
        int line = 1;
        for (io.migrescue.sql.SqlStatement s : LiquibaseChangelog.statements(cs, engine)) {
            for (; line < s.line(); line++) {
                sql.append('\n');
            }
            String text = s.sql().stripTrailing();
            sql.append(text).append(text.endsWith(";") ? "" : ";").append('\n');
            line += (int) text.chars().filter(ch -> ch == '\n').count() + 1;
        }
        return sql.toString();
    }

    private static String version(String checksum) {
        if (checksum == null) {
            return null;
        }
        if (checksum.matches("9:[0-9a-f]{32}")) {
            return "9";
        }
        return checksum.matches("8:[0-9a-f]{32}") ? "8" : null;
    }

    private static List<LiquibaseChangelog.ChangeSet> changeSets(MigrationFile f) {
        try {
            return LiquibaseChangelog.changeSets(f.path());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f.path(), e);
        }
    }
}
