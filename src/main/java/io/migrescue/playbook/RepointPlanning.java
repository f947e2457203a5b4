package io.migrescue.playbook;

import io.migrescue.diagnosis.CatalogLookup;
import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.diagnosis.PartialApplicationMap;
import io.migrescue.diagnosis.StatementVerdict;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.BoundStatement;
import java.util.List;

/**
 * {@code record: repoint}: the history row of an applied migration renamed to the file the person or the diagnosis
 * names, only when the schema shows that file ran: every statement of it in effect. A file with a statement not in
 * effect is another migration, and pointing the row at it would make the tool skip it for ever.
 */
final class RepointPlanning {
    private RepointPlanning() {}

    /** The step and the check that it holds afterwards. */
    record Planned(PlanStep step, Check check) {}

    static Planned plan(
            MigrationHistory history,
            FailedMigration row,
            String renamedTo,
            RecordPlanner records,
            CatalogLookup lookup) {
        if (row == null || row.id() == null) {
            throw new PlanningException(
                    "which applied migration to re-point is not known: diagnose again with " + "--migrations DIR");
        }
        if (renamedTo == null || renamedTo.isBlank()) {
            throw new PlanningException("migration " + row.id() + " has no file, and more than one file could be it "
                    + "renamed:"
                    + " migrescue does not guess; give --param renamedTo=FILE (see migrescue diagnose)");
        }
        RecordPlanner.LocalMigration file = records.localMigration(renamedTo.strip())
                .orElseThrow(() -> new PlanningException("no migration file " + renamedTo
                        + " in the migrations directory: give --migrations DIR and a file " + "name in it"));
        List<StatementVerdict> verdicts = PartialApplicationMap.build(file.statements(), lookup, null);
        FailedMigration renamed = new FailedMigration(row.tool(), row.id(), file.file(), "renamed", verdicts);
        List<String> missing = ChecksumEdit.notInEffect(renamed);
        if (verdicts.isEmpty() || !missing.isEmpty()) {
            throw new PlanningException(file.file() + " cannot be migration " + row.id() + " renamed: "
                    + (verdicts.isEmpty()
                            ? "it holds no statement that could be compared with the schema"
                            : missing.size() + " of its statements are not in effect (" + String.join("; ", missing)
                                    + ")")
                    + "; nothing was changed");
        }
        if (history.entries().stream().anyMatch(e -> e.id().equals(file.id()))
                && !file.id().equals(row.id())) {
            throw new PlanningException(
                    history.tool() + " records " + file.file() + " already: it is not the renamed " + "one");
        }
        List<BoundStatement> sql = records.plan("repoint", history, renamed);
        Check done = new Check.HistoryRecorded(history.tool(), history.table(), "repoint", file.id());
        // no "done" check for resume: a row re-pointed under the same version (Flyway, another description) looks done
        // before it is; the UPDATE keyed by the old row is harmless to run again
        return new Planned(
                new PlanStep(
                        0,
                        "record",
                        "re-point " + history.tool() + "'s row of " + row.id() + " in "
                                + history.table() + " at " + file.file()
                                + " (every statement of it is in effect: it ran under the old "
                                + "name)",
                        sql,
                        List.of(),
                        true,
                        null,
                        List.of(),
                        List.of()),
                done);
    }
}
