package io.migrescue.app;

import io.migrescue.diagnosis.Finding;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.ParsedError;
import io.migrescue.model.DatabaseInfo;
import io.migrescue.model.MigrationHistory;
import java.util.List;

/**
 * What {@code diagnose} found (and {@code explain}, which has no database: {@code database} null, history empty).
 *
 * @param error      the error text as understood, or null when none was given or none was recognised
 * @param errorKind  its finding kind, or null
 * @param notes      things the operator should know that are not findings (no history table, file not found…)
 */
public record DiagnosisReport(
        DatabaseInfo database,
        List<String> schemas,
        List<MigrationHistory> history,
        ParsedError error,
        FindingKind errorKind,
        List<Finding> findings,
        List<String> notes) {
    /** Whether something is wrong now: stale findings (the log is older than the database) do not count. */
    public boolean hasFindings() {
        return !current().isEmpty();
    }

    /** The findings whose cause is in the database now. */
    public List<Finding> current() {
        return findings.stream().filter(f -> !f.stale()).toList();
    }

    /** What the error text said that the database no longer shows: kept as history, never a reason to repair. */
    public List<Finding> stale() {
        return findings.stream().filter(Finding::stale).toList();
    }
}
