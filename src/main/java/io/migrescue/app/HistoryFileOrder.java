package io.migrescue.app;

import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.diagnosis.Finding;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.PlaybookRanking;
import io.migrescue.history.MigrationTools;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.playbook.ChecksumEdit;
import io.migrescue.sql.MigrationFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A migration not applied though a later one is: what the tool's next run does with it, and whether it is in effect. */
final class HistoryFileOrder {
    private HistoryFileOrder() {}

    static Finding outOfOrder(MigrationHistory h, MigrationFile f, FailedMigration file, PlaybookRanking ranking) {
        List<String> evidence = new ArrayList<>();
        String newest = h.latestApplied().map(HistoryEntry::id).orElse("?");
        evidence.add(file.file() + " is not recorded in " + h.table() + ", yet migrations after it are (newest "
                + "applied: "
                + newest + "); "
                + MigrationTools.factsOf(h.tool()).outOfOrderRule().orElseThrow());
        List<String> missing = ChecksumEdit.notInEffect(file);
        if (file.fullyApplied()) {
            evidence.add("every statement of it is in effect already: it can be recorded as applied");
        } else if (file.statements().isEmpty()) {
            evidence.add("it holds no statement that could be compared with the schema");
        } else {
            evidence.add(missing.size() + " of its " + file.statements().size() + " statement(s) are not in effect: "
                    + String.join("; ", missing));
        }
        Map<String, String> objects = HistoryFileRenames.objects(h, f.id());
        objects.put("file", file.file());
        return HistoryFileRenames.finding(
                FindingKind.OUT_OF_ORDER_MIGRATION,
                h.tool() + " migration " + file.file()
                        + " is not applied, yet a later one is"
                        + (file.fullyApplied() ? " (its effects are " + "present)" : ""),
                objects,
                evidence,
                file,
                ranking);
    }
}
