package io.migrescue.diagnosis;

import io.migrescue.model.Column;
import io.migrescue.model.Table;
import io.migrescue.sql.Effect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Confirms a duplicate or missing column against the catalog: does the existing column match the intended one. */
final class ColumnConfirmation extends ErrorCheck {
    ColumnConfirmation(CatalogLookup lookup, DiagnosisInput input) {
        super(lookup, input);
    }

    Finding duplicateColumn() {
        String tableName = tableOfError();
        Optional<Table> table = tableNow(tableName);
        Optional<Column> column = table.flatMap(t -> t.columns().stream()
                .filter(c -> lookup.sameName(c.name(), o.column()))
                .findFirst());
        if (column.isEmpty()) {
            return staleError(
                    FindingKind.DUPLICATE_COLUMN,
                    "column " + tableName + "." + o.column()
                            + " does not exist now: the error text is older than the database state",
                    Diagnoser.objects("table", tableName, "column", o.column()));
        }
        Column c = column.get();
        List<String> evidence = new ArrayList<>();
        evidence.add(
                "column " + tableName + "." + c.name() + " exists: " + c.type() + (c.nullable() ? " NULL" : " NOT NULL")
                        + (c.defaultValue() == null ? "" : " DEFAULT " + c.defaultValue()));
        boolean matches = false;
        Optional<Effect.ColumnDef> intended = input.failingEffects().stream()
                .filter(Effect.AddColumn.class::isInstance)
                .map(e -> ((Effect.AddColumn) e).column())
                .filter(d -> lookup.sameName(c.name(), d.name()))
                .findFirst();
        if (intended.isPresent()) {
            Effect.ColumnDef d = intended.get();
            matches =
                    TypeNames.normalize(d.type()).equals(TypeNames.normalize(c.type())) && d.nullable() == c.nullable();
            evidence.add("the migration adds it as " + d.type() + (d.nullable() ? " NULL" : " NOT NULL")
                    + (matches ? ": the same, so it can be adopted" : ": different"));
        }
        return plain(
                FindingKind.DUPLICATE_COLUMN,
                "column " + tableName + "." + c.name() + " already exists",
                evidence,
                Diagnoser.objects(
                        "table",
                        tableName,
                        "column",
                        c.name(),
                        "matches",
                        intended.isPresent() ? String.valueOf(matches) : null),
                false,
                matches,
                false);
    }

    Finding missingColumn() {
        String tableName = tableOfError();
        Optional<Table> table = tableNow(tableName);
        List<String> evidence = new ArrayList<>();
        boolean stale = false;
        if (table.isPresent()) {
            Table t = table.get();
            if (o.column() != null
                    && t.columns().stream().anyMatch(c -> c.name().equals(o.column()))) {
                evidence.add("column " + t.name() + "." + o.column()
                        + " exists now: the error text is older than the database state");
                stale = true;
            } else {
                evidence.add("table " + t.name() + " has columns (" + columnList(t.columns()) + ")");
                t.columns().stream()
                        .filter(c -> o.column() != null && c.name().equalsIgnoreCase(o.column()))
                        .findFirst()
                        .ifPresent(c -> evidence.add("a column " + c.name() + " exists in another letter case"));
            }
        }
        return plain(
                FindingKind.MISSING_COLUMN,
                summaryFromError(),
                evidence,
                Diagnoser.objects("table", tableName, "column", o.column()),
                false,
                false,
                stale);
    }
}
