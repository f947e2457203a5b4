package io.migrescue.preflight;

import io.migrescue.diagnosis.DataQuestion;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.Severity;
import io.migrescue.model.Engine;
import io.migrescue.sql.Effect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Constraints and indexes: names free (per table, per schema), what they refer to present and fitting, rows fitting. */
final class ConstraintChecks {
    private final Simulator sim;
    private final SchemaModel model;
    private final ForeignKeyChecks foreignKeys;
    private final java.util.Set<String> reported = new java.util.HashSet<>();

    ConstraintChecks(Simulator sim) {
        this.sim = sim;
        this.model = sim.model;
        this.foreignKeys = new ForeignKeyChecks(sim);
    }

    void add(Site site, ModelTable t, Effect.ConstraintDef c, boolean newTable) {
        if (c.name() != null && nameTaken(site, t, c)) {
            return;
        }
        String kind = c.kind();
        if (t.columnsKnown) {
            for (String col : c.columns()) {
                if (!t.columns.containsKey(model.key(col)) && !col.contains("(")) {
                    new ColumnChecks(sim).column(site, t, col);
                    return;
                }
            }
        }
        if ("FOREIGN_KEY".equals(kind)) {
            foreignKeys.check(site, t, c, newTable);
        } else if (("UNIQUE".equals(kind) || "PRIMARY_KEY".equals(kind)) && !newTable) {
            keyRows(site, t, c);
        } else if ("CHECK".equals(kind) && !newTable) {
            new CheckRows(sim).check(site, t, c);
        }
        String name = c.name() != null ? c.name() : engineName(t, c);
        t.engineNamed |= c.name() == null;
        t.constraints.put(
                model.key(name),
                new ModelTable.Con(
                        name,
                        kind,
                        c.columns(),
                        c.referencedSchema(),
                        c.referencedTable(),
                        c.referencedColumns(),
                        c.onDelete(),
                        c.onUpdate()));
        if ("UNIQUE".equals(kind) || "PRIMARY_KEY".equals(kind)) {
            String index = model.engine() != Engine.POSTGRESQL && "PRIMARY_KEY".equals(kind) ? "PRIMARY" : name;
            t.indexes.put(model.key(index), new ModelTable.Idx(index, c.columns(), true, "PRIMARY_KEY".equals(kind)));
        }
        if ("PRIMARY_KEY".equals(kind)) {
            c.columns()
                    .forEach(col -> t.columns.computeIfPresent(
                            model.key(col),
                            (k, x) -> new ModelTable.Col(x.name(), x.type(), false, x.hasDefault(), x.liveName())));
        }
    }

    /** PostgreSQL's own names: {@code t_pkey}, {@code t_a_key}, {@code t_a_fkey}, {@code t_a_check}. */
    private static String engineName(ModelTable t, Effect.ConstraintDef c) {
        String cols = c.columns().isEmpty() ? "" : "_" + String.join("_", c.columns());
        return switch (c.kind()) {
            case "PRIMARY_KEY" -> t.name + "_pkey";
            case "UNIQUE" -> t.name + cols + "_key";
            case "FOREIGN_KEY" -> t.name + cols + "_fkey";
            default -> t.name + cols + "_" + c.kind().toLowerCase(Locale.ROOT);
        };
    }

    private boolean nameTaken(Site site, ModelTable t, Effect.ConstraintDef c) {
        String k = model.key(c.name());
        boolean makesIndex = "UNIQUE".equals(c.kind()) || "PRIMARY_KEY".equals(c.kind());
        if (t.constraints.containsKey(k) && !(model.engine() != Engine.POSTGRESQL && "PRIMARY_KEY".equals(c.kind()))
                || model.engine() != Engine.POSTGRESQL
                        && makesIndex
                        && !"PRIMARY_KEY".equals(c.kind())
                        && t.indexes.containsKey(k)) {
            sim.add(site.finding(
                    FindingKind.DUPLICATE_CONSTRAINT_NAME,
                    Severity.ERROR,
                    "table " + t.name + " already has a constraint" + " or index named " + c.name(),
                    List.of("constraint " + c.name() + " exists on " + t.name
                            + (t.live() ? " in the database now" : ", made by an earlier pending statement")),
                    new PreflightFinding.Fix(
                            "drop the old constraint first if this one replaces it, or give this one another name",
                            List.of(),
                            List.of("replace-constraint")),
                    null));
            return true;
        }
        if (model.engine().isMySqlFamily() && "FOREIGN_KEY".equals(c.kind())) {
            for (ModelTable holder : model.foreignKeyHolders(t.schema, c.name())) {
                if (holder != t) {
                    heldElsewhere(site, t, c, holder);
                    return true;
                }
            }
        }
        if (model.engine() == Engine.POSTGRESQL && makesIndex) {
            Optional<String> holder = model.relationHolder(t.schema, c.name());
            if (holder.isPresent()) {
                sim.add(site.finding(
                        FindingKind.DUPLICATE_CONSTRAINT_NAME,
                        Severity.ERROR,
                        "the index name " + c.name() + " of this "
                                + c.kind().toLowerCase(Locale.ROOT).replace('_', ' ') + " is taken by " + holder.get(),
                        List.of(
                                "on PostgreSQL the index of a primary key or unique constraint shares one namespace with the schema's"
                                        + " tables and indexes"),
                        new PreflightFinding.Fix(
                                "give the constraint another name",
                                List.of(),
                                List.of("rename-conflicting-constraint")),
                        null));
                return true;
            }
        }
        return false;
    }

    /** Field report 05: MySQL/MariaDB foreign key names are unique per schema, and RENAME TABLE keeps them. */
    private void heldElsewhere(Site site, ModelTable t, Effect.ConstraintDef c, ModelTable holder) {
        if (!reported.add(System.identityHashCode(site.statement()) + "#" + holder.name)) {
            return; // one finding per statement and holder: its fix renames every name the statement wants
        }
        ModelTable.Con held = holder.constraints.get(model.key(c.name()));
        List<String> evidence = new ArrayList<>();
        evidence.add("foreign key " + held.name() + " is held by table " + holder.name + ": FOREIGN KEY ("
                + String.join(", ", held.columns()) + ") REFERENCES " + held.refTable() + " ("
                + String.join(", ", held.refColumns()) + ")");
        if (holder.live() && !holder.liveName.equals(holder.name)) {
            evidence.add("table " + holder.name + " is " + holder.liveName
                    + " renamed by an earlier pending statement: RENAME TABLE" + " keeps the foreign key names");
        }
        evidence.add(
                "on MySQL/MariaDB foreign key names are unique per schema: the server refuses the second one (errno 121"
                        + " \"Duplicate key on write or update\"; MySQL 8: error 1826)");
        List<String> fix = new ArrayList<>();
        for (ModelTable.Con fk : holder.constraintsOfKind("FOREIGN_KEY")) {
            boolean clashes = site.statement().effects().stream().anyMatch(e -> wants(e, fk.name()));
            if (clashes || fk.name().equalsIgnoreCase(held.name())) {
                fix.add(sim.fixSql.renameForeignKey(
                        holder.name, holder.schema, fk, model.dialect().fit(fk.name() + "_old")));
            }
        }
        sim.add(site.finding(
                FindingKind.DUPLICATE_CONSTRAINT_NAME,
                Severity.ERROR,
                "constraint name " + c.name() + " is held by table " + holder.name + ", so " + t.name
                        + " cannot take it",
                evidence,
                new PreflightFinding.Fix(
                        "rename the foreign keys of " + holder.name + " first (or name the new ones differently)",
                        fix,
                        List.of("rename-conflicting-constraint")),
                null));
    }

    private boolean wants(Effect e, String name) {
        List<Effect.ConstraintDef> defs = e instanceof Effect.CreateTable ct
                ? ct.constraints()
                : e instanceof Effect.AddConstraint ac ? List.of(ac.constraint()) : List.of();
        return defs.stream()
                .anyMatch(d -> d.name() != null && model.key(d.name()).equals(model.key(name)));
    }

    private void keyRows(Site site, ModelTable t, Effect.ConstraintDef c) {
        if (!t.live() || sim.rowsChanged.containsKey(sim.rowsKey(t))) {
            return;
        }
        List<String> live = liveColumns(t, c.columns());
        if (live == null) {
            return;
        }
        List<String> pk = t.primaryKey();
        String key = pk.size() == 1 && !pk.equals(c.columns()) ? pk.get(0) : null;
        sim.add(site.finding(
                FindingKind.DUPLICATE_ROWS,
                Severity.ERROR,
                "rows of " + t.name + " share a value of ("
                        + String.join(", ", c.columns()) + "), which the new "
                        + c.kind().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + " refuses",
                List.of(),
                new PreflightFinding.Fix(
                        "remove or change the duplicates first"
                                + (key == null
                                        ? ""
                                        : " (this keeps the row with the" + " lowest " + key
                                                + " of each; back them up first)"),
                        key == null ? List.of() : List.of(sim.fixSql.deleteDuplicates(t.name, c.columns(), key)),
                        List.of("fix-duplicate-rows")),
                new PreflightFinding.Confirm.Rows(new DataQuestion.DuplicateKeys(t.liveSchema, t.liveName, live))));
        if ("PRIMARY_KEY".equals(c.kind())) {
            for (int i = 0; i < live.size(); i++) {
                ModelTable.Col col = t.columns.get(model.key(c.columns().get(i)));
                if (col != null && col.nullable()) {
                    sim.add(ColumnChecks.nullValues(
                            sim,
                            site,
                            t,
                            col.name(),
                            live.get(i),
                            "column " + t.name + "." + col.name() + " of the new primary key holds NULL",
                            "fill the NULLs first"));
                }
            }
        }
    }

    /** The live names of these columns, or null when one of them is new (its rows are not in the database yet). */
    List<String> liveColumns(ModelTable t, List<String> columns) {
        List<String> live = new ArrayList<>();
        for (String c : columns) {
            ModelTable.Col col = t.columns.get(model.key(c));
            if (col == null || !col.live()) {
                return null;
            }
            live.add(col.liveName());
        }
        return live;
    }

    void drop(Site site, ModelTable t, String name) {
        String k = model.key(name);
        if (t.constraints.remove(k) == null) {
            boolean asIndex = model.engine() != Engine.POSTGRESQL && t.indexes.containsKey(k);
            if (!asIndex && !t.engineNamed && !site.ifExists()) {
                sim.add(sim.missing(
                        site,
                        FindingKind.MISSING_OBJECT_ON_DROP,
                        "constraint " + name + " does not exist on " + t.name,
                        t.held("constraints", t.constraints.values().stream().map(ModelTable.Con::name)),
                        new PreflightFinding.Fix(
                                "correct the name (the server may have named it), or write DROP CONSTRAINT IF EXISTS where the engine"
                                        + " has it",
                                List.of(),
                                List.of())));
            }
        }
        if (model.engine() == Engine.POSTGRESQL) {
            t.indexes.remove(k);
        }
        sim.lock(site, t, false, "drops a constraint");
    }

    void rename(Site site, ModelTable t, String from, String to) {
        ModelTable.Con c = t.constraints.remove(model.key(from));
        if (c == null) {
            drop(site, t, from);
            return;
        }
        t.constraints.put(
                model.key(to),
                new ModelTable.Con(
                        to,
                        c.kind(),
                        c.columns(),
                        c.refSchema(),
                        c.refTable(),
                        c.refColumns(),
                        c.onDelete(),
                        c.onUpdate()));
        ModelTable.Idx i = t.indexes.remove(model.key(from));
        if (i != null) {
            t.indexes.put(model.key(to), new ModelTable.Idx(to, i.columns(), i.unique(), i.primary()));
        }
    }

    /** {table, constraint} of every foreign key of another table that references {@code t}. */
    List<String[]> referencing(ModelTable t) {
        return foreignKeys.referencing(t);
    }
}
