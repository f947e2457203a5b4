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

    /**
     * Why a statement would fail if it ran now, as the finding its error would have been: the kind, the objects its
     * message would name, and the reason in words.
     */
    record Cause(FindingKind kind, ErrorObjects objects, String reason) {}

    Optional<String> predict(List<Effect> effects) {
        List<String> reasons = causes(effects).stream().map(Cause::reason).toList();
        return reasons.isEmpty() ? Optional.empty() : Optional.of("would fail: " + String.join("; ", reasons));
    }

    List<Cause> causes(List<Effect> effects) {
        List<Cause> causes = new ArrayList<>();
        for (Effect effect : effects) {
            if (effect instanceof Effect.CreateTable e) {
                lookup.table(e.schema(), e.table())
                        .ifPresent(t -> causes.add(new Cause(
                                FindingKind.TABLE_ALREADY_EXISTS,
                                objects(e.schema(), t.name(), null, null, null),
                                "table " + t.name() + " already exists")));
                for (Effect.ConstraintDef c : e.constraints()) {
                    heldElsewhere(e.schema(), e.table(), c).ifPresent(causes::add);
                }
            } else if (effect instanceof Effect.AddConstraint e) {
                heldElsewhere(e.schema(), e.table(), e.constraint()).ifPresent(causes::add);
            } else if (effect instanceof Effect.CreateIndex e) {
                List<Table> holders = lookup.engine() == Engine.POSTGRESQL
                        ? lookup.indexHolders(e.schema(), e.name())
                        : lookup
                                .table(e.schema(), e.table())
                                .filter(t -> lookup.index(t, e.name()).isPresent())
                                .stream()
                                .toList();
                holders.stream()
                        .findFirst()
                        .ifPresent(t -> causes.add(new Cause(
                                FindingKind.DUPLICATE_INDEX_NAME,
                                objects(e.schema(), e.table(), null, null, e.name()),
                                "index name " + e.name() + " is taken by " + t.name())));
            } else if (effect instanceof Effect.AddColumn e) {
                lookup.table(e.schema(), e.table())
                        .filter(t -> lookup.hasColumn(t, e.column().name()))
                        .ifPresent(t -> causes.add(new Cause(
                                FindingKind.DUPLICATE_COLUMN,
                                objects(e.schema(), t.name(), null, e.column().name(), null),
                                "column " + t.name() + "." + e.column().name() + " already exists")));
            } else if (effect instanceof Effect.RenameTable e) {
                String schema = e.toSchema() != null ? e.toSchema() : e.schema();
                lookup.table(schema, e.to())
                        .ifPresent(t -> causes.add(new Cause(
                                FindingKind.TABLE_ALREADY_EXISTS,
                                objects(schema, t.name(), null, null, null),
                                "table " + t.name() + " already exists")));
            }
        }
        return causes;
    }

    private static ErrorObjects objects(String schema, String table, String constraint, String column, String index) {
        return new ErrorObjects(schema, table, constraint, column, index, null, null);
    }

    /**
     * MySQL/MariaDB: foreign key names are unique per schema (errno 121 / error 1826). PostgreSQL: constraint names
     * are per table, but a primary key or unique constraint makes an index, whose name is schema-wide (42P07).
     */
    private Optional<Cause> heldElsewhere(String schema, String table, Effect.ConstraintDef c) {
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
        return holders.stream()
                .filter(t -> !t.name().equals(table))
                .findFirst()
                .map(t -> new Cause(
                        FindingKind.DUPLICATE_CONSTRAINT_NAME,
                        objects(schema, table, c.name(), null, null),
                        "constraint name " + c.name() + " is held by table " + t.name()
                                + (lookup.engine().isMySqlFamily()
                                        ? " (foreign key names are unique per schema on MySQL/MariaDB)"
                                        : "")));
    }
}
