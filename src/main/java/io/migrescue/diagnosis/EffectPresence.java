package io.migrescue.diagnosis;

import io.migrescue.model.Column;
import io.migrescue.model.Constraint;
import io.migrescue.model.ConstraintType;
import io.migrescue.model.Table;
import io.migrescue.sql.Effect;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Is a statement's intended effect visible in the live catalog? One answer per effect, with the reason. */
public final class EffectPresence {
    private final CatalogLookup lookup;

    public EffectPresence(CatalogLookup lookup) {
        this.lookup = lookup;
    }

    /** The effect's presence; where the server keeps a name other than the one written, the reason says so. */
    public Presence check(Effect effect) {
        Presence presence = presence(effect);
        List<String> notes = EffectNames.of(effect).stream()
                .map(lookup::storedNote)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        return notes.isEmpty()
                ? presence
                : new Presence(presence.state(), presence.reason() + " (" + String.join("; ", notes) + ")");
    }

    private Presence presence(Effect effect) {
        if (effect instanceof Effect.CreateTable e) {
            return lookup.table(e.schema(), e.table())
                    .map(t -> createdTable(t, e))
                    .orElseGet(() -> Presence.absent("table " + e.table() + " does not exist"));
        }
        if (effect instanceof Effect.DropTable e) {
            return lookup.table(e.schema(), e.table()).isPresent()
                    ? Presence.absent("table " + e.table() + " still exists")
                    : Presence.present("table " + e.table() + " is gone");
        }
        if (effect instanceof Effect.RenameTable e) {
            boolean target = lookup.table(e.toSchema() != null ? e.toSchema() : e.schema(), e.to())
                    .isPresent();
            boolean source = lookup.table(e.schema(), e.from()).isPresent();
            if (target) {
                return Presence.present(
                        "table " + e.to() + " exists" + (source ? " (and a table " + e.from() + " exists again)" : ""));
            }
            return source
                    ? Presence.absent("table " + e.from() + " still has its old name")
                    : Presence.unknown("neither " + e.from() + " nor " + e.to() + " exists");
        }
        if (effect instanceof Effect.AddColumn e) {
            return withTable(
                    e.schema(),
                    e.table(),
                    t -> lookup.hasColumn(t, e.column().name())
                            ? Presence.present(
                                    "column " + e.table() + "." + e.column().name() + " exists")
                            : Presence.absent(
                                    "column " + e.table() + "." + e.column().name() + " does not exist"));
        }
        if (effect instanceof Effect.DropColumn e) {
            return withTableForDrop(
                    e.schema(),
                    e.table(),
                    t -> lookup.hasColumn(t, e.column())
                            ? Presence.absent("column " + e.table() + "." + e.column() + " still exists")
                            : Presence.present("column " + e.table() + "." + e.column() + " is gone"));
        }
        if (effect instanceof Effect.RenameColumn e) {
            return withTable(e.schema(), e.table(), t -> {
                boolean to = lookup.hasColumn(t, e.to());
                boolean from = lookup.hasColumn(t, e.from());
                if (to && !from) {
                    return Presence.present("column " + e.table() + "." + e.to() + " exists");
                }
                return from
                        ? Presence.absent("column " + e.table() + "." + e.from() + " still has its old name")
                        : Presence.unknown("neither " + e.from() + " nor " + e.to() + " is a column of " + e.table());
            });
        }
        if (effect instanceof Effect.ModifyColumn e) {
            return withTable(e.schema(), e.table(), t -> modifiedColumn(t, e));
        }
        if (effect instanceof Effect.AddConstraint e) {
            return withTable(e.schema(), e.table(), t -> addedConstraint(t, e.constraint()));
        }
        if (effect instanceof Effect.DropConstraint e) {
            // a unique constraint may show as its index only; a plain index of that name is what MySQL keeps of a
            // dropped foreign key (its supporting index stays), so it does not mean the constraint is still there
            return withTableForDrop(
                    e.schema(),
                    e.table(),
                    t -> lookup.constraint(t, e.name()).isPresent()
                                    || lookup.index(t, e.name())
                                            .filter(i -> i.unique() || i.primary())
                                            .isPresent()
                            ? Presence.absent("constraint " + e.name() + " still exists on " + e.table())
                            : Presence.present("constraint " + e.name() + " is gone from " + e.table()));
        }
        if (effect instanceof Effect.CreateIndex e) {
            return withTable(
                    e.schema(),
                    e.table(),
                    t -> lookup.index(t, e.name())
                            .map(i -> i.valid()
                                    ? Presence.present("index " + e.name() + " exists on " + e.table())
                                    : Presence.absent(
                                            "index " + e.name() + " exists but is INVALID (its build failed)"))
                            .orElseGet(() -> Presence.absent("index " + e.name() + " does not exist on " + e.table())));
        }
        if (effect instanceof Effect.DropIndex e) {
            List<Table> holders = e.table() != null
                    ? lookup.table(e.schema(), e.table()).stream()
                            .filter(t -> lookup.index(t, e.name()).isPresent())
                            .toList()
                    : lookup.indexHolders(e.schema(), e.name());
            return holders.isEmpty()
                    ? Presence.present("index " + e.name() + " is gone")
                    : Presence.absent("index " + e.name() + " still exists on "
                            + holders.get(0).name());
        }
        if (effect instanceof Effect.RenameIndex e) {
            return withTable(
                    e.schema(),
                    e.table(),
                    t -> lookup.index(t, e.to()).isPresent()
                            ? Presence.present("index " + e.to() + " exists on " + e.table())
                            : lookup.index(t, e.from()).isPresent()
                                    ? Presence.absent("index " + e.from() + " still has its old name")
                                    : Presence.unknown(
                                            "neither " + e.from() + " nor " + e.to() + " is an index of " + e.table()));
        }
        if (effect instanceof Effect.SetColumnDefault e) {
            return withTable(
                    e.schema(),
                    e.table(),
                    t -> t.columns().stream()
                            .filter(c -> lookup.sameName(c.name(), e.column()))
                            .findFirst()
                            .map(c -> sameDefault(c.defaultValue(), e.defaultValue())
                                    ? Presence.present(
                                            "column " + e.table() + "." + e.column() + " has the intended default")
                                    : Presence.absent("column " + e.table() + "." + e.column() + " has default "
                                            + c.defaultValue()))
                            .orElseGet(() ->
                                    Presence.absent("column " + e.table() + "." + e.column() + " does not exist")));
        }
        if (effect instanceof Effect.RenameConstraint e) {
            return withTable(
                    e.schema(),
                    e.table(),
                    t -> lookup.constraint(t, e.to()).isPresent()
                            ? Presence.present("constraint " + e.to() + " exists on " + e.table())
                            : lookup.constraint(t, e.from()).isPresent()
                                    ? Presence.absent("constraint " + e.from() + " still has its old name")
                                    : Presence.unknown("neither " + e.from() + " nor " + e.to() + " is a constraint of "
                                            + e.table()));
        }
        Effect.Other other = (Effect.Other) effect;
        return Presence.unknown(
                "not checkable from the catalog" + (other.reason() == null ? "" : " (" + other.reason() + ")"));
    }

    private Presence createdTable(Table table, Effect.CreateTable e) {
        List<String> missing = e.columns().stream()
                .map(Effect.ColumnDef::name)
                .filter(c -> !lookup.hasColumn(table, c))
                .toList();
        if (!missing.isEmpty()) {
            return Presence.unknown("a table " + table.name() + " exists but lacks column(s) "
                    + String.join(", ", missing) + ": it is not the table this statement creates");
        }
        return Presence.present("table " + table.name() + " exists with the intended columns");
    }

    private Presence modifiedColumn(Table table, Effect.ModifyColumn e) {
        String name = e.newName() != null ? e.newName() : e.column();
        Optional<Column> column = table.columns().stream()
                .filter(c -> lookup.sameName(c.name(), name))
                .findFirst();
        if (column.isEmpty()) {
            return e.newName() != null && lookup.hasColumn(table, e.column())
                    ? Presence.absent("column " + e.table() + "." + e.column() + " still has its old name")
                    : Presence.unknown("column " + e.table() + "." + name + " does not exist");
        }
        Column c = column.get();
        if (e.nullable() != null && e.nullable() != c.nullable()) {
            return Presence.absent(
                    "column " + e.table() + "." + name + " is " + (c.nullable() ? "nullable" : "NOT NULL"));
        }
        if (e.type() != null) {
            String live = TypeNames.normalize(c.type());
            String intended = TypeNames.normalize(e.type());
            if (!live.equals(intended)) {
                return TypeNames.comparable(intended)
                        ? Presence.absent("column " + e.table() + "." + name + " is " + c.type() + ", not " + e.type())
                        : Presence.unknown("column " + e.table() + "." + name + " is " + c.type()
                                + "; cannot compare with " + e.type());
            }
        }
        return Presence.present("column " + e.table() + "." + name + " is as intended");
    }

    private Presence addedConstraint(Table table, Effect.ConstraintDef def) {
        if (def.name() != null) {
            Optional<Constraint> named = lookup.constraint(table, def.name());
            if (named.isPresent()) {
                return Presence.present("constraint " + def.name() + " exists on " + table.name());
            }
            if (lookup.index(table, def.name()).isPresent()
                    && !"FOREIGN_KEY".equals(def.kind())
                    && !"CHECK".equals(def.kind())) {
                return Presence.present("index " + def.name() + " exists on " + table.name());
            }
            return Presence.absent("constraint " + def.name() + " does not exist on " + table.name());
        }
        // Unnamed: the server chose a name; look for one with the same kind and columns (a CHECK: the same expression,
        // since its columns are the ones the expression reads, which the statement does not list)
        if ("CHECK".equals(def.kind())) {
            boolean check = table.constraints().stream()
                    .anyMatch(c ->
                            c.type() == ConstraintType.CHECK && sameCheck(c.checkExpression(), def.checkExpression()));
            return check
                    ? Presence.present("a check (" + def.checkExpression() + ") exists on " + table.name())
                    : Presence.absent("no check (" + def.checkExpression() + ") on " + table.name());
        }
        boolean same = table.constraints().stream()
                .anyMatch(c -> c.type().name().equals(def.kind())
                        && lower(c.columns()).equals(lower(def.columns()))
                        && (c.type() != ConstraintType.FOREIGN_KEY
                                || c.foreignKey().referencedTable().equalsIgnoreCase(def.referencedTable())));
        return same
                ? Presence.present("a " + def.kind().toLowerCase(Locale.ROOT).replace('_', ' ') + " on ("
                        + String.join(", ", def.columns()) + ") exists on " + table.name())
                : Presence.absent("no " + def.kind().toLowerCase(Locale.ROOT).replace('_', ' ') + " on ("
                        + String.join(", ", def.columns()) + ") on " + table.name());
    }

    /** Something added to a table that does not exist is not in effect. */
    private Presence withTable(String schema, String name, java.util.function.Function<Table, Presence> check) {
        return lookup.table(schema, name)
                .map(check)
                .orElseGet(() -> Presence.absent("table " + name + " does not exist"));
    }

    /** Something dropped from a table that does not exist: gone, but not necessarily by this statement. */
    private Presence withTableForDrop(String schema, String name, java.util.function.Function<Table, Presence> check) {
        return lookup.table(schema, name)
                .map(check)
                .orElseGet(() -> Presence.unknown("table " + name + " does not exist"));
    }

    /** Defaults as written vs as the catalog prints them: compare without quotes, casts and case. */
    static boolean sameDefault(String live, String written) {
        if (live == null || written == null) {
            return live == null && written == null;
        }
        return bare(live).equals(bare(written));
    }

    private static String bare(String expression) {
        return expression
                .replaceAll("::[a-z ]+(\\(\\d+\\))?", "")
                .replace("'", "")
                .replace("()", "")
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    /**
     * A CHECK's expression as written vs as the catalog prints it ({@code ("Until" >= "From")}, {@code `a` > 0},
     * {@code (status)::text}): compared without quotes, parentheses, casts, spaces and case.
     */
    static boolean sameCheck(String live, String written) {
        if (live == null || written == null) {
            return false;
        }
        return squashed(live).equals(squashed(written));
    }

    private static String squashed(String expression) {
        return expression
                .replaceAll("::[a-z ]+(\\(\\d+\\))?", "")
                .replaceAll("[\\s()\"`]", "")
                .toLowerCase(Locale.ROOT);
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }
}
