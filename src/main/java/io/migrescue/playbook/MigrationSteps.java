package io.migrescue.playbook;

import io.migrescue.diagnosis.CatalogLookup;
import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.diagnosis.StatementVerdict;
import io.migrescue.model.Engine;
import io.migrescue.model.Table;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Effect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The migration's own statements as plan steps: forward (finish) as written, made production-friendly where that
 * is safe; backward (revert) as their inverse DDL.
 */
record MigrationSteps(CatalogLookup lookup, DdlWriter ddl) {
    private boolean postgres() {
        return lookup.engine() == Engine.POSTGRESQL;
    }

    /**
     * PostgreSQL: a foreign key is added NOT VALID (a brief lock) and validated in its own transaction (SHARE UPDATE
     * EXCLUSIVE: writes go on). MySQL/MariaDB: a foreign key is added with checks off, on the in-place path, after a
     * guard has counted no orphan rows. Anything else runs as the migration wrote it.
     */
    List<PlanStep> forward(FailedMigration m, StatementVerdict v) {
        String label = "statement " + v.n() + " of migration " + m.id() + " (line " + v.line() + ")";
        Check done = new Check.StatementInEffect(m.id(), v.n());
        String sql = v.sql().strip();
        Effect.AddConstraint fk = singleForeignKey(v);
        if (fk != null && postgres() && !sql.toUpperCase(Locale.ROOT).contains("NOT VALID")) {
            List<PlanStep> steps = new ArrayList<>();
            steps.add(new PlanStep(
                    0,
                    "sql",
                    label + ", NOT VALID first",
                    List.of(BoundStatement.of(sql + " NOT VALID")),
                    List.of(),
                    true,
                    done,
                    changed(v),
                    List.of()));
            steps.add(new PlanStep(
                    0,
                    "sql",
                    "validate " + fk.constraint().name() + " in its own transaction (writes go on)",
                    List.of(ddl.validateConstraint(
                            fk.schema(),
                            actual(fk.schema(), fk.table()),
                            fk.constraint().name())),
                    List.of(),
                    true,
                    new Check.ConstraintValidated(
                            lookup.schemaOf(fk.schema()),
                            actual(fk.schema(), fk.table()),
                            fk.constraint().name()),
                    changed(v),
                    List.of()));
            return steps;
        }
        if (fk != null && !postgres()) {
            BoundStatement guard = BoundStatement.of(
                    "SELECT COUNT(*) FROM " + ddl.table(fk.schema(), actual(fk.schema(), fk.table())) + " WHERE "
                            + DataFixes.orphanPredicate(
                                    ddl, lookup, fk.schema(), actual(fk.schema(), fk.table()), fk.constraint()));
            return List.of(new PlanStep(
                    0,
                    "sql",
                    label + ", in place after an orphan check",
                    DdlWriter.withoutForeignKeyChecks(List.of(BoundStatement.of(sql))),
                    List.of(guard),
                    false,
                    done,
                    changed(v),
                    List.of()));
        }
        boolean concurrently = sql.toUpperCase(Locale.ROOT).contains("CONCURRENTLY");
        // MySQL/MariaDB: DML (an INSERT … SELECT) runs in a transaction too, so it commits together with its ledger row
        PlanStep run = new PlanStep(
                0,
                "sql",
                label,
                List.of(BoundStatement.of(sql)),
                List.of(),
                lookup.engine().transactionalDdl() ? !concurrently : dataChange(sql),
                done,
                changed(v),
                List.of());
        PlanStep invalid = dropInvalidIndex(v);
        return invalid == null ? List.of(run) : List.of(invalid, run);
    }

    /**
     * PostgreSQL: the index this statement builds is there already, INVALID (this statement's earlier CONCURRENTLY build
     * failed): it holds the name, so it is dropped first, CONCURRENTLY, and the statement builds it again.
     */
    private PlanStep dropInvalidIndex(StatementVerdict v) {
        if (!postgres()) {
            return null;
        }
        for (Effect e : v.effects()) {
            if (e instanceof Effect.CreateIndex c && c.name() != null) {
                var table = lookup.table(c.schema(), c.table());
                var index = table.flatMap(t -> lookup.index(t, c.name())).filter(i -> !i.valid());
                if (index.isPresent()) {
                    return new PlanStep(
                            0,
                            "drop-index",
                            "drop the INVALID index " + index.get().name() + " a failed build left"
                                    + " (CONCURRENTLY: writes go on)",
                            List.of(ddl.dropIndexOnline(
                                    table.get().schema(), index.get().name())),
                            List.of(),
                            false,
                            null,
                            List.of(table.get().name()),
                            List.of());
                }
            }
        }
        return null;
    }

    /** INSERT, UPDATE, DELETE, REPLACE: rows only, which InnoDB can roll back (DDL commits by itself). */
    static boolean dataChange(String sql) {
        String first = sql.stripLeading().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        return first.equals("INSERT") || first.equals("UPDATE") || first.equals("DELETE") || first.equals("REPLACE");
    }

    /** PostgreSQL foreign keys this statement adds by name: checked to be validated at the end. */
    List<Check> foreignKeysAdded(StatementVerdict v) {
        List<Check> checks = new ArrayList<>();
        for (Effect e : v.effects()) {
            if (e instanceof Effect.AddConstraint a
                    && "FOREIGN_KEY".equals(a.constraint().kind())
                    && a.constraint().name() != null) {
                checks.add(new Check.ConstraintValidated(
                        lookup.schemaOf(a.schema()),
                        actual(a.schema(), a.table()),
                        a.constraint().name()));
            }
        }
        return checks;
    }

    PlanStep backward(FailedMigration m, StatementVerdict v) {
        List<BoundStatement> sql = new ArrayList<>();
        List<Effect> effects = new ArrayList<>(v.effects());
        java.util.Collections.reverse(effects);
        // an index or key a CREATE TABLE declares goes with its table (MySQL cannot drop an index a foreign key needs)
        java.util.Set<String> created = new java.util.HashSet<>();
        effects.stream()
                .filter(e -> e instanceof Effect.CreateTable)
                .forEach(e -> created.add(((Effect.CreateTable) e).table()));
        for (Effect e : effects) {
            boolean onCreatedTable = (e instanceof Effect.CreateIndex || e instanceof Effect.AddConstraint)
                    && created.containsAll(e.tables());
            if (!onCreatedTable) {
                sql.add(inverse(e, v));
            }
        }
        return new PlanStep(
                0,
                "sql",
                "undo statement " + v.n() + " of migration " + m.id() + " (line " + v.line() + ")",
                sql,
                List.of(),
                lookup.engine().transactionalDdl(),
                null,
                changed(v),
                List.of());
    }

    private BoundStatement inverse(Effect e, StatementVerdict v) {
        if (e instanceof Effect.CreateTable c) {
            return ddl.dropTable(c.schema(), actual(c.schema(), c.table()));
        }
        if (e instanceof Effect.RenameTable r) {
            String schema = r.toSchema() != null ? r.toSchema() : r.schema();
            return ddl.renameTable(lookup.schemaOf(schema), actual(schema, r.to()), r.from());
        }
        if (e instanceof Effect.AddColumn a) {
            return ddl.dropColumn(
                    a.schema(), actual(a.schema(), a.table()), a.column().name());
        }
        if (e instanceof Effect.RenameColumn r) {
            return ddl.renameColumn(r.schema(), actual(r.schema(), r.table()), r.to(), r.from());
        }
        if (e instanceof Effect.AddConstraint a && a.constraint().name() != null) {
            Table table = lookup.table(a.schema(), a.table()).orElseThrow(() -> cannot(v, "its table is gone"));
            var c = lookup.constraint(table, a.constraint().name())
                    .orElseThrow(() -> cannot(v, "its constraint is gone"));
            return ddl.dropConstraint(table.schema(), table.name(), c).get(0);
        }
        if (e instanceof Effect.CreateIndex i && i.name() != null) {
            return ddl.dropIndex(i.schema(), actual(i.schema(), i.table()), i.name());
        }
        if (e instanceof Effect.RenameIndex r) {
            return ddl.renameIndex(r.schema(), actual(r.schema(), r.table()), r.to(), r.from());
        }
        throw cannot(
                v,
                "there is no safe inverse for "
                        + e.getClass()
                                .getSimpleName()
                                .replaceAll("([a-z])([A-Z])", "$1 $2")
                                .toLowerCase(Locale.ROOT));
    }

    private static PlanningException cannot(StatementVerdict v, String why) {
        return new PlanningException("statement " + v.n() + " (line " + v.line() + ") cannot be undone automatically: "
                + why + "; finish the migration instead (complete-partial-migration) or restore from a backup");
    }

    /** The existing tables a statement changes (the backup must hold them), from its effects, not from its text. */
    private List<String> changed(StatementVerdict v) {
        return v.effects().stream().flatMap(e -> e.tables().stream()).toList();
    }

    private Effect.AddConstraint singleForeignKey(StatementVerdict v) {
        if (v.effects().size() != 1 || !(v.effects().get(0) instanceof Effect.AddConstraint a)) {
            return null;
        }
        return "FOREIGN_KEY".equals(a.constraint().kind()) && a.constraint().name() != null ? a : null;
    }

    private String actual(String schema, String table) {
        return lookup.table(schema, table).map(Table::name).orElse(table);
    }
}
