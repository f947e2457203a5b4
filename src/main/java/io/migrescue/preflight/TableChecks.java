package io.migrescue.preflight;

import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.Severity;
import io.migrescue.model.Engine;
import io.migrescue.sql.Effect;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Table statements: a created name must be free, a dropped table unreferenced, a rename target free. */
final class TableChecks {
    private final Simulator sim;
    private final SchemaModel model;

    TableChecks(Simulator sim) {
        this.sim = sim;
        this.model = sim.model;
    }

    void create(Site site, Effect.CreateTable e) {
        Optional<ModelTable> existing = model.table(e.schema(), e.table());
        if (existing.isPresent()) {
            if (!e.ifNotExists()) {
                tableExists(site, existing.get(), e.columns());
            }
            return;
        }
        model.relationHolder(e.schema(), e.table())
                .ifPresent(holder -> sim.add(site.finding(
                        FindingKind.TABLE_ALREADY_EXISTS,
                        Severity.ERROR,
                        "the name " + e.table() + " is taken by " + holder
                                + " (tables and indexes share names on PostgreSQL)",
                        List.of("relation " + e.table() + " already exists: " + holder),
                        new PreflightFinding.Fix("give the table or the index another name", List.of(), List.of()),
                        null)));
        ModelTable t = new ModelTable(model.schemaOf(e.schema()), e.table(), null, null);
        for (Effect.ColumnDef c : e.columns()) {
            t.columns.put(
                    model.key(c.name()),
                    new ModelTable.Col(c.name(), c.type(), c.nullable(), Simulator.hasDefault(c), null));
        }
        t.columnsKnown = !e.columns().isEmpty();
        t.createdBy = site.migration().id() + " (" + site.migration().file() + ")";
        model.put(t);
        for (Effect.ConstraintDef c : e.constraints()) {
            sim.constraints.add(site, t, c, true);
        }
    }

    private void tableExists(Site site, ModelTable t, List<Effect.ColumnDef> columns) {
        List<String> lacking = columns.stream()
                .map(Effect.ColumnDef::name)
                .filter(c -> !t.columns.containsKey(model.key(c)))
                .toList();
        List<String> evidence = new ArrayList<>();
        evidence.add("table " + t.name
                + (t.live() ? " exists in the database now" : " is created by an earlier pending statement")
                + " with column(s) "
                + String.join(
                        ", ",
                        t.columns.values().stream().map(ModelTable.Col::name).toList()));
        evidence.add(
                lacking.isEmpty()
                        ? "it has every column this statement creates: it may be this migration's table, made by hand"
                        : "it lacks " + String.join(", ", lacking) + ": it is not the table this statement creates");
        String aside = t.name + "_old";
        sim.add(site.finding(
                FindingKind.TABLE_ALREADY_EXISTS,
                Severity.ERROR,
                "table " + t.name + " already exists",
                evidence,
                new PreflightFinding.Fix(
                        "move the existing table aside first (its rows are kept), then compare and copy what it"
                                + " holds"
                                + (lacking.isEmpty()
                                        ? "; or, if it is this migration's table, write CREATE TABLE IF NOT EXISTS"
                                        : ""),
                        List.of(sim.fixSql.renameTable(t.name, aside)),
                        List.of("move-aside-existing-table", "adopt-existing-object")),
                null));
    }

    void drop(Site site, Effect.DropTable e) {
        Optional<ModelTable> t = model.table(e.schema(), e.table());
        if (t.isEmpty()) {
            if (!e.ifExists()) {
                sim.missingTable(site, e.schema(), e.table(), "the table this DROP names");
            }
            return;
        }
        sim.lock(site, t.get(), false, "drops the table");
        Set<String> droppedHere = new HashSet<>();
        site.statement().effects().stream()
                .filter(x -> x instanceof Effect.DropTable)
                .map(x -> ((Effect.DropTable) x).table())
                .forEach(n -> droppedHere.add(n.toLowerCase(Locale.ROOT)));
        if (!site.sql().matches("(?is).*\\bCASCADE\\b.*")) {
            sim.constraints.referencing(t.get()).stream()
                    .filter(r -> !droppedHere.contains(r[0].toLowerCase(Locale.ROOT)))
                    .findFirst()
                    .ifPresent(r -> sim.add(site.finding(
                            FindingKind.DEPENDENT_OBJECTS,
                            Severity.ERROR,
                            "table " + t.get().name + " is referenced by foreign key " + r[1] + " of table " + r[0],
                            List.of("foreign key " + r[1] + " on " + r[0] + " references " + t.get().name),
                            new PreflightFinding.Fix(
                                    "drop the foreign key (or the referencing table) first",
                                    List.of(dropForeignKey(r[0], r[1])),
                                    List.of()),
                            null)));
        }
        model.remove(t.get());
    }

    private String dropForeignKey(String table, String name) {
        return "ALTER TABLE " + sim.fixSql.q(table)
                + (model.engine() == Engine.POSTGRESQL ? " DROP CONSTRAINT " : " DROP FOREIGN KEY ")
                + sim.fixSql.q(name);
    }

    void rename(Site site, Effect.RenameTable e) {
        Optional<ModelTable> from = sim.table(site, e.schema(), e.from());
        if (from.isEmpty()) {
            return;
        }
        Optional<ModelTable> to = model.table(e.toSchema() != null ? e.toSchema() : e.schema(), e.to());
        if (to.isPresent()) {
            sim.add(site.finding(
                    FindingKind.TABLE_ALREADY_EXISTS,
                    Severity.ERROR,
                    "table " + e.to() + " already exists, so " + e.from() + " cannot take its name",
                    List.of("table " + to.get().name
                            + (to.get().live() ? " exists now" : " is created by an earlier pending statement")),
                    new PreflightFinding.Fix(
                            "rename to a free name, or move " + e.to() + " aside first",
                            List.of(sim.fixSql.renameTable(e.to(), e.to() + "_old")),
                            List.of("move-aside-existing-table")),
                    null));
            return;
        }
        sim.lock(site, from.get(), false, "renames the table");
        model.rename(from.get(), e.to());
    }
}
