package io.migrescue.diagnosis;

import io.migrescue.model.Constraint;
import io.migrescue.model.Table;
import io.migrescue.sql.Effect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Confirms a duplicate constraint or index name against the catalog: which table holds the name now. */
final class ConstraintNameConfirmation extends ErrorCheck {
    ConstraintNameConfirmation(CatalogLookup lookup, DiagnosisInput input) {
        super(lookup, input);
    }

    Finding duplicateConstraint() {
        String table = tableOfError();
        List<Effect.ConstraintDef> intended = intendedConstraints();
        List<String> names = new ArrayList<>();
        if (o.constraint() != null) {
            names.add(o.constraint());
        }
        intended.stream()
                .map(Effect.ConstraintDef::name)
                .filter(n -> n != null && !names.contains(n))
                .forEach(names::add);

        List<String> evidence = new ArrayList<>();
        String heldName = null;
        Table holder = null;
        for (String name : names) {
            List<Table> holders = new ArrayList<>(lookup.constraintHolders(o.schema(), name));
            if (lookup.engine() == io.migrescue.model.Engine.POSTGRESQL) {
                lookup.indexHolders(o.schema(), name).stream()
                        .filter(t -> !holders.contains(t))
                        .forEach(holders::add);
            }
            if (!holders.isEmpty()) {
                heldName = name;
                holder = holders.get(0);
                break;
            }
        }
        if (holder == null) {
            String what = names.isEmpty() ? "the constraint" : "a constraint named " + String.join(" or ", names);
            evidence.add("the database has no " + what.replaceFirst("^the ", "")
                    + " now: the error text is older than the database state");
            return plain(
                    FindingKind.DUPLICATE_CONSTRAINT_NAME,
                    summaryFromError(),
                    evidence,
                    Diagnoser.objects("table", table, "constraint", names.isEmpty() ? null : names.get(0)),
                    false,
                    false,
                    true);
        }
        String live = describeHeld(holder, heldName);
        evidence.add("constraint " + heldName + " is held by table " + holder.name() + ": " + live);
        String finalHeldName = heldName;
        intended.stream()
                .filter(c -> finalHeldName.equals(c.name()))
                .findFirst()
                .ifPresent(c -> evidence.add("the migration wants it on table " + table + ": " + ConstraintText.of(c)));
        if (lookup.engine().isMySqlFamily()) {
            evidence.add("on MySQL/MariaDB foreign key names are unique per schema, and RENAME TABLE keeps them:"
                    + " a table renamed aside still holds the old names");
        }
        boolean sameTable = table != null && lookup.sameName(holder.name(), table);
        String summary = "constraint name " + heldName
                + (sameTable
                        ? " already exists on " + holder.name()
                        : " is held by table " + holder.name()
                                + (table == null ? "" : ", so " + table + " cannot take it"));
        return plain(
                FindingKind.DUPLICATE_CONSTRAINT_NAME,
                summary,
                evidence,
                Diagnoser.objects(
                        "table", table, "constraint", heldName, "heldBy", holder.name(), "schema", holder.schema()),
                sameTable,
                false,
                false);
    }

    private String describeHeld(Table holder, String name) {
        Optional<Constraint> c = lookup.constraint(holder, name);
        if (c.isPresent()) {
            return ConstraintText.of(c.get());
        }
        return lookup.index(holder, name)
                .map(i -> (i.unique() ? "UNIQUE " : "") + "INDEX (" + String.join(", ", i.columns()) + ")")
                .orElse(name);
    }

    Finding duplicateIndex() {
        String name = o.index() != null ? o.index() : o.constraint();
        List<Table> holders = name == null ? List.of() : lookup.indexHolders(o.schema(), name);
        if (holders.isEmpty()) {
            return staleError(
                    FindingKind.DUPLICATE_INDEX_NAME,
                    "no index named " + name + " now: the error text is older than the database state",
                    Diagnoser.objects("index", name, "table", o.table()));
        }
        Table holder = holders.get(0);
        var index = lookup.index(holder, name).orElseThrow();
        return plain(
                FindingKind.DUPLICATE_INDEX_NAME,
                "index name " + name + " is taken by an index on " + holder.name(),
                List.of("index " + name + " on " + holder.qualifiedName() + " (" + String.join(", ", index.columns())
                        + ")" + (index.unique() ? " unique" : "") + ", " + index.method()),
                Diagnoser.objects("index", name, "table", o.table(), "heldBy", holder.name()),
                false,
                false,
                false);
    }
}
