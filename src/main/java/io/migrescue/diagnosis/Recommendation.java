package io.migrescue.diagnosis;

import java.util.Set;

/**
 * One rule of a playbook's {@code recommend:} list: for a finding kind ({@code null}: any kind), when every named
 * situation holds, the playbook is offered at this rank (1 first).
 */
public record Recommendation(FindingKind kind, Set<Situation> when, int rank) {
    public Recommendation {
        when = Set.copyOf(when);
    }

    boolean applies(FindingKind finding, FailedMigration m, boolean sameTable, boolean existingMatches) {
        return (kind == null || kind == finding) && when.stream().allMatch(s -> s.holds(m, sameTable, existingMatches));
    }
}
