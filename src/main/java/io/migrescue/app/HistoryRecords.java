package io.migrescue.app;

import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.history.HistoryWriter;
import io.migrescue.history.HistoryWriters;
import io.migrescue.history.MigrationTool;
import io.migrescue.history.MigrationTools;
import io.migrescue.model.MigrationHistory;
import io.migrescue.playbook.PlanningException;
import io.migrescue.playbook.RecordPlanner;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.MigrationFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** {@code record} steps planned by the migration tool's own history writer, with the migration files at hand. */
final class HistoryRecords implements RecordPlanner {
    private final Dialect dialect;
    private final List<MigrationFile> files;
    private final String installedBy;
    private final Instant now;
    /** the tool's output given to repair, or null: Liquibase's says the checksum of a structural changeset */
    private final String errorText;

    HistoryRecords(Dialect dialect, Path migrationsDir, String installedBy, Instant now, String errorText) {
        this.dialect = dialect;
        this.files = MigrationDirectory.list(migrationsDir, new java.util.ArrayList<>());
        this.installedBy = installedBy;
        this.now = now;
        this.errorText = errorText;
    }

    @Override
    public List<BoundStatement> plan(String what, MigrationHistory history, FailedMigration migration) {
        return plan(what, history, migration, java.util.Map.of());
    }

    @Override
    public List<BoundStatement> plan(
            String what, MigrationHistory history, FailedMigration migration, java.util.Map<String, String> params) {
        String changelogFile = params.get(CHANGELOG_FILE);
        HistoryWriter writer = HistoryWriters.forTool(history.tool());
        try {
            return switch (what) {
                // an unrecorded migration (no failed row): it and every unrecorded one before it, as baseline does
                case "applied" ->
                    migration != null && "baseline".equals(migration.foundBy())
                            ? Baselines.record(
                                    writer, dialect, history, files, id(migration), now, installedBy, changelogFile)
                            : writer.recordApplied(dialect, history, file(migration), now, installedBy);
                case "rolled-back" -> writer.recordRolledBack(dialect, history, id(migration), files, now);
                case "release-lock" -> writer.releaseLock(dialect, history);
                case "clear-dirty" -> writer.clearDirty(dialect, history, id(migration));
                case "realign-checksum" ->
                    MigrationTools.factsOf(history.tool())
                            .realignChecksum(dialect, history, file(migration), id(migration), errorText);
                case "baseline" ->
                    Baselines.record(writer, dialect, history, files, id(migration), now, installedBy, changelogFile);
                case "stamp" -> io.migrescue.history.VersionStamps.stamp(dialect, history, id(migration));
                case "repoint" -> writer.repoint(dialect, history, id(migration), file(migration));
                case "deleted" -> writer.recordDeleted(dialect, history, id(migration), now);
                default -> throw new PlanningException("unknown record step " + what);
            };
        } catch (UnsupportedOperationException | IllegalStateException | IllegalArgumentException e) {
            throw new PlanningException(
                    "cannot record " + what + " in " + history.tool() + "'s history: " + e.getMessage());
        }
    }

    @Override
    public String fileChecksum(MigrationHistory history, FailedMigration migration) {
        try {
            return MigrationTools.factsOf(history.tool())
                    .fileChecksum(history, file(migration), id(migration), dialect.engine(), errorText);
        } catch (IllegalArgumentException e) {
            throw new PlanningException(
                    "cannot realign the checksum in " + history.tool() + "'s history: " + e.getMessage());
        }
    }

    @Override
    public java.util.Optional<LocalMigration> localMigration(String fileName) {
        return files.stream()
                .filter(f ->
                        f.path() != null && f.path().getFileName().toString().equals(fileName))
                .findFirst()
                .map(f -> new LocalMigration(
                        f.id(),
                        fileName,
                        MigrationDirectory.statements(f, dialect.engine()).stream()
                                .map(st -> new io.migrescue.diagnosis.StatementWithEffects(
                                        st, io.migrescue.sql.StatementEffects.of(st, dialect.engine())))
                                .toList()));
    }

    @Override
    public List<BoundStatement> guards(String what, MigrationHistory history, java.util.Map<String, String> params) {
        if (!what.equals("release-lock")) {
            return List.of();
        }
        List<BoundStatement> guards = io.migrescue.history.LockHolderCheck.guards(dialect, history, minAge(params));
        if (guards.isEmpty() && history.locked() && !"yes".equals(params.get("holderGone"))) {
            throw new PlanningException(
                    "the " + history.tool() + " lock records no holder and no time, so only a person can tell"
                            + " that its holder is gone: check, then give --param holderGone=yes");
        }
        return guards;
    }

    @Override
    public String explain(String what, MigrationHistory history, java.util.Map<String, String> params) {
        if ("liquibase".equals(history.tool()) && (what.equals("baseline") || what.equals("applied"))) {
            String source =
                    io.migrescue.history.LiquibaseChangeSets.fileNameSource(history, files, params.get(CHANGELOG_FILE));
            return source == null ? null : "Liquibase never ran here; FILENAME from the changelog path " + source;
        }
        return what.equals("release-lock")
                ? io.migrescue.history.LockHolderCheck.explain(history, minAge(params))
                : null;
    }

    private static int minAge(java.util.Map<String, String> params) {
        try {
            return Integer.parseInt(params.getOrDefault("minAge", "10"));
        } catch (NumberFormatException e) {
            throw new PlanningException("--param minAge takes a number of minutes");
        }
    }

    /** Liquibase's changelog path as it is given it: the FILENAME of a changelog it never ran. */
    private static final String CHANGELOG_FILE = "changelog-file";

    private MigrationFile file(FailedMigration migration) {
        String id = id(migration);
        MigrationTool tool = MigrationTools.factsOf(migration.tool());
        if (tool.idOutranksFileName()) {
            java.util.Optional<MigrationFile> byId =
                    files.stream().filter(f -> f.id().equals(id)).findFirst();
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        return MigrationFiles.find(files, migration.file() != null ? migration.file() : id)
                .or(() -> MigrationFiles.find(files, id))
                .or(() -> tool.recordsByNameAlone()
                        ? java.util.Optional.of(new MigrationFile(id, id, null, migration.tool()))
                        : java.util.Optional.empty())
                .orElseThrow(() -> new PlanningException(
                        "recording migration " + id + " as applied needs its file: give --migrations DIR"));
    }

    private static String id(FailedMigration migration) {
        if (migration == null || migration.id() == null) {
            throw new PlanningException(
                    "which migration to record is not known: give --migrations DIR or the error text");
        }
        return migration.id();
    }
}
