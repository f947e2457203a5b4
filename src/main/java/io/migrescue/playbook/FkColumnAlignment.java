package io.migrescue.playbook;

import io.migrescue.diagnosis.CatalogLookup;
import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.diagnosis.StatementState;
import io.migrescue.diagnosis.StatementVerdict;
import io.migrescue.model.Column;
import io.migrescue.model.ConstraintType;
import io.migrescue.model.Engine;
import io.migrescue.model.Table;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Effect;
import java.util.ArrayList;
import java.util.List;

/**
 * align-fk-columns: the engine refuses a foreign key whose column type differs from the referenced one (MariaDB errno
 * 150, MySQL 3780, PostgreSQL 42804). Both types are shown; the referencing column takes the referenced type. On a
 * table the failed migration created, that is changing the migration's own column; on a table earlier migrations made
 * it rewrites live rows, so it is a decision, and runs only after a guard counted no value that would not fit.
 * The foreign key itself is then added by finish-migration, as the migration writes it.
 */
final class FkColumnAlignment {
    /** @param what for a decision: the live columns it changes */
    record Aligned(
            List<PlanStep> steps,
            List<Check> checks,
            List<String> explanations,
            boolean widensLiveTable,
            String what) {}

    private final CatalogLookup lookup;
    private final DdlWriter ddl;
    private final boolean postgres;

    FkColumnAlignment(CatalogLookup lookup, DdlWriter ddl) {
        this.lookup = lookup;
        this.ddl = ddl;
        this.postgres = lookup.engine() == Engine.POSTGRESQL;
    }

    Aligned plan(FailedMigration m, List<Effect> failing) {
        Effect.ConstraintDef fk = null;
        String schema = null;
        String tableName = null;
        for (Effect e : failing) {
            if (e instanceof Effect.AddConstraint a
                    && "FOREIGN_KEY".equals(a.constraint().kind())) {
                fk = a.constraint();
                schema = a.schema();
                tableName = a.table();
            } else if (e instanceof Effect.CreateTable c
                    && c.constraints().stream().anyMatch(k -> "FOREIGN_KEY".equals(k.kind()))) {
                throw new PlanningException(
                        "the failing statement creates " + c.table()
                                + " with its foreign key, so nothing of it is in"
                                + " effect: declare the column with the referenced column's type in the migration file, then run the tool again");
            }
        }
        if (fk == null || fk.referencedTable() == null) {
            throw new PlanningException(
                    "the failing statement of migration " + m.id() + " adds no foreign key migrescue can read");
        }
        String child = tableName;
        Table table = lookup.table(schema, child)
                .orElseThrow(() -> new PlanningException("table " + child
                        + " does not exist now"
                        + " (the migration's transaction rolled it back): declare the column with the referenced column's type in the"
                        + " migration file, then run the tool again"));
        String refSchema = fk.referencedSchema() != null ? fk.referencedSchema() : schema;
        String refTable = fk.referencedTable();
        Table parent = lookup.table(refSchema, refTable)
                .orElseThrow(() -> new PlanningException("referenced table " + refTable + " does not exist"));
        List<String> refColumns = fk.referencedColumns().isEmpty()
                ? parent.constraints().stream()
                        .filter(c -> c.type() == ConstraintType.PRIMARY_KEY)
                        .findFirst()
                        .map(c -> c.columns())
                        .orElse(List.of())
                : fk.referencedColumns();
        if (refColumns.size() != fk.columns().size()) {
            throw new PlanningException(
                    "the foreign key's columns and the referenced columns of " + parent.name() + " do not pair up");
        }
        boolean created = createdBy(m, table);
        List<PlanStep> steps = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        List<String> explanations = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < refColumns.size(); i++) {
            Column c = column(table, fk.columns().get(i));
            Column r = column(parent, refColumns.get(i));
            Check same = new Check.ColumnTypeMatches(
                    table.schema(), table.name(), c.name(), parent.schema(), parent.name(), r.name());
            checks.add(same);
            explanations.add(table.name() + "." + c.name() + " is " + c.type() + ", " + parent.name() + "." + r.name()
                    + " is " + r.type()
                    + (ColumnTypes.same(c, r) ? ": the same" : ": the engine refuses a foreign key between them"));
            if (ColumnTypes.same(c, r)) {
                continue;
            }
            String misfit = ColumnTypes.misfits(lookup.engine(), ddl.dialect().quote(c.name()), c.type(), r.type());
            List<BoundStatement> guard = misfit == null
                    ? List.of()
                    : List.of(BoundStatement.of("SELECT COUNT(*) FROM "
                            + ddl.table(table.schema(), table.name()) + " WHERE "
                            + ddl.dialect().quote(c.name())
                            + " IS NOT NULL AND (" + misfit + ")"));
            String change = table.name() + "." + c.name() + " from " + c.type() + " to " + r.type();
            changes.add(change);
            steps.add(new PlanStep(
                    0,
                    "alter-column",
                    "change " + change
                            + (created
                                    ? " (migration " + m.id() + " created " + table.name()
                                            + ": its column takes the referenced type)"
                                    : " (every value checked to fit first)"),
                    List.of(alter(table, c, r)),
                    guard,
                    lookup.engine().transactionalDdl(),
                    same,
                    List.of(table.name()),
                    List.of()));
        }
        if (steps.isEmpty()) {
            throw new PlanningException(
                    "the columns' types match (" + String.join("; ", explanations)
                            + "): the foreign key is refused"
                            + " for another reason (character set or collation, no index on the referenced columns): see the error text");
        }
        return new Aligned(
                steps,
                checks,
                explanations,
                !created,
                "change " + String.join(", ", changes) + ", a table earlier migrations made: every row is rewritten");
    }

    private Column column(Table t, String name) {
        return t.columns().stream()
                .filter(c -> c.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new PlanningException("no column " + name + " in " + t.name()));
    }

    /** Whether a statement of the failed migration in effect created this table (then its column is the migration's). */
    private boolean createdBy(FailedMigration m, Table table) {
        for (StatementVerdict v : m.statements()) {
            if (v.state() == StatementState.APPLIED
                    && v.effects().stream()
                            .anyMatch(e -> e instanceof Effect.CreateTable c
                                    && c.table().equalsIgnoreCase(table.name()))) {
                return true;
            }
        }
        return false;
    }

    /** The referenced type; nullability and default as the column has them (MySQL's MODIFY restates the whole column). */
    private BoundStatement alter(Table table, Column c, Column r) {
        String column = ddl.dialect().quote(c.name());
        if (postgres) {
            return BoundStatement.of("ALTER TABLE " + ddl.table(table.schema(), table.name()) + " ALTER COLUMN "
                    + column + " TYPE "
                    + r.type() + " USING " + column + "::" + r.type());
        }
        String dflt = c.defaultValue() == null || c.defaultValue().equalsIgnoreCase("NULL")
                ? ""
                : " DEFAULT " + c.defaultValue();
        return BoundStatement.of("ALTER TABLE " + ddl.table(table.schema(), table.name()) + " MODIFY COLUMN " + column
                + " " + r.type()
                + (c.nullable() ? " NULL" : " NOT NULL") + dflt);
    }
}
