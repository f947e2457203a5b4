package io.migrescue.app;

import io.migrescue.diagnosis.CatalogLookup;
import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.diagnosis.Finding;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.PlaybookRanking;
import io.migrescue.diagnosis.Severity;
import io.migrescue.playbook.ChecksumEdit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The finding for an applied migration (a Liquibase changeset) whose file was edited afterwards, with its statement map. */
final class ChecksumFindings {
    private ChecksumFindings() {}

    static Finding of(EditedMigrations.Edited drift, CatalogLookup lookup, PlaybookRanking ranking) {
        String fileName = drift.fileName();
        FailedMigration edited = EditedMigrations.mapped(drift, lookup);
        List<String> missing = ChecksumEdit.notInEffect(edited);
        List<String> evidence = new ArrayList<>();
        evidence.add(
                drift.checksumUnknown()
                        ? drift.tool() + " records checksum " + drift.recorded() + " for " + drift.what()
                                + "; the schema lacks part of it (" + drift.symptom() + ")"
                        : drift.tool() + " records checksum " + drift.recorded() + " for " + drift.what() + "; it has "
                                + drift.now() + " now (" + drift.symptom() + ")");
        if (edited.statements().isEmpty()) {
            evidence.add("the edited file holds no statement that could be compared with the schema");
        } else if (missing.isEmpty()) {
            evidence.add(
                    "every statement of the file as it is now is in effect: the edit is cosmetic, its checksum can be recorded");
        } else {
            evidence.add("the edit is semantic: " + missing.size()
                    + " statement(s) of the file as it is now are not in effect");
            evidence.addAll(missing);
        }
        Map<String, String> objects = new LinkedHashMap<>();
        objects.put("tool", drift.tool());
        objects.put("migration", drift.id());
        objects.put("file", fileName);
        // ranked without the map: an applied migration is never "partially applied", so reverting it is no fix
        return new Finding(
                FindingKind.CHECKSUM_MISMATCH,
                Severity.ERROR,
                drift.tool() + " " + drift.what()
                        + (drift.checksumUnknown()
                                ? " is applied but not all in the schema: edited after it ran, or changed by hand"
                                : " was edited after it was applied")
                        + (missing.isEmpty() ? "" : ", and " + missing.size() + " of its statements are not in effect"),
                objects,
                evidence,
                edited,
                ranking.rank(FindingKind.CHECKSUM_MISMATCH, null, false, false),
                false);
    }
}
