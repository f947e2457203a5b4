package io.migrescue.diagnosis;

import io.migrescue.migration.CodeMigrationReaders;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.MigrationFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which version does the database really match? The history names a revision no script is for (the file was deleted,
 * a branch was thrown away, the database came from another checkout), so the tool cannot say where it is. Each
 * candidate revision is scored by the live catalog: a statement of a migration at or below it that is in effect agrees,
 * as does a statement above it that is not. The best match is proposed for stamping, the migrations above it are what
 * the tool runs next, and the scores are the evidence. {@code alembic stamp --purge head} instead claims everything.
 */
public final class LostRevision {
    private LostRevision() {
    }

    /** A candidate and how many statements of all the migrations agree with it. */
    record Score(MappedMigration at, Set<String> applied, long agree, long total) {
        boolean exact() {
            return agree == total;
        }
    }

    /** The ids {@code h} records that no migration file has (for Alembic: heads whose script is gone). */
    public static List<String> lost(MigrationHistory h, List<MigrationFile> files) {
        if (!"alembic".equals(h.tool())) {
            return List.of();
        }
        return h.entries().stream().filter(e -> e.state() == EntryState.APPLIED).map(HistoryEntry::id)
                .filter(id -> files.stream().noneMatch(f -> f.id().equals(id))).toList();
    }

    /** @param mapped every migration of the tool, mapped, in the tool's order */
    public static Optional<Finding> find(MigrationHistory h, List<String> lost, List<MappedMigration> mapped,
                                         PlaybookRanking ranking) {
        if (lost.isEmpty() || mapped.isEmpty()) {
            return Optional.empty();
        }
        List<MigrationFile> files = mapped.stream().map(MappedMigration::file).toList();
        List<Score> scores = new ArrayList<>();
        for (MappedMigration candidate : mapped) {
            Set<String> self = Set.of(candidate.file().id());
            Set<String> applied = CodeMigrationReaders.forTool(h.tool()).map(r -> r.applied(self, files)).orElse(self);
            long agree = 0;
            long total = 0;
            for (MappedMigration m : mapped) {
                boolean below = applied.contains(m.file().id());
                agree += below ? m.inEffect() : m.notInEffect();
                total += m.statements().size();
            }
            scores.add(new Score(candidate, applied, agree, total));
        }
        // the best agreement; on a tie the lower revision, so the tool runs what is unsure rather than skipping it
        Score best = scores.get(0);
        for (Score s : scores) {
            if (s.agree() > best.agree()) {
                best = s;
            }
        }
        List<String> evidence = new ArrayList<>();
        evidence.add(h.tool() + " records " + String.join(", ", lost) + ", and no migration file is that revision:"
                + " the tool cannot tell where the database is");
        for (Score s : scores) {
            evidence.add((s == best ? "best match " : "candidate  ") + s.at().describe() + ": " + s.agree() + " of "
                    + s.total() + " statements agree");
        }
        final Score chosen = best;
        List<MappedMigration> below = mapped.stream().filter(m -> chosen.applied().contains(m.file().id())).toList();
        List<MappedMigration> above = mapped.stream().filter(m -> !chosen.applied().contains(m.file().id())).toList();
        below.forEach(m -> evidence.add("  at or below: " + m.describe() + ": " + m.summary()));
        above.forEach(m -> evidence.add("  after it:    " + m.describe() + ": " + m.summary()
                + " (the tool runs it next)"));
        if (!best.exact()) {
            evidence.add("no revision matches exactly: stamping the best match would leave the differences above; "
                    + "check them before stamping");
        }
        evidence.add("alembic stamp --purge head would claim every revision and skip what is not in effect");
        MigrationFile bestFile = best.at().file();
        FailedMigration at = new FailedMigration(h.tool(), bestFile.id(), UnrecordedMigrations.fileName(bestFile),
                "version-match", MappedMigration.joined(below));
        Map<String, String> objects = new LinkedHashMap<>();
        objects.put("tool", h.tool());
        objects.put("recorded", String.join(", ", lost));
        objects.put("revision", best.at().file().id());
        objects.put("next", String.join(", ", above.stream().map(m -> m.file().id()).toList()));
        String summary = h.tool() + " records revision " + String.join(", ", lost) + ", whose file is gone;"
                + " the database matches " + bestFile.id() + (best.exact() ? "" : " best (not exactly)")
                + (above.isEmpty() ? "" : ", with " + above.size() + " migration(s) after it to run");
        boolean exact = best.exact();
        return Optional.of(new Finding(FindingKind.LOST_REVISION, Severity.ERROR, summary, objects, evidence, at,
                exact ? ranking.rank(FindingKind.LOST_REVISION, at, false, true) : List.of(), false));
    }
}
