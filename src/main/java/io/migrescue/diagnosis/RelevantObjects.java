package io.migrescue.diagnosis;

import io.migrescue.model.Catalog;
import io.migrescue.model.Engine;
import io.migrescue.model.Table;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.Effect;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The tables a diagnosis must see in detail, and the constraint and index names whose holders it must find: from
 * the error text and the failed migration's statements. Everything else is read by name only.
 *
 * @param tables names as written, in lower case (PostgreSQL folds unquoted names) and as the server stores them
 *               (PostgreSQL keeps 63 bytes)
 */
public record RelevantObjects(Set<String> tables, Set<String> names) {

    public static RelevantObjects of(ParsedError error, List<Effect> effects, Engine engine) {
        Dialect dialect = Dialect.of(engine);
        Set<String> tables = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        if (error != null && error.objects() != null) {
            add(dialect, tables, error.objects().table());
            add(dialect, tables, error.objects().referencedTable());
            add(dialect, names, error.objects().constraint());
            add(dialect, names, error.objects().index());
        }
        for (Effect e : effects) {
            e.tables().forEach(t -> add(dialect, tables, t));
            if (e instanceof Effect.CreateTable c) {
                c.constraints().forEach(d -> constraint(dialect, d, tables, names));
            } else if (e instanceof Effect.AddConstraint a) {
                constraint(dialect, a.constraint(), tables, names);
            } else if (e instanceof Effect.DropConstraint d) {
                add(dialect, names, d.name());
            } else if (e instanceof Effect.RenameConstraint r) {
                add(dialect, names, r.from());
                add(dialect, names, r.to());
            } else if (e instanceof Effect.CreateIndex i) {
                add(dialect, names, i.name());
            } else if (e instanceof Effect.DropIndex d) {
                add(dialect, names, d.name());
            } else if (e instanceof Effect.RenameIndex r) {
                add(dialect, names, r.from());
                add(dialect, names, r.to());
            }
        }
        return new RelevantObjects(tables, names);
    }

    /** Tables of the catalog (read by name) that hold one of the names but were not read in detail. */
    public Set<String> holdersIn(Catalog catalog) {
        Set<String> holders = new LinkedHashSet<>();
        for (Table t : catalog.tables()) {
            boolean holds = t.constraints().stream().anyMatch(c -> mentioned(c.name()))
                    || t.indexes().stream().anyMatch(i -> mentioned(i.name()));
            if (holds && !tables.contains(t.name())) {
                holders.add(t.name());
            }
        }
        return holders;
    }

    private boolean mentioned(String name) {
        return names.contains(name) || names.contains(name.toLowerCase(Locale.ROOT));
    }

    private static void constraint(Dialect dialect, Effect.ConstraintDef d, Set<String> tables, Set<String> names) {
        add(dialect, names, d.name());
        add(dialect, tables, d.referencedTable());
    }

    private static void add(Dialect dialect, Set<String> set, String name) {
        if (name != null && !name.isEmpty()) {
            set.add(name);
            set.add(name.toLowerCase(Locale.ROOT));
            set.add(dialect.stored(name));
        }
    }
}
