package io.migrescue.diagnosis;

import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.MigrationFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which version does the database really match? The history names a revision no script is for (the file was deleted,
 * a branch was thrown away, the database came from another checkout), so the tool cannot say where it is. Each
 * candidate revision is scored by the live catalog ({@link VersionMatch}). The best match is proposed for stamping, the
 * migrations above it are what the tool runs next, and the scores are the evidence. {@code alembic stamp --purge head} instead claims everything.
 */
public final class LostRevision {
    private LostRevision() {}

    /** The ids {@code h} records that no migration file has (for Alembic: heads whose script is gone). */
    public static List<String> lost(MigrationHistory h, List<MigrationFile> files) {
        if (!"alembic".equals(h.tool())) {
            return List.of();
        }
        return h.entries().stream()
                .filter(e -> e.state() == EntryState.APPLIED)
                .map(HistoryEntry::id)
                .filter(id -> files.stream().noneMatch(f -> f.id().equals(id)))
                .toList();
    }

    /** @param mapped every migration of the tool, mapped, in the tool's order */
    public static Optional<Finding> find(
            MigrationHistory h, List<String> lost, List<MappedMigration> mapped, PlaybookRanking ranking) {
        if (lost.isEmpty() || mapped.isEmpty()) {
            return Optional.empty();
        }
        VersionMatch.Result match = VersionMatch.score(h.tool(), mapped, false);
        VersionMatch.Score best = match.best();
        List<String> evidence = new ArrayList<>();
        evidence.add(h.tool() + " records " + String.join(", ", lost) + ", and no migration file is that revision:"
                + " the tool cannot tell where the database is");
        evidence.addAll(match.evidence(null));
        List<MappedMigration> below = match.below();
        List<MappedMigration> above = match.above();
        if (!best.exact()) {
            evidence.add("no revision matches exactly: stamping the best match would leave the differences above; "
                    + "check them before stamping");
        }
        evidence.add("alembic stamp --purge head would claim every revision and skip what is not in effect");
        MigrationFile bestFile = best.at().file();
        FailedMigration at = new FailedMigration(
                h.tool(),
                bestFile.id(),
                UnrecordedMigrations.fileName(bestFile),
                "version-match",
                MappedMigration.joined(below));
        Map<String, String> objects = new LinkedHashMap<>();
        objects.put("tool", h.tool());
        objects.put("recorded", String.join(", ", lost));
        objects.put("revision", best.at().file().id());
        objects.put(
                "next", String.join(", ", above.stream().map(m -> m.file().id()).toList()));
        String summary = h.tool() + " records revision " + String.join(", ", lost) + ", whose file is gone;"
                + " the database matches " + bestFile.id() + (best.exact() ? "" : " best (not exactly)")
                + (above.isEmpty() ? "" : ", with " + above.size() + " migration(s) after it to run");
        boolean exact = best.exact();
        return Optional.of(new Finding(
                FindingKind.LOST_REVISION,
                Severity.ERROR,
                summary,
                objects,
                evidence,
                at,
                exact ? ranking.rank(FindingKind.LOST_REVISION, at, false, true) : List.of(),
                false));
    }
}
