package io.migrescue.diagnosis;

import io.migrescue.migration.CodeMigrationReaders;
import io.migrescue.sql.MigrationFile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which version does the database really match? Each candidate version of a tool's migrations is scored by the live
 * catalog: a statement of a migration at or below it that is in effect agrees, as does a statement above it that is
 * not. The best agreement wins; on a tie the lower version, so the tool runs what is unsure rather than skipping it.
 * One mechanism for a lost Alembic revision, a dirty golang-migrate version and whatever else leaves the tool unsure
 * where the database is. "Below" is the tool's: ancestors in a revision graph (Alembic), else the earlier files.
 */
public final class VersionMatch {
    private VersionMatch() {}

    /**
     * A candidate and how many statements of all the migrations agree with it.
     *
     * @param at null for "no migration applied" (golang-migrate {@code force -1})
     */
    public record Score(MappedMigration at, Set<String> applied, long agree, long total) {
        public Score {
            applied = Set.copyOf(applied);
        }

        public boolean exact() {
            return agree == total;
        }

        /** The version, or null for "none applied". */
        public String version() {
            return at == null ? null : at.file().id();
        }

        public String describe() {
            return at == null ? "no version (nothing applied)" : at.describe();
        }
    }

    /** Every candidate's score, in the tool's order, and the best. */
    public record Result(List<MappedMigration> mapped, List<Score> scores, Score best) {
        public Result {
            mapped = List.copyOf(mapped);
            scores = List.copyOf(scores);
        }

        /** The migrations the best match means are applied. */
        public List<MappedMigration> below() {
            return mapped.stream()
                    .filter(m -> best.applied().contains(m.file().id()))
                    .toList();
        }

        /** The migrations the tool runs after the best match is stamped. */
        public List<MappedMigration> above() {
            return mapped.stream()
                    .filter(m -> !best.applied().contains(m.file().id()))
                    .toList();
        }

        public Score of(String version) {
            return scores.stream()
                    .filter(s -> java.util.Objects.equals(s.version(), version))
                    .findFirst()
                    .orElse(null);
        }

        /** One line per score shown ({@code shown} null: all), then the migrations below and after the best match. */
        public List<String> evidence(Set<String> shown) {
            List<String> lines = new ArrayList<>();
            for (Score s : scores) {
                if (s == best || shown == null || shown.contains(s.version() == null ? "" : s.version())) {
                    lines.add((s == best ? "best match " : "candidate  ") + s.describe() + ": " + s.agree() + " of "
                            + s.total() + " statements agree");
                }
            }
            below().forEach(m -> lines.add("  at or below: " + m.describe() + ": " + m.summary()));
            above().forEach(m ->
                    lines.add("  after it:    " + m.describe() + ": " + m.summary() + " (the tool runs it next)"));
            return lines;
        }
    }

    /**
     * @param mapped   every migration of the tool, mapped, in the tool's order
     * @param withNone whether "nothing applied" is a candidate too (a tool that can record no version)
     */
    public static Result score(String tool, List<MappedMigration> mapped, boolean withNone) {
        if (mapped.isEmpty()) {
            throw new IllegalArgumentException("no migration to match the database against");
        }
        List<MigrationFile> files = mapped.stream().map(MappedMigration::file).toList();
        List<Score> scores = new ArrayList<>();
        if (withNone) {
            scores.add(score(null, Set.of(), mapped));
        }
        for (int i = 0; i < mapped.size(); i++) {
            MappedMigration candidate = mapped.get(i);
            scores.add(score(candidate, applied(tool, candidate, files, i), mapped));
        }
        Score best = scores.get(0);
        for (Score s : scores) {
            if (s.agree() > best.agree()) {
                best = s;
            }
        }
        return new Result(mapped, scores, best);
    }

    /** The ids that stamping {@code candidate} means are applied. */
    private static Set<String> applied(String tool, MappedMigration candidate, List<MigrationFile> files, int index) {
        Set<String> self = Set.of(candidate.file().id());
        var graph = CodeMigrationReaders.forTool(tool).map(r -> r.applied(self, files));
        if (graph.isPresent() && !graph.get().equals(self)) {
            return graph.get();
        }
        Set<String> prefix = new LinkedHashSet<>();
        files.subList(0, index + 1).forEach(f -> prefix.add(f.id()));
        return prefix;
    }

    private static Score score(MappedMigration at, Set<String> applied, List<MappedMigration> mapped) {
        long agree = 0;
        long total = 0;
        for (MappedMigration m : mapped) {
            agree += applied.contains(m.file().id()) ? m.inEffect() : m.notInEffect();
            total += m.statements().size();
        }
        return new Score(at, applied, agree, total);
    }
}
