package io.migrescue.history;

import io.migrescue.model.Engine;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.LiquibaseChangeSetHeader;
import io.migrescue.sql.LiquibaseChangelog;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.SqlStatement;
import io.migrescue.sql.StatementSplitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Liquibase's unit is the changeset, not the file: the changesets of the changelogs at hand (XML, YAML, JSON, formatted
 * SQL) that DATABASECHANGELOG does not record, each as one migration ({@code id} = the history's key
 * {@code ID::AUTHOR::FILENAME}, tool {@code liquibase}), so the unrecorded ones whose effects are all present can be
 * recorded as {@code liquibase changelog-sync} records them (ChangeLogSyncVisitor: EXECTYPE EXECUTED, with the checksum).
 * A changelog none of whose folder is recorded is left out: the FILENAME Liquibase would write cannot be told.
 */
public final class LiquibaseChangeSets {
    private static final String TOOL = LiquibaseTool.TOOL;

    private LiquibaseChangeSets() {}

    /** One changeset of a changelog file, as read from XML/YAML/JSON or from formatted SQL. */
    private record Unit(
            LiquibaseChangeSetHeader header, String description, List<SqlStatement> statements, String checksum) {}

    /** The changesets of {@code files} the history does not record, in file order, each as a migration of its own. */
    public static List<MigrationFile> pending(MigrationHistory h, List<MigrationFile> files, Engine engine) {
        return pending(h, files, engine, null);
    }

    /**
     * The same, with the changelog path Liquibase is given ({@code --param changelog-file}, or null) to tell the FILENAME
     * of a changelog none of whose folder is recorded (see {@link LiquibasePaths#changelogPath(Path, MigrationHistory,
     * String)}).
     */
    public static List<MigrationFile> pending(
            MigrationHistory h, List<MigrationFile> files, Engine engine, String changelogFile) {
        List<MigrationFile> pending = new ArrayList<>();
        for (MigrationFile f : files) {
            if (f.path() == null || TOOL.equals(f.tool())) {
                continue;
            }
            for (Unit u : units(f, engine)) {
                String fileName;
                try {
                    fileName = u.header().logicalFilePath() != null
                            ? u.header().logicalFilePath()
                            : LiquibasePaths.changelogPath(f.path(), h, changelogFile);
                } catch (IllegalArgumentException unknownPath) {
                    if (changelogFile != null) {
                        throw unknownPath; // the path given names no file: said, not ignored
                    }
                    break; // nothing of its folder is recorded: which FILENAME Liquibase writes cannot be told
                }
                String key = u.header().id() + "::" + u.header().author() + "::" + fileName;
                if (HistorySql.entry(h, key).isEmpty()) {
                    pending.add(new MigrationFile(
                            key,
                            "changeset " + u.header().author() + ":"
                                    + u.header().id() + " of " + f.path().getFileName(),
                            f.path(),
                            TOOL));
                }
            }
        }
        return pending;
    }

    /**
     * Whether the FILENAME of {@code changeSet}'s key was stood in for ({@link LiquibasePaths#isStandIn}): Liquibase never
     * ran here and the changelog path it is given is not known, so the row it would write cannot be told.
     */
    public static boolean fileNameUnknown(MigrationFile changeSet) {
        String[] key = changeSet.id().split("::", 3);
        return key.length == 3 && LiquibasePaths.isStandIn(key[2]);
    }

    /**
     * The same changeset, {@code known} keyed with the FILENAME Liquibase records and {@code standIn} with a stand-in
     * (diagnosis, without the changelog path, keys it so): same ID, AUTHOR and file on disk.
     */
    public static boolean sameChangeSet(MigrationFile known, String standIn) {
        String[] a = known.id().split("::", 3);
        String[] b = standIn.split("::", 3);
        return a.length == 3
                && b.length == 3
                && a[0].equals(b[0])
                && a[1].equals(b[1])
                && LiquibasePaths.isStandIn(b[2])
                && known.path().toAbsolutePath().normalize().equals(Path.of(b[2]));
    }

    /**
     * Where the FILENAME of the changelogs of {@code files} comes from when Liquibase never ran here (no row to copy it
     * from), said in the plan; null when rows exist or nothing says.
     */
    public static String fileNameSource(MigrationHistory h, List<MigrationFile> files, String changelogFile) {
        if (!h.entries().isEmpty()) {
            return null;
        }
        return files.stream()
                .filter(LiquibaseChangeSets::isChangelog)
                .findFirst()
                .flatMap(f -> LiquibaseSearchPath.of(f.path(), changelogFile))
                .map(LiquibaseSearchPath::source)
                .orElse(null);
    }

    /** Whether {@code files} hold a Liquibase changelog (XML, YAML, JSON or formatted SQL). */
    public static boolean anyChangelog(List<MigrationFile> files) {
        return files.stream().anyMatch(LiquibaseChangeSets::isChangelog);
    }

    private static boolean isChangelog(MigrationFile f) {
        return f.path() != null
                && !TOOL.equals(f.tool())
                && (LiquibaseChangelog.isChangelog(f.path()) || formattedSql(f.path()));
    }

    private static boolean formattedSql(Path file) {
        try {
            return file.getFileName().toString().endsWith(".sql")
                    && !LiquibaseFormattedSql.bodies(Files.readString(file, StandardCharsets.UTF_8))
                            .isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** The statements of one changeset {@link #pending} returned, with their lines in its file. */
    public static List<SqlStatement> statements(MigrationFile changeSet, Engine engine) {
        return unit(changeSet, engine).statements();
    }

    static boolean isChangeSet(MigrationFile f) {
        return TOOL.equals(f.tool()) && f.id().split("::", 3).length == 3 && f.path() != null;
    }

    /**
     * {@code changelog-sync}'s row for one changeset (MarkChangeSetRanGenerator with EXECUTED): ORDEREXECUTED = MAX + 1,
     * DATEEXECUTED now, MD5SUM the version 9 checksum (NULL when it cannot be recomputed: Liquibase then stores it on its
     * next run), DESCRIPTION as ChangeSet.getDescription, COMMENTS, CONTEXTS and LABELS from the changeset, LIQUIBASE the
     * version, DEPLOYMENT_ID as Liquibase makes it.
     */
    static List<BoundStatement> recordExecuted(Dialect d, MigrationHistory h, MigrationFile changeSet, Instant now) {
        if (HistorySql.entry(h, changeSet.id()).isPresent()) {
            return List.of();
        }
        Unit u = unit(changeSet, d.engine());
        String[] key = changeSet.id().split("::", 3);
        Timestamps.Value dateExecuted = Timestamps.databaseClock(d, now);
        String table = LiquibaseRows.table(d, h);
        List<Object> params = new ArrayList<>(List.of(key[0], key[1], key[2], dateExecuted.param(), "EXECUTED"));
        if (u.checksum() != null) {
            params.add(u.checksum());
        }
        params.addAll(List.of(u.description(), u.header().comments(), LiquibaseRows.LIQUIBASE_VERSION));
        if (u.header().contexts() != null) {
            params.add(u.header().contexts());
        }
        if (u.header().labels() != null) {
            params.add(u.header().labels());
        }
        params.add(LiquibaseRows.deploymentId(now));
        return List.of(BoundStatement.of(
                LiquibaseRows.insertHead(d, table, dateExecuted.sql())
                        + (u.checksum() == null ? "NULL" : "?")
                        + ", ?, ?, NULL, ?, " + (u.header().contexts() == null ? "NULL" : "?") + ", "
                        + (u.header().labels() == null ? "NULL" : "?")
                        + ", ? FROM " + table,
                params.toArray()));
    }

    private static Unit unit(MigrationFile changeSet, Engine engine) {
        String[] key = changeSet.id().split("::", 3);
        for (Unit u : units(changeSet, engine)) {
            if (u.header().id().equals(key[0]) && u.header().author().equals(key[1])) {
                return u;
            }
        }
        throw new IllegalArgumentException("no changeset " + key[1] + ":" + key[0] + " in "
                + changeSet.path().getFileName());
    }

    /** The changesets of the file that run on the engine, in file order; none when it is no changelog. */
    private static List<Unit> units(MigrationFile f, Engine engine) {
        List<Unit> units = new ArrayList<>();
        try {
            if (LiquibaseChangelog.isChangelog(f.path())) {
                for (LiquibaseChangelog.ChangeSet cs : LiquibaseChangelog.changeSets(f.path())) {
                    if (cs.runsOn(engine)) {
                        units.add(new Unit(
                                cs,
                                description(cs),
                                LiquibaseChangelog.statements(cs, engine),
                                LiquibaseChangelogChecksums.uncomputable(cs) == null
                                        ? LiquibaseChangelogChecksums.checksum(cs, "9", engine)
                                        : null));
                    }
                }
            } else if (f.path().getFileName().toString().endsWith(".sql")) {
                for (LiquibaseFormattedSql.Body b :
                        LiquibaseFormattedSql.bodies(Files.readString(f.path(), StandardCharsets.UTF_8))) {
                    LiquibaseFormattedSql.ChangeSet cs = b.changeSet();
                    if (cs.runsOn(engine)) {
                        List<SqlStatement> statements = StatementSplitter.split(b.sql(), engine).stream()
                                .map(s -> new SqlStatement(s.number(), s.sql(), s.line() + b.firstLine() - 1))
                                .toList();
                        units.add(new Unit(
                                cs,
                                "sql",
                                statements,
                                b.sql().contains("${") ? null : LiquibaseChecksums.checksum(b.sql())));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f.path(), e);
        }
        return units;
    }

    /** ChangeSet.getDescription: each change's description, joined by "; ", at most 255 characters. */
    private static String description(LiquibaseChangelog.ChangeSet cs) {
        if (cs.changes().isEmpty()) {
            return "empty";
        }
        List<String> parts = new ArrayList<>();
        for (LiquibaseChangelog.Change c : cs.changes()) {
            parts.add(c.description());
        }
        String joined = String.join("; ", parts);
        return joined.length() > 255 ? joined.substring(0, 252) + "..." : joined; // StringUtil.limitSize
    }
}
