package io.migrescue.diagnosis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One thing wrong, with the objects involved, the evidence for it, and the playbooks that fit, best first.
 *
 * @param objects   named roles: {@code table}, {@code constraint}, {@code heldBy}, {@code column}, {@code index}, …
 * @param migration the migration it is about, or null
 * @param stale     true when the live database contradicts the error text (the log is older than the database)
 */
public record Finding(
        FindingKind kind,
        Severity severity,
        String summary,
        Map<String, String> objects,
        List<String> evidence,
        FailedMigration migration,
        List<String> playbooks,
        boolean stale) {
    public Finding {
        objects = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(objects));
        evidence = List.copyOf(evidence);
        playbooks = List.copyOf(playbooks);
    }

    public Finding withEvidence(List<String> more) {
        List<String> all = new ArrayList<>(evidence);
        all.addAll(more);
        return new Finding(kind, severity, summary, objects, all, migration, playbooks, stale);
    }

    /**
     * The same finding kept as history: its cause is no longer in the database (the log is older than the database),
     * so it recommends nothing and drives no repair.
     */
    public Finding asStale(String why) {
        List<String> all = new ArrayList<>(evidence);
        all.add(why);
        return new Finding(kind, Severity.WARNING, summary, objects, all, migration, List.of(), true);
    }

    /** The same finding about the same migration, told anew: what it says, names, shows and recommends. */
    public Finding reworded(
            String newSummary, Map<String, String> newObjects, List<String> newEvidence, List<String> newPlaybooks) {
        return new Finding(kind, severity, newSummary, newObjects, newEvidence, migration, newPlaybooks, stale);
    }

    public Finding withObjects(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(objects);
        all.putAll(more);
        return new Finding(kind, severity, summary, all, evidence, migration, playbooks, stale);
    }
}
