package io.migrescue.app;

import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.diagnosis.Finding;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.PlaybookRanking;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.playbook.ChecksumEdit;
import io.migrescue.sql.MigrationFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A migration not applied though a later one is: what the tool's next run does with it, and whether it is in effect. */
final class HistoryFileOrder {
    /** The tools compared, each with what its next run does with a file older than the newest applied one. */
    static final Map<String, String> OUT_OF_ORDER_RULE = Map.of(
            "flyway",
                    "flyway validate fails on it (Detected resolved migration not applied to database) and migrate "
                            + "skips it"
                            + " unless outOfOrder=true",
            "knex", "knex migrate:latest runs it next, after migrations written later",
            "sequelize", "sequelize db:migrate runs it next, after migrations written later",
            "rails", "rails db:migrate runs it next, after migrations written later",
            "goose",
                    "goose up fails on it (found 1 missing migrations before current version) unless run with"
                            + " -allow-missing, which applies it first");

    private HistoryFileOrder() {}

    /** What the tool's next run does with a file older than the newest applied one; null when it is not compared. */
    static String rule(String tool) {
        return OUT_OF_ORDER_RULE.containsKey(tool)
                ? OUT_OF_ORDER_RULE.get(tool)
                : io.migrescue.history.MigrationTools.byId(tool)
                        .flatMap(io.migrescue.history.MigrationTool::outOfOrderRule)
                        .orElse(null);
    }

    static Finding outOfOrder(MigrationHistory h, MigrationFile f, FailedMigration file, PlaybookRanking ranking) {
        List<String> evidence = new ArrayList<>();
        String newest = h.latestApplied().map(HistoryEntry::id).orElse("?");
        evidence.add(file.file() + " is not recorded in " + h.table() + ", yet migrations after it are (newest "
                + "applied: "
                + newest + "); " + rule(h.tool()));
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
