package io.migrescue.diagnosis;

import io.migrescue.model.Column;
import io.migrescue.model.Table;
import io.migrescue.sql.Effect;
import java.util.List;
import java.util.Optional;

/**
 * A column the migration makes that is there with another type (finished by hand as {@code text} where the migration
 * says {@code varchar(200)}): its name being there does not make the statement in effect. Only types both sides spell
 * in a way {@link TypeNames} can compare are judged; anything else is left to the presence check.
 */
public final class ColumnShapes {
    private ColumnShapes() {}

    /** The first column of these statements that exists with another type than written, described; else null. */
    public static String otherType(List<StatementVerdict> statements, CatalogLookup lookup) {
        for (StatementVerdict v : statements) {
            for (Effect e : v.effects()) {
                String found = null;
                if (e instanceof Effect.AddColumn a) {
                    found = compare(lookup, a.schema(), a.table(), a.column());
                } else if (e instanceof Effect.CreateTable c) {
                    for (Effect.ColumnDef col : c.columns()) {
                        found = found != null ? found : compare(lookup, c.schema(), c.table(), col);
                    }
                }
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String compare(CatalogLookup lookup, String schema, String table, Effect.ColumnDef def) {
        if (def.type() == null) {
            return null;
        }
        Optional<Column> live = lookup.table(schema, table).flatMap(t -> column(lookup, t, def.name()));
        if (live.isEmpty() || live.get().type() == null) {
            return null;
        }
        String meant = squash(TypeNames.normalize(def.type()));
        String have = squash(TypeNames.normalize(live.get().type()));
        if (meant.equals(have)
                || !TypeNames.comparable(TypeNames.normalize(def.type()))
                || !TypeNames.comparable(TypeNames.normalize(live.get().type()))) {
            return null;
        }
        return "column " + table + "." + def.name() + " exists as " + live.get().type() + ", the migration makes it "
                + def.type();
    }

    private static Optional<Column> column(CatalogLookup lookup, Table t, String name) {
        return t.columns().stream().filter(c -> lookup.sameName(c.name(), name)).findFirst();
    }

    private static String squash(String type) {
        return type.replace(" ", "");
    }
}
