package io.migrescue.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Which loaded playbooks fit a finding, best first. Each playbook declares when it fits (its YAML's {@code recommend:}
 * rules); this only evaluates them, so an id without a playbook can never be recommended. The rule "never a playbook
 * whose plan the statement map predicts will fail" is declared by the playbooks that finish a migration
 * ({@link Situation#FINISHING_WOULD_RUN}, {@link Situation#LATER_STATEMENTS_WOULD_RUN}).
 */
public final class PlaybookRanking {
    private final List<PlaybookFit> fits;

    /** @param fits the loaded playbooks, in the order ties are listed */
    public PlaybookRanking(List<PlaybookFit> fits) {
        this.fits = List.copyOf(fits);
    }

    public List<String> rank(FindingKind kind, FailedMigration migration, boolean sameTable, boolean existingMatches) {
        Map<Integer, List<String>> byRank = new TreeMap<>();
        for (PlaybookFit fit : fits) {
            OptionalInt best = fit.recommend().stream()
                    .filter(r -> r.applies(kind, migration, sameTable, existingMatches))
                    .mapToInt(Recommendation::rank)
                    .min();
            if (best.isPresent()) {
                byRank.computeIfAbsent(best.getAsInt(), k -> new ArrayList<>()).add(fit.id());
            }
        }
        List<String> ids = new ArrayList<>();
        byRank.values().forEach(ids::addAll);
        return ids;
    }

    /**
     * Errors no playbook repairs, whatever the kind's rules say: PostgreSQL 42804 ("cannot be cast automatically") is
     * the statement's fault (a type change without USING), which only editing the migration file fixes.
     */
    public static boolean statementAtFault(String sqlState) {
        return "42804".equals(sqlState);
    }

    /**
     * A finding about a migration whose next statement would fail, once the cause is known: the playbooks that remove
     * the cause come first (they also finish the migration), then the others (revert), without repeats.
     */
    public static List<String> causeFirst(List<String> ids, List<String> causeIds) {
        List<String> ranked = new ArrayList<>(causeIds);
        ids.stream().filter(id -> !ranked.contains(id)).forEach(ranked::add);
        return ranked;
    }
}
