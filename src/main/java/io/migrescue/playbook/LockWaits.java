package io.migrescue.playbook;

import io.migrescue.diagnosis.CatalogLookup;
import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.diagnosis.Finding;
import io.migrescue.diagnosis.StatementState;
import io.migrescue.diagnosis.StatementVerdict;
import io.migrescue.model.Engine;
import io.migrescue.model.EngineSql;
import io.migrescue.model.Table;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Effect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code wait-for-locks} step: the statements that take (and at once give back) the locks the migration needs,
 * so that the wait happens before anything changes, and, only when the operator named a session, the statement that
 * ends it. The executor runs them with a short timeout and bounded backoff, and ends the named session only while it
 * holds a lock on one of the tables.
 */
public final class LockWaits {
    public static final String KIND = "wait-for-locks";

    private LockWaits() {}

    static PlanStep plan(DdlWriter ddl, String terminate, List<Table> tables) {
        Engine engine = ddl.engine();
        List<BoundStatement> sql = new ArrayList<>();
        Long id = null;
        if (terminate != null && !terminate.isBlank()) {
            if (!terminate.strip().matches("[0-9]{1,19}")) {
                throw new PlanningException(
                        "--param terminate=" + terminate + ": give the pid (PostgreSQL) or connection id (MySQL,"
                                + " MariaDB) of the blocking session, a whole number, as diagnose or the stopped repair names it");
            }
            id = Long.parseLong(terminate.strip());
            sql.add(BoundStatement.of(EngineSql.END_SESSION.text(engine), id));
        }
        List<String> names = tables.stream().map(Table::name).toList();
        sql.add(BoundStatement.of(engine.lockTables(
                tables.stream().map(t -> ddl.table(t.schema(), t.name())).toList())));
        sql.add(BoundStatement.of(EngineSql.RELEASE_TABLE_LOCKS.text(engine)));
        String what = "wait, retrying with backoff, until no session holds a lock on " + String.join(", ", names)
                + (id == null
                        ? " (no session is ended: give --param terminate=ID to end one that blocks)"
                        : "; end session " + id + " if it is one of those that do, and only then");
        return new PlanStep(0, KIND, what, sql, List.of(), false, null, names, List.of());
    }

    /** The tables the statements of the failed migration not in effect act on (else the finding's table): what must be free. */
    static List<Table> tables(FailedMigration m, Finding finding, CatalogLookup lookup) {
        Set<Table> tables = new LinkedHashSet<>();
        if (m != null) {
            for (StatementVerdict v : m.statements()) {
                if (v.state() == StatementState.NOT_APPLIED || v.state() == StatementState.FAILED) {
                    v.effects()
                            .forEach(e -> e.tables()
                                    .forEach(t -> lookup.table(schemaOf(e), t).ifPresent(tables::add)));
                    // a foreign key locks the table it references too
                    v.effects().stream()
                            .flatMap(e -> e instanceof Effect.CreateTable c
                                    ? c.constraints().stream()
                                    : e instanceof Effect.AddConstraint a
                                            ? java.util.stream.Stream.of(a.constraint())
                                            : java.util.stream.Stream.empty())
                            .filter(c -> c.referencedTable() != null)
                            .forEach(c -> lookup.table(c.referencedSchema(), c.referencedTable())
                                    .ifPresent(tables::add));
                }
            }
        }
        if (tables.isEmpty()) {
            lookup.table(finding.objects().get("schema"), finding.objects().get("table"))
                    .ifPresent(tables::add);
        }
        if (tables.isEmpty()) {
            throw new PlanningException("which tables the migration waited for is not known: give --migrations DIR");
        }
        return List.copyOf(tables);
    }

    private static String schemaOf(Effect e) {
        return e instanceof Effect.AddColumn a
                ? a.schema()
                : e instanceof Effect.AddConstraint a
                        ? a.schema()
                        : e instanceof Effect.CreateIndex i
                                ? i.schema()
                                : e instanceof Effect.ModifyColumn mc ? mc.schema() : null;
    }

    /** The session the step may end, or null: the id bound to its first statement when that ends a session. */
    public static Long terminates(PlanStep step) {
        if (step.sql().isEmpty()) {
            return null;
        }
        BoundStatement first = step.sql().get(0);
        boolean ends = Arrays.stream(Engine.values()).anyMatch(e -> first.sql().equals(EngineSql.END_SESSION.text(e)));
        return ends && !first.params().isEmpty() ? ((Number) first.params().get(0)).longValue() : null;
    }
}
