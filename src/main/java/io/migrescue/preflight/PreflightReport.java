package io.migrescue.preflight;

import io.migrescue.diagnosis.Severity;
import io.migrescue.model.DatabaseInfo;
import java.util.Comparator;
import java.util.List;

/**
 * {@code preflight}'s answer: the pending migrations in the order they will run, and what will (error) or may
 * (warning) fail. {@code blockers} are states that stop the tool before any migration runs (a failed entry, a lock).
 */
public record PreflightReport(
        DatabaseInfo database,
        List<String> schemas,
        List<String> tools,
        List<PendingMigration> pending,
        List<PreflightFinding> findings,
        List<String> blockers,
        List<String> notes) {
    public PreflightReport {
        findings = findings.stream()
                .sorted(Comparator.comparingInt((PreflightFinding f) -> pending.indexOf(f.migration()))
                        .thenComparingInt(PreflightFinding::statement))
                .toList();
    }

    /** Something will or may fail: exit 1. */
    public boolean willFail() {
        return !blockers.isEmpty() || findings.stream().anyMatch(f -> f.severity() != Severity.INFO);
    }

    /** Adds the MySQL/MariaDB half-applied hazard to each finding it concerns. */
    public static List<PreflightFinding> withHazards(List<PreflightFinding> findings, DatabaseInfo database) {
        return database.engine().isMySqlFamily()
                ? NonTransactionalHazard.explain(findings, database.engine().displayName())
                : findings;
    }
}
