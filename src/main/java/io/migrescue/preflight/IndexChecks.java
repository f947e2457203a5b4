package io.migrescue.preflight;

import io.migrescue.diagnosis.DataQuestion;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.Severity;
import io.migrescue.history.MigrationTools;
import io.migrescue.model.Engine;
import io.migrescue.sql.Effect;
import java.util.List;
import java.util.Optional;

/**
 * CREATE / DROP / RENAME INDEX: the name free (per schema on PostgreSQL, per table on MySQL/MariaDB), the columns
 * there, no duplicates under a unique one, and {@code CONCURRENTLY} outside a transaction.
 */
record IndexChecks(Simulator sim, ConstraintChecks keys) {

    void create(Site site, ModelTable t, Effect.CreateIndex e) {
        boolean ifNotExists = site.sql().matches("(?is).*\\bIF\\s+NOT\\s+EXISTS\\b.*");
        if (e.name() != null) {
            Optional<String> holder = sim.model.engine() == Engine.POSTGRESQL
                    ? sim.model.relationHolder(t.schema, e.name())
                    : Optional.ofNullable(t.indexes.get(sim.model.key(e.name())))
                            .map(i -> "an index of table " + t.name);
            if (holder.isPresent()) {
                if (!ifNotExists) {
                    sim.add(site.finding(
                            FindingKind.DUPLICATE_INDEX_NAME,
                            Severity.ERROR,
                            "the index name " + e.name() + " is taken by " + holder.get(),
                            List.of(holder.get() + " holds the name " + e.name()
                                    + (sim.model.engine() == Engine.POSTGRESQL
                                            ? " (index names are unique per schema on PostgreSQL, tables included)"
                                            : "")),
                            new PreflightFinding.Fix(
                                    "give the index another name, or write CREATE INDEX IF NOT EXISTS if it is the same"
                                            + " index",
                                    List.of(),
                                    List.of("adopt-existing-object"),
                                    sameIndex(t, e)
                                            ? e.concurrently()
                                                    ? null
                                                    : site.sql()
                                                            .replaceFirst("(?i)\\bINDEX\\s+", "INDEX IF NOT EXISTS ")
                                            : null),
                            null));
                }
                return;
            }
        }
        if (t.columnsKnown) {
            for (String col : e.columns()) {
                if (col.matches("[\\w$]+") && !t.columns.containsKey(sim.model.key(col))) {
                    new ColumnChecks(sim).column(site, t, col);
                    return;
                }
            }
        }
        if (e.concurrently() && site.migration().inTransaction()) {
            sim.add(site.finding(
                    FindingKind.TRANSACTION_CONTEXT,
                    Severity.ERROR,
                    "CREATE INDEX CONCURRENTLY inside a transaction:" + " PostgreSQL refuses it (25001)",
                    List.of(site.migration().tool() + " runs migration "
                            + site.migration().id() + " in one transaction"),
                    new PreflightFinding.Fix(
                            "run this migration outside a transaction ("
                                    + MigrationTools.factsOf(site.migration().tool())
                                            .transactionOptOut(site.migration().file())
                                    + "), or put the index in a migration of its own that does",
                            List.of(),
                            List.of()),
                    null));
        } else if (e.concurrently()) {
            MigrationTools.factsOf(site.migration().tool())
                    .concurrentIndexHazard()
                    .ifPresent(hazard -> sim.notes.add("statement "
                            + site.statement().statement().number() + " of "
                            + site.migration().id()
                            + " builds an index concurrently outside a transaction: " + hazard
                            + ": set that option to false"));
        }
        sim.lock(
                site,
                t,
                !e.concurrently(),
                e.concurrently() ? "builds an index concurrently" : "builds an index (writes wait)");
        List<String> live = keys.liveColumns(t, e.columns());
        if (e.unique() && t.live() && live != null && !sim.rowsChanged.containsKey(sim.rowsKey(t))) {
            List<String> pk = t.primaryKey();
            String key = pk.size() == 1 && !pk.equals(e.columns()) ? pk.get(0) : null;
            sim.add(site.finding(
                    FindingKind.DUPLICATE_ROWS,
                    Severity.ERROR,
                    "rows of " + t.name + " share a value of (" + String.join(", ", e.columns())
                            + "), which the unique index refuses",
                    List.of(),
                    new PreflightFinding.Fix(
                            "remove or change the duplicates first"
                                    + (key == null
                                            ? ""
                                            : " (this keeps the row with" + " the lowest " + key
                                                    + " of each; back them up first)"),
                            key == null ? List.of() : List.of(sim.fixSql.deleteDuplicates(t.name, e.columns(), key)),
                            List.of("fix-duplicate-rows")),
                    new PreflightFinding.Confirm.Rows(new DataQuestion.DuplicateKeys(t.liveSchema, t.liveName, live))));
        }
        String name = e.name() != null ? e.name() : t.name + "_" + String.join("_", e.columns()) + "_idx";
        t.engineNamed |= e.name() == null;
        t.indexes.put(sim.model.key(name), new ModelTable.Idx(name, e.columns(), e.unique(), false));
    }

    private boolean sameIndex(ModelTable t, Effect.CreateIndex e) {
        ModelTable.Idx i = t.indexes.get(sim.model.key(e.name()));
        return i != null
                && i.unique() == e.unique()
                && i.columns().stream()
                        .map(sim.model::key)
                        .toList()
                        .equals(e.columns().stream().map(sim.model::key).toList());
    }

    void drop(Site site, Effect.DropIndex e) {
        Optional<ModelTable> holder = e.table() != null
                ? sim.model.table(e.schema(), e.table())
                : sim.model.tables().stream()
                        .filter(t -> t.schema.equals(sim.model.schemaOf(e.schema()))
                                && t.indexes.containsKey(sim.model.key(e.name())))
                        .findFirst();
        if (e.table() != null && holder.isEmpty()) {
            if (!site.ifExists()) {
                sim.missingTable(site, e.schema(), e.table(), "the table of the index");
            }
            return;
        }
        ModelTable t = holder.orElse(null);
        if (t == null || t.indexes.remove(sim.model.key(e.name())) == null) {
            boolean named =
                    t != null ? t.engineNamed : sim.model.tables().stream().anyMatch(x -> x.engineNamed);
            if (!site.ifExists() && !named) {
                sim.add(sim.missing(
                        site,
                        FindingKind.MISSING_OBJECT_ON_DROP,
                        "index " + e.name() + " does not exist",
                        List.of("no index " + e.name()
                                + (t == null ? " in " + sim.model.schemaOf(e.schema()) : " on " + t.name)),
                        new PreflightFinding.Fix(
                                "correct the name, or write DROP INDEX IF EXISTS", List.of(), List.of())));
            }
            return;
        }
        if (sim.model.engine() != Engine.POSTGRESQL) {
            t.constraints.remove(sim.model.key(e.name())); // a unique key is its index on MySQL/MariaDB
        }
        sim.lock(site, t, false, "drops an index");
    }

    void rename(Site site, ModelTable t, String from, String to) {
        ModelTable.Idx i = t.indexes.remove(sim.model.key(from));
        if (i == null) {
            if (!t.engineNamed) {
                sim.add(sim.missing(
                        site,
                        FindingKind.MISSING_OBJECT_ON_DROP,
                        "index " + from + " does not exist on " + t.name,
                        t.held("indexes", t.indexes.values().stream().map(ModelTable.Idx::name)),
                        new PreflightFinding.Fix("correct the name", List.of(), List.of())));
            }
            return;
        }
        t.indexes.put(sim.model.key(to), new ModelTable.Idx(to, i.columns(), i.unique(), i.primary()));
    }
}
