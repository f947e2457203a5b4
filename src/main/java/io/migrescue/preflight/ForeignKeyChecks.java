package io.migrescue.preflight;

import io.migrescue.diagnosis.DataQuestion;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.Severity;
import io.migrescue.model.Engine;
import io.migrescue.sql.Effect;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * A new foreign key: the referenced table and columns exist, carry a unique key, have a fitting type (errno 150 /
 * 3780 / 42804), and no child row lacks its parent (1452 / 23503).
 */
final class ForeignKeyChecks {
    private final Simulator sim;
    private final SchemaModel model;

    ForeignKeyChecks(Simulator sim) {
        this.sim = sim;
        this.model = sim.model;
    }

    void check(Site site, ModelTable t, Effect.ConstraintDef c, boolean newTable) {
        String refSchema = c.referencedSchema() != null ? c.referencedSchema() : t.schema;
        Optional<ModelTable> found = model.table(refSchema, c.referencedTable());
        if (found.isEmpty()) {
            sim.missingTable(site, refSchema, c.referencedTable(), "the table the foreign key references");
            return;
        }
        ModelTable ref = found.get();
        List<String> refCols = c.referencedColumns().isEmpty() ? ref.primaryKey() : c.referencedColumns();
        if (ref.columnsKnown) {
            for (String col : refCols) {
                if (!ref.columns.containsKey(model.key(col))) {
                    new ColumnChecks(sim).column(site, ref, col);
                    return;
                }
            }
        }
        if (refCols.size() != c.columns().size()) {
            return; // the server says so in its own words; nothing to add from the catalog
        }
        for (int i = 0; i < refCols.size(); i++) {
            ModelTable.Col child = t.columns.get(model.key(c.columns().get(i)));
            ModelTable.Col parent = ref.columns.get(model.key(refCols.get(i)));
            if (child != null && parent != null && !FkTypes.fit(model.engine(), child.type(), parent.type())) {
                typeMismatch(site, t, ref, child, parent, c);
                return;
            }
        }
        if (ref.live() && !hasKeyOn(ref, refCols)) {
            sim.add(site.finding(
                    FindingKind.FK_INCOMPATIBLE,
                    Severity.ERROR,
                    "no " + (model.engine() == Engine.POSTGRESQL ? "unique key" : "index") + " of " + ref.name
                            + " starts with (" + String.join(", ", refCols) + ")",
                    List.of("a foreign key needs "
                            + (model.engine() == Engine.POSTGRESQL
                                    ? "a primary key or unique constraint on"
                                            + " exactly the referenced columns (42830)"
                                    : "an index on the referenced columns (error 1822, errno 150)")),
                    new PreflightFinding.Fix(
                            "add a unique key on " + ref.name + " (" + String.join(", ", refCols) + ") first",
                            List.of(),
                            List.of()),
                    null));
            return;
        }
        if (!newTable && !site.sql().matches("(?is).*\\bNOT\\s+VALID\\b.*")) {
            orphans(site, t, ref, c.columns(), refCols);
        }
    }

    private void typeMismatch(
            Site site,
            ModelTable t,
            ModelTable ref,
            ModelTable.Col child,
            ModelTable.Col parent,
            Effect.ConstraintDef c) {
        String code = model.engine() == Engine.POSTGRESQL
                ? "42804"
                : model.engine() == Engine.MARIADB ? "errno 150" : "error 3780 (errno 150 before MySQL 8)";
        List<String> fix = t.live() && child.live()
                ? List.of(sim.fixSql.changeType(t.name, child.name(), parent.type(), child.nullable()))
                : List.of();
        sim.add(site.finding(
                FindingKind.FK_INCOMPATIBLE,
                Severity.ERROR,
                "column " + t.name + "." + child.name() + " (" + child.type() + ") does not fit " + ref.name + "."
                        + parent.name() + " (" + parent.type() + ")",
                List.of("the server refuses a foreign key between columns of different types (" + code + ")"
                        + (model.engine() == Engine.POSTGRESQL ? "" : "; integer types must match in size and sign")),
                new PreflightFinding.Fix(
                        fix.isEmpty()
                                ? "declare " + child.name() + " as " + parent.type() + " in this statement"
                                : "give " + t.name + "." + child.name() + " the referenced column's type first",
                        fix,
                        List.of()),
                null));
    }

    private boolean hasKeyOn(ModelTable ref, List<String> cols) {
        List<String> wanted = cols.stream().map(model::key).toList();
        for (ModelTable.Idx i : ref.indexes.values()) {
            List<String> have = i.columns().stream().map(model::key).toList();
            if (model.engine() == Engine.POSTGRESQL
                    ? i.unique() && new HashSet<>(have).equals(new HashSet<>(wanted))
                    : have.size() >= wanted.size()
                            && have.subList(0, wanted.size()).equals(wanted)) {
                return true;
            }
        }
        for (ModelTable.Con k : ref.constraints.values()) {
            if (("PRIMARY_KEY".equals(k.kind()) || "UNIQUE".equals(k.kind()))
                    && new HashSet<>(k.columns().stream().map(model::key).toList()).equals(new HashSet<>(wanted))) {
                return true;
            }
        }
        return false;
    }

    private void orphans(Site site, ModelTable t, ModelTable ref, List<String> cols, List<String> refCols) {
        if (!sim.rowsAsLive(t)) {
            return;
        }
        if (!ref.live() && ref.createdBy != null) {
            new PendingParent(sim).check(site, t, ref, cols, refCols);
            return;
        }
        if (!ref.live() || sim.rowsChanged.containsKey(sim.rowsKey(ref))) {
            return;
        }
        ConstraintChecks keys = new ConstraintChecks(sim);
        List<String> liveCols = keys.liveColumns(t, cols);
        List<String> liveRefCols = keys.liveColumns(ref, refCols);
        if (liveCols == null || liveRefCols == null) {
            return;
        }
        boolean nullable =
                cols.stream().allMatch(x -> t.columns.get(model.key(x)).nullable());
        List<String> fix = new ArrayList<>();
        fix.add(
                nullable
                        ? sim.fixSql.orphansToNull(t.name, cols, ref.name, refCols)
                        : sim.fixSql.deleteOrphans(t.name, cols, ref.name, refCols));
        sim.add(site.finding(
                FindingKind.FK_ORPHAN_ROWS,
                Severity.ERROR,
                "rows of " + t.name + " point at no row of " + ref.name + ", which the new foreign key refuses",
                List.of(),
                new PreflightFinding.Fix(
                        nullable
                                ? "set the orphans' key to NULL first (or delete them, or add the missing parents)"
                                : "delete the orphans first (back them up), or add the missing parents",
                        fix,
                        List.of("fix-orphan-rows")),
                new PreflightFinding.Confirm.Rows(new DataQuestion.OrphanRows(
                        t.liveSchema, t.liveName, liveCols, ref.liveSchema, ref.liveName, liveRefCols))));
    }

    List<String[]> referencing(ModelTable t) {
        List<String[]> out = new ArrayList<>();
        for (ModelTable other : model.tables()) {
            if (other == t) {
                continue;
            }
            for (ModelTable.Con c : other.constraintsOfKind("FOREIGN_KEY")) {
                String schema = c.refSchema() != null ? c.refSchema() : other.schema;
                if (c.refTable() != null
                        && model.table(schema, c.refTable()).filter(x -> x == t).isPresent()) {
                    out.add(new String[] {other.name, c.name()});
                }
            }
        }
        return out;
    }
}
