package io.migrescue.diagnosis;

import io.migrescue.model.Index;
import io.migrescue.model.Table;
import java.util.ArrayList;
import java.util.List;

/** INVALID indexes a failed CREATE INDEX CONCURRENTLY left, and the one that holds a duplicate index name. */
final class InvalidIndexFindings {
    private InvalidIndexFindings() {}

    static List<Finding> of(DiagnosisInput input) {
        List<Finding> findings = new ArrayList<>();
        for (Table t : input.catalog().tables()) {
            for (Index i : t.indexes()) {
                if (!i.valid()) {
                    // the failed migration that builds it: rebuilding it finishes that migration
                    FailedMigration m = input.migration() != null
                                    && input.migration().statements().stream()
                                            .anyMatch(v -> v.state() != StatementState.APPLIED
                                                    && v.effects().stream()
                                                            .anyMatch(e ->
                                                                    e instanceof io.migrescue.sql.Effect.CreateIndex c
                                                                            && i.name()
                                                                                    .equalsIgnoreCase(c.name())))
                            ? input.migration()
                            : null;
                    findings.add(new Finding(
                            FindingKind.INVALID_INDEX,
                            Severity.WARNING,
                            "index " + i.name() + " on " + t.qualifiedName()
                                    + " is INVALID: a CREATE INDEX CONCURRENTLY failed;"
                                    + " it is maintained on every write but never used",
                            Diagnoser.objects("table", t.qualifiedName(), "index", i.name()),
                            List.of(i.definition() == null ? "index " + i.name() : i.definition()),
                            m,
                            input.ranking().rank(FindingKind.INVALID_INDEX, null, false, false),
                            false));
                }
            }
        }
        return findings;
    }

    /** The INVALID_INDEX finding for the index a DUPLICATE_INDEX_NAME finding says holds the name, or null. */
    static Finding holderOf(Finding f, DiagnosisInput input) {
        if (f.kind() != FindingKind.DUPLICATE_INDEX_NAME
                || f.stale()
                || f.objects().get("index") == null) {
            return null;
        }
        return of(input).stream()
                .filter(i -> i.objects().get("index").equals(f.objects().get("index"))
                        && i.objects().get("table").endsWith("." + f.objects().get("heldBy")))
                .findFirst()
                .orElse(null);
    }
}
