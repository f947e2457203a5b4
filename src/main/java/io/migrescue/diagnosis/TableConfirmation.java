package io.migrescue.diagnosis;

import io.migrescue.model.Table;
import io.migrescue.sql.Effect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Confirms a table that exists or is missing against the catalog: does it match, where did it go. */
final class TableConfirmation extends ErrorCheck {
    TableConfirmation(CatalogLookup lookup, DiagnosisInput input) {
        super(lookup, input);
    }

    Finding tableExists() {
        String name = tableOfError();
        Optional<Table> existing = tableNow(name);
        if (existing.isEmpty()) {
            return staleError(
                    FindingKind.TABLE_ALREADY_EXISTS,
                    "table " + name + " does not exist now: the error text is older than the database state",
                    Diagnoser.objects("table", name));
        }
        Table t = existing.get();
        List<String> evidence = new ArrayList<>();
        evidence.add("table " + t.qualifiedName() + " exists with columns (" + columnList(t.columns()) + ")");
        boolean matches = false;
        Optional<Effect.CreateTable> create = input.failingEffects().stream()
                .filter(Effect.CreateTable.class::isInstance)
                .map(Effect.CreateTable.class::cast)
                .filter(c -> lookup.sameName(t.name(), c.table()))
                .findFirst();
        if (create.isPresent()) {
            List<String> wanted =
                    create.get().columns().stream().map(Effect.ColumnDef::name).toList();
            evidence.add("the migration creates it with columns (" + String.join(", ", wanted) + ")");
            matches = wanted.size() == t.columns().size() && wanted.stream().allMatch(w -> lookup.hasColumn(t, w));
            evidence.add(
                    matches
                            ? "the existing table has exactly the intended columns: it can be adopted"
                            : "the existing table differs from the intended one: move it aside or reconcile by hand");
        }
        return plain(
                FindingKind.TABLE_ALREADY_EXISTS,
                "table " + t.qualifiedName() + " already exists",
                evidence,
                Diagnoser.objects(
                        "table",
                        t.name(),
                        "schema",
                        t.schema(),
                        "matches",
                        create.isPresent() ? String.valueOf(matches) : null),
                false,
                matches,
                false);
    }

    Finding missingTable() {
        String name = firstNonNull(o.table(), o.referencedTable());
        if (name == null) {
            return plain(FindingKind.MISSING_TABLE, summaryFromError(), List.of(), Map.of(), false, false, false);
        }
        Optional<Table> now = lookup.table(o.schema(), name);
        if (now.isPresent()) {
            return staleError(
                    FindingKind.MISSING_TABLE,
                    "table " + now.get().qualifiedName()
                            + " exists now: the error text is older than the database state",
                    Diagnoser.objects("table", name));
        }
        List<Table> elsewhere = new ArrayList<>(lookup.lookalikes(o.schema(), name));
        input.tablesElsewhere().stream()
                .filter(s -> s.name().equalsIgnoreCase(name))
                .filter(s -> elsewhere.stream()
                        .noneMatch(
                                t -> t.schema().equals(s.schema()) && t.name().equals(s.name())))
                .forEach(s -> elsewhere.add(new Table(s.schema(), s.name(), List.of(), List.of(), List.of())));
        List<String> evidence = new ArrayList<>();
        String schema = lookup.schemaOf(o.schema());
        evidence.add("no table " + name + " in " + schema);
        for (Table t : elsewhere) {
            evidence.add(
                    t.schema().equals(schema)
                            ? "a table " + t.name() + " exists in another letter case: names are case-sensitive here"
                            : "a table " + t.name() + " exists in schema " + t.schema()
                                    + ": is it off the search path, or did it move?" + " (--schema " + t.schema()
                                    + " brings it into scope)");
        }
        if (elsewhere.isEmpty()) {
            evidence.add("not found in any schema in scope (add --schema to look further)");
        }
        return plain(
                FindingKind.MISSING_TABLE,
                "table " + name + " does not exist in " + schema
                        + (elsewhere.isEmpty()
                                ? ""
                                : " (found as " + elsewhere.get(0).qualifiedName() + ")"),
                evidence,
                Diagnoser.objects(
                        "table",
                        name,
                        "schema",
                        schema,
                        "foundIn",
                        elsewhere.isEmpty() ? null : elsewhere.get(0).schema(),
                        "foundAs",
                        elsewhere.isEmpty() ? null : elsewhere.get(0).name()),
                false,
                false,
                false);
    }
}
