package io.migrescue.diagnosis;

import java.util.List;

/**
 * The migration a finding is about, and its statement map when the migration file was found.
 *
 * @param tool       the history adapter's tool id, or null when only the error text named it
 * @param id         version or name as the tool keys it
 * @param file       the migration file name, or null
 * @param foundBy    how it was identified: {@code history}, {@code error-text}, {@code pending-file-naming-its-object},
 *                   {@code first-pending-file}
 * @param statements the partial-application map, empty when the file was not given or not found
 */
public record FailedMigration(String tool, String id, String file, String foundBy, List<StatementVerdict> statements) {
    public FailedMigration {
        statements = List.copyOf(statements);
    }

    public boolean partiallyApplied() {
        boolean applied = statements.stream().anyMatch(s -> s.state() == StatementState.APPLIED);
        boolean missing = statements.stream()
                .anyMatch(s -> s.state() == StatementState.NOT_APPLIED || s.state() == StatementState.FAILED);
        return applied && missing;
    }

    public boolean fullyApplied() {
        return !statements.isEmpty() && statements.stream().allMatch(s -> s.state() == StatementState.APPLIED);
    }

    public boolean nothingApplied() {
        return !statements.isEmpty() && statements.stream().noneMatch(s -> s.state() == StatementState.APPLIED);
    }

    /**
     * Whether running what is not in effect would fail as the catalog stands: a statement not in effect carries a
     * prediction. {@code skipFailed}: the failed statement is left out (its object is adopted), so only the ones after
     * it count.
     */
    public boolean predictedToFail(boolean skipFailed) {
        return statements.stream()
                .anyMatch(s -> s.prediction() != null
                        && (s.state() == StatementState.NOT_APPLIED
                                || s.state() == StatementState.FAILED && !skipFailed));
    }
}
