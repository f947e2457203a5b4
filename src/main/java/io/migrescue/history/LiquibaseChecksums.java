package io.migrescue.history;

import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.MigrationFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applied Liquibase changesets of a formatted SQL changelog whose SQL was edited afterwards: DATABASECHANGELOG.MD5SUM
 * differs from the checksum Liquibase computes for the changeset now ({@code update} and {@code validate} fail on
 * exactly these). For formatted SQL only checksum version 9 (Liquibase 4.22 and later) is computed; a row with an older
 * version's checksum (or none) is upgraded by Liquibase itself, so it is not compared. XML, YAML and JSON changelogs:
 * {@link LiquibaseChangelogChecksums}.
 */
public final class LiquibaseChecksums {
    private static final String VERSION = "9";

    private LiquibaseChecksums() {}

    /**
     * One applied changeset whose SQL no longer has the recorded checksum.
     *
     * @param key       the history entry id, {@code ID::AUTHOR::FILENAME}
     * @param changeSet {@code author:id} as the changelog writes it
     * @param sql       the changeset's SQL as it is now
     * @param firstLine the line of the file its SQL starts at
     */
    /** @param now the checksum Liquibase computes now; null when only Liquibase can say (a structural changeset) */
    public record Drift(
            String key, String changeSet, String recorded, String now, MigrationFile file, String sql, int firstLine) {}

    public static List<Drift> drifts(List<MigrationHistory> history, List<MigrationFile> files, Engine engine) {
        return drifts(history, files, engine, null);
    }

    /**
     * @param errorText Liquibase's output, or null: the changesets its validation failure names are compared too when
     *                  migrescue cannot checksum them (structural changes), with the checksum the text gives
     */
    public static List<Drift> drifts(
            List<MigrationHistory> history, List<MigrationFile> files, Engine engine, String errorText) {
        List<LiquibaseValidationFailure.Mismatch> told = LiquibaseValidationFailure.parse(errorText);
        List<Drift> drifts = new ArrayList<>();
        for (MigrationHistory h : history) {
            if (!LiquibaseTool.TOOL.equals(h.tool())) {
                continue;
            }
            for (MigrationFile f : files) {
                drifts.addAll(LiquibaseChangelogChecksums.drifts(h, f, engine, told));
                for (LiquibaseFormattedSql.Body body : bodies(f)) {
                    if (!body.changeSet().runsOn(engine) || body.sql().contains("${")) {
                        continue; // changelog parameters are expanded by Liquibase from a configuration migrescue does
                        // not see
                    }
                    Optional<HistoryEntry> entry = entry(h, f, body.changeSet());
                    if (entry.isEmpty()
                            || entry.get().state() != EntryState.APPLIED
                            || entry.get().checksum() == null
                            || !entry.get().checksum().matches(VERSION + ":[0-9a-f]{32}")) {
                        continue;
                    }
                    String now = checksum(body.sql());
                    if (!now.equals(entry.get().checksum())) {
                        String label = body.changeSet().author() + ":"
                                + body.changeSet().id();
                        drifts.add(new Drift(
                                entry.get().id(), label, entry.get().checksum(), now, f, body.sql(), body.firstLine()));
                    }
                }
            }
        }
        return drifts;
    }

    /**
     * For diagnose without Liquibase's output: the applied changesets whose edit migrescue cannot see on its own
     * (structural changes, modifySql), and how to show it; null when there are none.
     */
    public static String unverifiable(List<MigrationHistory> history, List<MigrationFile> files, Engine engine) {
        List<String> labels = new ArrayList<>();
        for (MigrationHistory h : history) {
            if (LiquibaseTool.TOOL.equals(h.tool())) {
                files.forEach(f -> LiquibaseChangelogChecksums.unverifiable(h, f, engine).stream()
                        .map(l -> "changeset " + l + " of " + f.path().getFileName())
                        .forEach(labels::add));
            }
        }
        return labels.isEmpty()
                ? null
                : "liquibase: the checksum of " + labels.size() + " applied changeset(s) cannot be verified locally"
                        + " (structural changes are checksummed by Liquibase's own serialization): "
                        + String.join(", ", labels)
                        + "; if liquibase update fails with 'Validation Failed: ... check sum', give its output with"
                        + " --error-file FILE (or --error TEXT) to compare the edited changesets with the schema";
    }

    /** The checksum Liquibase computes now for the changeset of {@code file} the history knows as {@code key}. */
    public static String checksum(MigrationHistory history, MigrationFile file, String key, Engine engine) {
        return checksum(history, file, key, engine, null);
    }

    /** @param errorText Liquibase's validation failure, the only source of a structural changeset's checksum; or null */
    public static String checksum(
            MigrationHistory history, MigrationFile file, String key, Engine engine, String errorText) {
        if (LiquibaseChangelogChecksums.isChangelog(file)) {
            return LiquibaseChangelogChecksums.checksum(
                    history, file, key, engine, LiquibaseValidationFailure.parse(errorText));
        }
        for (LiquibaseFormattedSql.Body body : bodies(file)) {
            Optional<HistoryEntry> entry = entry(history, file, body.changeSet());
            if (entry.isPresent() && entry.get().id().equals(key)) {
                return checksum(body.sql());
            }
        }
        throw new IllegalArgumentException("no changeset of " + file.path().getFileName() + " is recorded as " + key);
    }

    /**
     * The UPDATE of changeset {@code key}'s MD5SUM to the checksum Liquibase computes now, the error text giving it for
     * a changeset migrescue cannot checksum (and only when its "was" is the row's MD5SUM).
     */
    public static List<io.migrescue.sql.BoundStatement> realign(
            io.migrescue.sql.Dialect d, MigrationHistory history, MigrationFile file, String key, String errorText) {
        return LiquibaseRows.realign(d, history, key, () -> checksum(history, file, key, d.engine(), errorText));
    }

    /**
     * Liquibase's version 9 checksum of a formatted SQL changeset (ChangeSet.generateCheckSum over its one RawSQLChange):
     * the MD5 of the SQL with every space, tab, CR and LF removed (AbstractSQLChange.NormalizingStream), written
     * {@code 9:<hex>}, then the MD5 of that followed by ":", again prefixed with {@code 9:}.
     */
    static String checksum(String sql) {
        String stripped = sql.replaceAll("[ \t\r\n]", "");
        String change = VERSION + ":" + md5(stripped);
        return VERSION + ":" + md5(change + ":");
    }

    static String md5(String text) {
        return io.migrescue.files.Digests.md5Hex(text);
    }

    private static List<LiquibaseFormattedSql.Body> bodies(MigrationFile f) {
        if (f.path() == null || !f.path().getFileName().toString().endsWith(".sql")) {
            return List.of();
        }
        try {
            return LiquibaseFormattedSql.bodies(Files.readString(f.path(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f.path(), e);
        }
    }

    private static Optional<HistoryEntry> entry(
            MigrationHistory h, MigrationFile f, LiquibaseFormattedSql.ChangeSet cs) {
        return entry(h, f, cs.id(), cs.author(), cs.logicalFilePath());
    }

    /** The history's row of the changeset {@code id} by {@code author} of file {@code f}, if it has one. */
    static Optional<HistoryEntry> entry(
            MigrationHistory h, MigrationFile f, String id, String author, String logicalFilePath) {
        String fileName = logicalFilePath;
        if (fileName == null) {
            try {
                fileName = LiquibasePaths.changelogPath(f.path(), h);
            } catch (IllegalArgumentException unknownPath) {
                return Optional.empty(); // neither it nor its folder is recorded: nothing of it ran
            }
        }
        return HistorySql.entry(h, id + "::" + author + "::" + fileName);
    }
}
