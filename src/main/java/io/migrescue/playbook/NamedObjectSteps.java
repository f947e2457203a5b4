package io.migrescue.playbook;

import io.migrescue.diagnosis.CatalogLookup;
import io.migrescue.diagnosis.Finding;
import io.migrescue.model.Table;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Effect;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The steps that rename, drop or create one named table or constraint. Each is refused, before anything runs, when
 * the catalog no longer holds what the finding named: the error text may be older than the database.
 */
record NamedObjectSteps(CatalogLookup lookup, DdlWriter ddl, boolean transactionalDdl, PlanDraft draft) {

    /** Every constraint name the failed statement wants that {@code holderName} holds, renamed with {@code suffix}. */
    void freeNames(String holderName, String suffix, Finding finding, List<Effect> failing) {
        Table holder = existing(holderName);
        Set<String> wanted = new LinkedHashSet<>();
        if (finding.objects().get("constraint") != null) {
            wanted.add(finding.objects().get("constraint"));
        }
        for (Effect e : failing) {
            if (e instanceof Effect.CreateTable c) {
                c.constraints().stream()
                        .map(Effect.ConstraintDef::name)
                        .filter(Objects::nonNull)
                        .forEach(wanted::add);
            } else if (e instanceof Effect.AddConstraint a && a.constraint().name() != null) {
                wanted.add(a.constraint().name());
            }
        }
        String target = finding.objects().get("table");
        int renamed = 0;
        for (String name : wanted) {
            var held = lookup.constraint(holder, name);
            if (held.isEmpty()) {
                continue;
            }
            String newName = ddl.fitName(held.get().name() + suffix);
            draft.add(new PlanStep(
                    0,
                    "rename-constraint",
                    "rename " + held.get().name() + " on " + holder.name() + " to " + newName,
                    ddl.renameConstraint(holder.schema(), holder.name(), held.get(), newName),
                    List.of(),
                    transactionalDdl,
                    new Check.ConstraintPresent(holder.schema(), holder.name(), newName),
                    List.of(holder.name()),
                    List.of()));
            draft.freed.add(new Check.ConstraintPresent(holder.schema(), holder.name(), newName));
            if (target != null) {
                draft.freed.add(new Check.ConstraintPresent(
                        holder.schema(), target, held.get().name()));
            }
            renamed++;
        }
        if (renamed == 0) {
            throw new PlanningException("table " + holder.name() + " holds none of the names " + wanted
                    + " now: the error text may be older than the database; diagnose again");
        }
        draft.backupTables.add(holder.name());
    }

    void renameConstraint(String tableName, String from, String to) {
        Table table = existing(tableName);
        var c = lookup.constraint(table, from)
                .orElseThrow(() -> new PlanningException("no constraint " + from + " on " + tableName));
        draft.add(new PlanStep(
                0,
                "rename-constraint",
                "rename " + from + " on " + tableName + " to " + to,
                ddl.renameConstraint(table.schema(), table.name(), c, ddl.fitName(to)),
                List.of(),
                transactionalDdl,
                new Check.ConstraintPresent(table.schema(), table.name(), to),
                List.of(table.name()),
                List.of()));
    }

    /** {@code creates}: table name → the statements that create it (see {@link Planner.Context#creates()}). */
    void createTable(String name, Map<String, List<String>> creates) {
        if (lookup.table(null, name).isPresent()) {
            throw new PlanningException("table " + name + " exists now: diagnose again");
        }
        List<String> create = creates.get(name);
        if (create == null) {
            create = creates.get(name.toLowerCase(Locale.ROOT));
        }
        if (create == null) {
            throw new PlanningException(
                    "no CREATE TABLE " + name + " in the migration files or the reference: give --migrations DIR"
                            + " (the folder that creates it) or --reference URL (a database that has it)");
        }
        // with every later statement the migrations run on it; CONCURRENTLY cannot run inside a transaction
        boolean concurrently =
                create.stream().anyMatch(sql -> sql.toUpperCase(Locale.ROOT).contains("CONCURRENTLY"));
        draft.add(new PlanStep(
                0,
                "create-table",
                "create " + name + " as the migration files or the reference define it"
                        + (create.size() > 1 ? " (" + create.size() + " statements)" : ""),
                create.stream().map(BoundStatement::of).toList(),
                List.of(),
                transactionalDdl && !concurrently,
                new Check.TablePresent(lookup.schemaOf(null), name),
                List.of(),
                List.of()));
        draft.created.add(new Check.TablePresent(lookup.schemaOf(null), name));
    }

    void dropConstraint(String tableName, String name) {
        Table table = existing(tableName);
        var c = lookup.constraint(table, name)
                .orElseThrow(() ->
                        new PlanningException("no constraint " + name + " on " + tableName + " now: diagnose again"));
        draft.add(new PlanStep(
                0,
                "drop-constraint",
                "drop " + c.name() + " on " + table.name() + " (the migration adds it again as it intends)",
                ddl.dropConstraint(table.schema(), table.name(), c),
                List.of(),
                transactionalDdl,
                null,
                List.of(table.name()),
                List.of()));
    }

    void renameTable(String from, String to) {
        Table table = existing(from);
        if (lookup.table(null, to).isPresent()) {
            throw new PlanningException("a table " + to + " exists already: give another name with --param newName=…");
        }
        draft.add(new PlanStep(
                0,
                "rename-table",
                "rename " + table.name() + " to " + to,
                List.of(ddl.renameTable(table.schema(), table.name(), to)),
                List.of(),
                transactionalDdl,
                null,
                List.of(table.name()),
                List.of()));
    }

    private Table existing(String name) {
        return lookup.table(null, name)
                .orElseThrow(() -> new PlanningException("table " + name + " does not exist now: diagnose again"));
    }
}
