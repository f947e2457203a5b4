package io.migrescue.preflight;

import io.migrescue.diagnosis.DataQuestion;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.Severity;
import java.util.List;

/**
 * A new foreign key from a live table to a table an earlier pending migration creates: that table does not exist yet,
 * so it is not asked. The simulation knows what it will hold: nothing, unless a pending statement before this one puts
 * rows in it. Empty, every child row with its key set is an orphan (the rows are counted); filled, it cannot be told
 * before the deploy, and a note says so.
 */
final class PendingParent {
    private final Simulator sim;

    PendingParent(Simulator sim) {
        this.sim = sim;
    }

    void check(Site site, ModelTable t, ModelTable ref, List<String> cols, List<String> refCols) {
        List<String> liveCols = new ConstraintChecks(sim).liveColumns(t, cols);
        if (liveCols == null) {
            return; // a key column a pending statement adds: the live rows do not hold it yet
        }
        String key = "(" + String.join(", ", cols) + ")";
        String filledBy = sim.rowsChanged.get(sim.rowsKey(ref));
        if (filledBy != null) {
            sim.notes.add("statement " + site.statement().statement().number() + " of "
                    + site.migration().id()
                    + " adds a foreign key from " + t.name + " " + key + " to " + ref.name
                    + ", which pending migration " + ref.createdBy + " creates and " + filledBy
                    + " fills: whether every key of " + t.name
                    + " finds its parent there cannot be told before the deploy");
            return;
        }
        boolean nullable =
                cols.stream().allMatch(x -> t.columns.get(sim.model.key(x)).nullable());
        List<String> fix = List.of(
                nullable
                        ? sim.fixSql.orphansToNull(t.name, cols, ref.name, refCols)
                        : sim.fixSql.deleteOrphans(t.name, cols, ref.name, refCols));
        String text = "fill " + ref.name + " with the parents first (" + fillParents(t, ref, cols, refCols)
                + ", if its other columns allow), "
                + (nullable ? "or set the keys to NULL first" : "or delete those rows first (back them up)");
        sim.add(site.finding(
                FindingKind.FK_ORPHAN_ROWS,
                Severity.ERROR,
                "rows of " + t.name + " have " + key
                        + " set, and " + ref.name + " will be empty when this foreign key is added: every one of them"
                        + " is an orphan",
                List.of("table " + ref.name + " does not exist yet: pending migration " + ref.createdBy + " creates it,"
                        + " and no pending statement before this one puts rows in it"),
                new PreflightFinding.Fix(text, fix, List.of("fix-orphan-rows")),
                new PreflightFinding.Confirm.Rows(
                        new DataQuestion.KeysSet(t.liveSchema, t.liveName, liveCols, sim.liveKey(t), ref.name))));
    }

    private String fillParents(ModelTable t, ModelTable ref, List<String> cols, List<String> refCols) {
        FixSql q = sim.fixSql;
        return "INSERT INTO " + q.q(ref.name) + " ("
                + String.join(", ", refCols.stream().map(q::q).toList())
                + ") SELECT DISTINCT "
                + String.join(", ", cols.stream().map(q::q).toList()) + " FROM " + q.q(t.name)
                + " WHERE "
                + String.join(
                        " AND ", cols.stream().map(c -> q.q(c) + " IS NOT NULL").toList());
    }
}
