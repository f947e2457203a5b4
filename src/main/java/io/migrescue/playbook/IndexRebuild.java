package io.migrescue.playbook;

import io.migrescue.diagnosis.CatalogLookup;
import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.diagnosis.Finding;
import io.migrescue.diagnosis.StatementState;
import io.migrescue.diagnosis.StatementVerdict;
import io.migrescue.model.Engine;
import io.migrescue.model.Index;
import io.migrescue.model.Table;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Effect;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * rebuild-index: a failed {@code CREATE INDEX CONCURRENTLY} leaves an INVALID index that holds the name, so the retry
 * fails on it. It is dropped with {@code DROP INDEX CONCURRENTLY} (outside a transaction, writes go on) and built again
 * {@code CONCURRENTLY}. A unique index is rebuilt only once no duplicate key remains: removing duplicates is the
 * fix-duplicate-rows decision, never taken here.
 */
final class IndexRebuild {
    private static final Pattern CREATE_INDEX = Pattern.compile("(?i)^\\s*CREATE\\s+(UNIQUE\\s+)?INDEX\\s+");

    /** @param statement the failed migration's statement that builds it, or null (then built as the catalog defines it) */
    record Rebuilt(List<PlanStep> steps, Check valid, StatementVerdict statement) {}

    private final CatalogLookup lookup;
    private final DdlWriter ddl;

    IndexRebuild(CatalogLookup lookup, DdlWriter ddl) {
        this.lookup = lookup;
        this.ddl = ddl;
    }

    Rebuilt plan(String tableName, String indexName, Finding finding, FailedMigration migration) {
        if (lookup.engine() != Engine.POSTGRESQL) {
            throw new PlanningException("only PostgreSQL leaves an index INVALID");
        }
        String[] qualified = tableName.split("\\.", 2);
        String schema = qualified.length == 2 ? qualified[0] : null;
        Table table = lookup.table(schema, qualified[qualified.length - 1])
                .orElseThrow(() -> new PlanningException("table " + tableName + " does not exist now: diagnose again"));
        Index index = lookup.index(table, indexName)
                .orElseThrow(() -> new PlanningException(
                        "no index " + indexName + " on " + table.name() + " now: diagnose again"));
        if (index.valid()) {
            throw new PlanningException(
                    "index " + indexName + " on " + table.name() + " is valid now: nothing to rebuild");
        }
        String duplicates = finding.objects().get("duplicates");
        if (index.unique() && duplicates != null && !duplicates.equals("0")) {
            throw new PlanningException("index " + indexName + " is unique and " + duplicates + " key(s) of ("
                    + String.join(", ", index.columns()) + ") occur more than once in " + table.name()
                    + ", so building it fails again: decide which"
                    + " rows to keep first (migrescue repair fix-duplicate-rows --param keep=first|last, which builds the index"
                    + " as well), then run repair again");
        }
        StatementVerdict statement = statementOf(migration, indexName);
        String create = statement != null ? statement.sql().strip() : concurrently(index, table);
        List<BoundStatement> guards =
                index.unique() && plainColumns(index, table) ? List.of(duplicateGuard(table, index)) : List.of();
        Check valid = new Check.IndexValid(table.schema(), table.name(), index.name());
        List<PlanStep> steps = new ArrayList<>();
        steps.add(new PlanStep(
                0,
                "drop-index",
                "drop the INVALID index " + index.name() + " on " + table.name()
                        + " that the failed build left (CONCURRENTLY: writes go on)",
                List.of(BoundStatement.of(
                        "DROP INDEX CONCURRENTLY IF EXISTS " + ddl.table(table.schema(), index.name()))),
                guards,
                false,
                null,
                List.of(table.name()),
                List.of()));
        steps.add(new PlanStep(
                0,
                "create-index",
                "build " + index.name() + " again CONCURRENTLY"
                        + (statement != null
                                ? ", as statement " + statement.n() + " of migration " + migration.id() + " writes it"
                                : ", as it was defined"),
                List.of(BoundStatement.of(create)),
                List.of(),
                false,
                valid,
                List.of(table.name()),
                List.of()));
        return new Rebuilt(steps, valid, statement);
    }

    /** The failed migration's statement that creates this index, when one does (and is not in effect). */
    static StatementVerdict statementOf(FailedMigration migration, String indexName) {
        if (migration == null) {
            return null;
        }
        for (StatementVerdict v : migration.statements()) {
            boolean pending = v.state() == StatementState.FAILED || v.state() == StatementState.NOT_APPLIED;
            if (pending
                    && v.effects().stream()
                            .anyMatch(e -> e instanceof Effect.CreateIndex i && indexName.equalsIgnoreCase(i.name()))) {
                return v;
            }
        }
        return null;
    }

    /** The catalog's definition ({@code pg_get_indexdef}) with CONCURRENTLY put in. */
    private String concurrently(Index index, Table table) {
        if (index.definition() == null
                || !CREATE_INDEX.matcher(index.definition()).find()) {
            throw new PlanningException("the definition of index " + index.name() + " on " + table.name()
                    + " is not known: give"
                    + " --migrations DIR (the folder of the migration that builds it)");
        }
        return CREATE_INDEX
                .matcher(index.definition())
                .replaceFirst(index.unique() ? "CREATE UNIQUE INDEX CONCURRENTLY " : "CREATE INDEX CONCURRENTLY ");
    }

    private static boolean plainColumns(Index index, Table table) {
        return index.columns().stream().allMatch(c -> table.column(c).isPresent());
    }

    /** Duplicate keys still there: the build would fail again after its index was dropped; count them first. */
    private BoundStatement duplicateGuard(Table table, Index index) {
        String cols = ddl.columns(index.columns());
        String notNull = String.join(
                " AND ",
                index.columns().stream()
                        .map(c -> ddl.dialect().quote(c) + " IS NOT NULL")
                        .toList());
        return BoundStatement.of("SELECT COUNT(*) FROM (SELECT 1 AS x FROM " + ddl.table(table.schema(), table.name())
                + " WHERE "
                + notNull + (index.predicate() == null ? "" : " AND (" + index.predicate() + ")") + " GROUP BY " + cols
                + " HAVING COUNT(*) > 1) d");
    }
}
