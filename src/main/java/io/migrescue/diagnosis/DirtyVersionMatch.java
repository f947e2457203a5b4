package io.migrescue.diagnosis;

import io.migrescue.model.MigrationHistory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Dirty database version N. Fix and force version.": which version? The dirty version and its neighbours are scored
 * by the live catalog ({@link VersionMatch}): N's statements all in effect, the database is at N; none, at the version
 * before it; some, N is half applied (clear-dirty-version finishes or undoes it). The finding then names the version to
 * force, why, and the migrations golang-migrate runs after it. When the schema matches another version exactly (an
 * earlier migration undone by hand, a later one applied by hand), clearing N would be wrong: that version is stamped.
 */
public final class DirtyVersionMatch {
    private DirtyVersionMatch() {}

    /**
     * @param dirty  the DIRTY_VERSION finding of {@code h}
     * @param mapped every migration file of the tool, mapped, in the tool's order
     */
    public static Finding matched(
            Finding dirty, MigrationHistory h, List<MappedMigration> mapped, PlaybookRanking ranking) {
        String version = dirty.objects().get("version");
        int at = indexOf(mapped, version);
        if (at < 0) {
            return dirty.withEvidence(List.of("no migration file is version " + version + ": the database cannot be"
                    + " matched to a version without it"));
        }
        VersionMatch.Result match = VersionMatch.score(h.tool(), mapped, true);
        VersionMatch.Score best = match.best();
        String previous = at == 0 ? null : mapped.get(at - 1).file().id();
        Set<String> shown = new HashSet<>(List.of(previous == null ? "" : previous, version));
        if (at + 1 < mapped.size()) {
            shown.add(mapped.get(at + 1).file().id());
        }
        List<String> evidence = new ArrayList<>(dirty.evidence());
        evidence.add("which version does the schema match? each candidate is scored by the statements of every"
                + " migration: in effect at or below it, not in effect after it");
        evidence.addAll(match.evidence(shown));
        MappedMigration self = mapped.get(at);
        Map<String, String> objects = new LinkedHashMap<>(dirty.objects());
        if (self.inEffect() > 0 && self.notInEffect() > 0) {
            evidence.add("version " + version + " is half applied (" + self.summary() + "): neither it nor the version"
                    + " before it matches; clear-dirty-version finishes it (forward) or undoes it (back)");
            return dirty.reworded(dirty.summary(), objects, evidence, dirty.playbooks());
        }
        if (!best.exact()) {
            evidence.add("no version matches exactly: forcing one would hide the differences above; check them first");
            return dirty.reworded(
                    dirty.summary() + "; no version matches the schema exactly", objects, evidence, List.of());
        }
        String matches = best.version() == null ? "none" : best.version();
        List<String> next = match.above().stream().map(m -> m.file().id()).toList();
        objects.put("matches", matches);
        objects.put("next", String.join(", ", next));
        String then = next.isEmpty() ? "" : "; then migrate up runs " + String.join(", ", next);
        String summary = h.tool() + " version " + version + " is dirty; the database matches "
                + (best.version() == null ? "no version (nothing applied)" : "version " + matches) + then;
        if (version.equals(best.version()) || java.util.Objects.equals(previous, best.version())) {
            evidence.add("the schema matches " + (best.version() == null ? "no version" : "version " + matches)
                    + " exactly: migrate force " + (best.version() == null ? "-1" : matches) + then);
            return dirty.reworded(summary, objects, evidence, dirty.playbooks());
        }
        if (best.version() == null) {
            evidence.add("nothing of any migration is in effect: migrate force -1 would start over; check first");
            return dirty.reworded(summary, objects, evidence, List.of());
        }
        evidence.add("the schema matches version " + matches + ", neither " + version + " nor the version before it:"
                + " clearing the dirty flag either way would leave golang-migrate wrong; " + matches + " is stamped");
        objects.put("tool", h.tool());
        objects.put("recorded", version);
        objects.put("revision", matches);
        FailedMigration stamped = new FailedMigration(
                h.tool(),
                matches,
                UnrecordedMigrations.fileName(best.at().file()),
                "version-match",
                MappedMigration.joined(match.below()));
        // the situation of a lost revision: a version the schema matches exactly, to stamp
        return new Finding(
                dirty.kind(),
                dirty.severity(),
                summary,
                objects,
                evidence,
                stamped,
                ranking.rank(FindingKind.LOST_REVISION, stamped, false, true),
                false);
    }

    private static int indexOf(List<MappedMigration> mapped, String version) {
        for (int i = 0; i < mapped.size(); i++) {
            if (mapped.get(i).file().id().equals(version)) {
                return i;
            }
        }
        return -1;
    }
}
