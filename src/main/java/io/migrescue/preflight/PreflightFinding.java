package io.migrescue.preflight;

import io.migrescue.diagnosis.DataQuestion;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * One statement of a pending migration that will (error) or may (warning) fail on this database, with the evidence,
 * and the fix: SQL to add to the migration before the statement, or a playbook.
 *
 * @param statement 1-based number of the statement in its migration; line is where it starts in the file
 * @param confirm   a question about the rows that decides whether it fails; null once answered (or when none is needed)
 */
public record PreflightFinding(
        FindingKind kind,
        Severity severity,
        PendingMigration migration,
        int statement,
        int line,
        String sql,
        String cause,
        List<String> evidence,
        Fix fix,
        Confirm confirm) {
    public PreflightFinding {
        evidence = List.copyOf(evidence);
    }

    /**
     * @param sql       statements to add to the migration before the failing one; {@code :value} marks what a person chooses
     * @param playbooks the repairs that fit if it is deployed anyway and fails
     * @param rewrite   the failing statement as it should read instead, or null
     */
    public record Fix(String text, List<String> sql, List<String> playbooks, String rewrite) {
        public Fix {
            sql = List.copyOf(sql);
            playbooks = List.copyOf(playbooks);
        }

        public Fix(String text, List<String> sql, List<String> playbooks) {
            this(text, sql, playbooks, null);
        }
    }

    /** What the rows must show for the statement to fail. */
    public sealed interface Confirm {
        /** Offending rows exist (orphans, duplicates, NULLs). */
        record Rows(DataQuestion question) implements Confirm {}

        /** The statement fails whatever the rows hold; the rows are counted only for the evidence. */
        record Counted(DataQuestion question) implements Confirm {}

        /** The table has any row (a new NOT NULL column without a default). */
        record AnyRow(String schema, String table) implements Confirm {}
    }

    public PreflightFinding confirmed(List<String> more) {
        List<String> all = new ArrayList<>(evidence);
        all.addAll(more);
        return new PreflightFinding(kind, severity, migration, statement, line, sql, cause, all, fix, null);
    }

    public PreflightFinding withEvidence(List<String> more, Fix newFix) {
        List<String> all = new ArrayList<>(evidence);
        all.addAll(more);
        return new PreflightFinding(kind, severity, migration, statement, line, sql, cause, all, newFix, confirm);
    }
}
