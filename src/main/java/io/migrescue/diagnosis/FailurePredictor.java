package io.migrescue.diagnosis;

import io.migrescue.model.Engine;
import io.migrescue.model.Table;
import io.migrescue.sql.Effect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Says, from the catalog alone, why a statement that is not in effect would fail if it ran now: the cases the field
 * meets again and again (a foreign key name another table still holds after a RENAME TABLE, a table or index name
 * already taken).
 */
final class FailurePredictor {
    private final CatalogLookup lookup;

    FailurePredictor(CatalogLookup lookup) {
        this.lookup = lookup;
    }

    Optional<String> predict(List<Effect> effects) {
        List<String> reasons = new ArrayList<>();
        for (Effect effect : effects) {
            if (effect instanceof Effect.CreateTable e) {
                lookup.table(e.schema(), e.table()).ifPresent(t -> reasons.add("table " + t.name() + " already exists"));
                for (Effect.ConstraintDef c : e.constraints()) {
                    heldElsewhere(e.schema(), e.table(), c).ifPresent(reasons::add);
                }
            } else if (effect instanceof Effect.AddConstraint e) {
                heldElsewhere(e.schema(), e.table(), e.constraint()).ifPresent(reasons::add);
            } else if (effect instanceof Effect.CreateIndex e) {
                List<Table> holders = lookup.engine() == Engine.POSTGRESQL ? lookup.indexHolders(e.schema(), e.name())
                        : lookup.table(e.schema(), e.table()).filter(t -> lookup.index(t, e.name()).isPresent()).stream().toList();
                holders.stream().findFirst().ifPresent(t -> reasons.add("index name " + e.name() + " is taken by " + t.name()));
            } else if (effect instanceof Effect.AddColumn e) {
                lookup.table(e.schema(), e.table()).filter(t -> lookup.hasColumn(t, e.column().name()))
                        .ifPresent(t -> reasons.add("column " + t.name() + "." + e.column().name() + " already exists"));
            } else if (effect instanceof Effect.RenameTable e) {
                lookup.table(e.toSchema() != null ? e.toSchema() : e.schema(), e.to())
                        .ifPresent(t -> reasons.add("table " + t.name() + " already exists"));
            }
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of("would fail: " + String.join("; ", reasons));
    }

    /**
     * MySQL/MariaDB: foreign key names are unique per schema (errno 121 / error 1826). PostgreSQL: constraint names
     * are per table, but a primary key or unique constraint makes an index, whose name is schema-wide (42P07).
     */
    private Optional<String> heldElsewhere(String schema, String table, Effect.ConstraintDef c) {
        if (c.name() == null) {
            return Optional.empty();
        }
        boolean makesIndex = "PRIMARY_KEY".equals(c.kind()) || "UNIQUE".equals(c.kind());
        List<Table> holders;
        if (lookup.engine().isMySqlFamily()) {
            holders = "FOREIGN_KEY".equals(c.kind()) ? lookup.constraintHolders(schema, c.name()) : List.of();
        } else {
            holders = makesIndex ? lookup.indexHolders(schema, c.name()) : List.of();
        }
        return holders.stream().filter(t -> !t.name().equals(table)).findFirst()
                .map(t -> "constraint name " + c.name() + " is held by table " + t.name()
                        + (lookup.engine().isMySqlFamily() ? " (foreign key names are unique per schema on MySQL/MariaDB)" : ""));
    }
}
