package io.migrescue.app;

import io.migrescue.diagnosis.ErrorObjects;
import io.migrescue.diagnosis.Finding;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.PlaybookRanking;
import io.migrescue.diagnosis.Severity;
import io.migrescue.diagnosis.error.ErrorCatalog;
import io.migrescue.playbook.Playbooks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code explain}: the error text alone, no database. What it means and the repair it would point to. */
public final class ExplainUseCase {
    private ExplainUseCase() {}

    public static DiagnosisReport run(String text) {
        List<String> notes = new ArrayList<>();
        ErrorReading error = ErrorReading.of(text, notes);
        if (error.parsed() == null || error.kind() == null) {
            return new DiagnosisReport(null, List.of(), List.of(), error.parsed(), null, List.of(), List.copyOf(notes));
        }
        FindingKind kind = error.kind();
        ErrorObjects o = error.parsed().objects() == null
                ? ErrorObjects.NONE
                : error.parsed().objects();
        Map<String, String> objects = o.asMap();
        if (error.parsed().migration() != null) {
            objects.put("migration", error.parsed().migration());
        }
        List<String> evidence = new ArrayList<>();
        evidence.add(ErrorCatalog.explain(kind));
        evidence.add("confirm against the database, and see what the migration left behind: migrescue diagnose --url … "
                + "--error-file … --migrations …");
        // PostgreSQL names constraints per table: 42710 means the same table already has it.
        boolean sameTable = "42710".equals(error.parsed().sqlState());
        Finding finding = new Finding(
                kind,
                Severity.ERROR,
                error.parsed().message(),
                objects,
                evidence,
                null,
                PlaybookRanking.statementAtFault(error.parsed().sqlState())
                        ? List.of()
                        : Playbooks.load(null).ranking().rank(kind, null, sameTable, false),
                false);
        return new DiagnosisReport(
                null, List.of(), List.of(), error.parsed(), kind, List.of(finding), List.copyOf(notes));
    }
}
