package io.migrescue.app;

import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.diagnosis.Finding;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.PlaybookRanking;
import io.migrescue.diagnosis.Severity;
import io.migrescue.diagnosis.StatementVerdict;
import io.migrescue.history.FlywayChecksums;
import io.migrescue.playbook.ChecksumEdit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The finding for an applied Flyway migration whose file was edited afterwards, with the edited file's statement map. */
final class ChecksumFindings {
    private ChecksumFindings() {
    }

    static Finding of(FlywayChecksums.Drift drift, List<StatementVerdict> verdicts, PlaybookRanking ranking) {
        String fileName = drift.file().path().getFileName().toString();
        FailedMigration edited = new FailedMigration("flyway", drift.version(), fileName, "checksum", verdicts);
        List<String> missing = ChecksumEdit.notInEffect(edited);
        List<String> evidence = new ArrayList<>();
        evidence.add("flyway records checksum " + drift.recorded() + " for version " + drift.version() + "; " + fileName
                + " has " + drift.now() + " now (flyway validate fails)");
        if (verdicts.isEmpty()) {
            evidence.add("the edited file holds no statement that could be compared with the schema");
        } else if (missing.isEmpty()) {
            evidence.add("every statement of the file as it is now is in effect: the edit is cosmetic, its checksum can be recorded");
        } else {
            evidence.add("the edit is semantic: " + missing.size() + " statement(s) of the file as it is now are not in effect");
            evidence.addAll(missing);
        }
        Map<String, String> objects = new LinkedHashMap<>();
        objects.put("tool", "flyway");
        objects.put("migration", drift.version());
        objects.put("file", fileName);
        return new Finding(FindingKind.CHECKSUM_MISMATCH, Severity.ERROR, "flyway migration " + drift.version() + " (" + fileName
                + ") was edited after it was applied" + (missing.isEmpty() ? "" : ", and " + missing.size() + " of its statements are not in effect"),
                objects, evidence, edited, ranking.rank(FindingKind.CHECKSUM_MISMATCH, edited, false, false), false);
    }
}
