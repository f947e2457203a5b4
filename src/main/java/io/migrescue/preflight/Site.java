package io.migrescue.preflight;

import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.Severity;
import io.migrescue.diagnosis.StatementWithEffects;
import java.util.List;

/** Where the simulation is: which pending migration and which of its statements; makes the findings about it. */
record Site(PendingMigration migration, StatementWithEffects statement) {
    PreflightFinding finding(
            FindingKind kind,
            Severity severity,
            String cause,
            List<String> evidence,
            PreflightFinding.Fix fix,
            PreflightFinding.Confirm confirm) {
        return new PreflightFinding(
                kind,
                severity,
                migration,
                statement.statement().number(),
                statement.statement().line(),
                excerpt(statement.statement().sql()),
                cause,
                evidence,
                fix,
                confirm);
    }

    boolean ifExists() {
        return statement.statement().sql().matches("(?is).*\\bIF\\s+EXISTS\\b.*");
    }

    String sql() {
        return statement.statement().sql();
    }

    static String excerpt(String sql) {
        String flat =
                sql.replaceAll("(?m)^\\s*--.*$", "").replaceAll("\\s+", " ").strip();
        return flat.length() > 160 ? flat.substring(0, 157) + "..." : flat;
    }
}
