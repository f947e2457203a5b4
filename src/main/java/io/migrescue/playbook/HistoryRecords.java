package io.migrescue.playbook;

import io.migrescue.diagnosis.CatalogLookup;
import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.BoundStatement;
import java.util.List;

/**
 * The {@code record} steps: what the plan writes into the migration tool's history table, through the tool's
 * {@link RecordPlanner}, and the refusals that keep a history write from hiding what is not in effect.
 */
record HistoryRecords(
        Playbook playbook,
        Planner.Context ctx,
        TemplateValues values,
        CatalogLookup lookup,
        PlanDraft draft,
        MigrationSettling settling) {

    void record(String what) {
        MigrationHistory history = history();
        if (history == null) {
            draft.explanations.add("no migration history table was found, so there is nothing to record");
            return;
        }
        if (what.equals("realign-checksum")) {
            realignChecksum(history);
            return;
        }
        if (what.equals("repoint")) {
            RepointPlanning.Planned p =
                    RepointPlanning.plan(history, ctx.migration(), values.get("renamedTo"), ctx.records(), lookup);
            draft.add(p.step());
            draft.checks.add(p.check());
            return;
        }
        if (what.equals("deleted")
                && playbook.params().stream().anyMatch(p -> p.decision() && !"yes".equals(values.get(p.name())))) {
            throw new PlanningException("marking migration "
                    + (ctx.migration() == null ? "?" : ctx.migration().id())
                    + " deleted was declined: nothing was changed (restore its file instead)");
        }
        List<BoundStatement> sql = ctx.records().plan(what, history, ctx.migration(), values.params());
        String why = ctx.records().explain(what, history, values.params());
        if (!sql.isEmpty()) {
            draft.add(new PlanStep(
                    0,
                    "record",
                    "record " + what + " in " + history.tool() + "'s " + history.table()
                            + (why == null ? "" : ": " + why),
                    sql,
                    ctx.records().guards(what, history, values.params()),
                    true,
                    new Check.HistoryRecorded(
                            history.tool(),
                            history.table(),
                            what,
                            ctx.migration() == null ? null : ctx.migration().id()),
                    List.of(),
                    List.of()));
        }
    }

    /**
     * A checksum is realigned only when the file as it is now changed nothing in effect: every statement of the edited
     * file is in effect in the live schema. Otherwise the edit is semantic and recording it would hide what is missing.
     */
    private void realignChecksum(MigrationHistory history) {
        FailedMigration m = ctx.migration();
        if (m == null || m.statements().isEmpty()) {
            throw new PlanningException(
                    "realigning a checksum needs the edited migration file, to compare it with the schema:"
                            + " give --migrations DIR");
        }
        List<String> missing = ChecksumEdit.notInEffect(m);
        if (!missing.isEmpty()) {
            String refusal = "migration " + m.id() + " was edited after it was applied and " + missing.size()
                    + " of its statements are not in effect (" + String.join("; ", missing)
                    + "): realigning its checksum would"
                    + " hide them; ";
            ParamSpec apply = playbook.param("apply").orElse(null);
            if (apply == null || !ChecksumEdit.applicable(m)) {
                throw new PlanningException(
                        refusal + "apply them (or restore the file as it ran), then run repair again");
            }
            String value = values.get("apply");
            if (value == null) {
                throw new PlanningException.DecisionNeeded(
                        apply,
                        playbook.id(),
                        "would run " + missing.size() + " statement(s) of the edited file not in effect ("
                                + String.join("; ", missing) + ")",
                        null);
            }
            if (!value.equals("yes")) {
                throw new PlanningException(refusal + "declined (--param apply=" + value + "): nothing was changed");
            }
            settling.finish(
                    false); // the statements not in effect, each as the migration would run it; then the checksum
        }
        String checksum = ctx.records().fileChecksum(history, m);
        draft.add(new PlanStep(
                0,
                "record",
                "record in " + history.tool() + "'s " + history.table() + " the checksum of " + m.file()
                        + " as it is now (" + checksum
                        + "): every statement of it is in effect, the edit changed nothing in the schema",
                ctx.records().plan("realign-checksum", history, m),
                List.of(),
                true,
                new Check.ChecksumRecorded(history.tool(), history.table(), m.id(), checksum),
                List.of(),
                List.of()));
        draft.checks.add(new Check.ChecksumRecorded(history.tool(), history.table(), m.id(), checksum));
    }

    /** The failed migration's tool's history; else the one that needs attention; else the first found, or null. */
    MigrationHistory history() {
        String tool = ctx.migration() == null ? null : ctx.migration().tool();
        for (MigrationHistory h : ctx.history()) {
            if (tool != null && h.tool().equals(tool)) {
                return h;
            }
        }
        return ctx.history().stream()
                .filter(MigrationHistory::needsAttention)
                .findFirst()
                .orElse(ctx.history().isEmpty() ? null : ctx.history().get(0));
    }
}
