package io.migrescue.app;

import io.migrescue.diagnosis.CatalogLookup;
import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.diagnosis.FailedMigrationFinder;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.ParsedError;
import io.migrescue.diagnosis.PartialApplicationMap;
import io.migrescue.diagnosis.StatementVerdict;
import io.migrescue.diagnosis.StatementWithEffects;
import io.migrescue.model.Engine;
import io.migrescue.sql.SqlStatement;
import io.migrescue.sql.StatementEffects;
import java.util.List;

/**
 * The failed migration's statement map for diagnose: its statements read (or rendered by its tool), the one that
 * failed located, and each one's state in the catalog now. Its own class because the rules of "which statement
 * failed" and "finished by hand since" are the diagnosis's subtlest, and read best together.
 */
final class FailedStatementMap {
    private FailedStatementMap() {}

    /** The failed migration's statements: rendered by its tool when asked (and said so), else read from its file. */
    static List<StatementWithEffects> statements(
            FailedMigrationFinder.Target target, Engine engine, ToolRenderedSql renderer, List<String> notes) {
        if (target.file() == null) {
            return List.of();
        }
        List<SqlStatement> read = ToolRenderedSql.statements(target.file(), engine, renderer, notes);
        return read.stream()
                .map(s -> new StatementWithEffects(s, StatementEffects.of(s, engine)))
                .toList();
    }

    /** Errors saying the object already existed: its presence is the failure's cause, never a sign it was finished. */
    private static final java.util.Set<FindingKind> ALREADY_THERE = java.util.EnumSet.of(
            FindingKind.DUPLICATE_CONSTRAINT_NAME,
            FindingKind.TABLE_ALREADY_EXISTS,
            FindingKind.DUPLICATE_COLUMN,
            FindingKind.DUPLICATE_INDEX_NAME);

    static FailedMigration map(
            FailedMigrationFinder.Target target,
            List<StatementWithEffects> statements,
            ErrorReading reading,
            CatalogLookup lookup,
            boolean dirGiven,
            List<String> notes) {
        ParsedError error = reading.parsed();
        if (target.file() == null) {
            if (dirGiven) {
                notes.add("no file for migration " + target.id() + " in the migrations directory");
            }
            return new FailedMigration(target.tool(), target.id(), null, target.foundBy(), List.of());
        }
        Integer failed = FailedMigrationFinder.locate(
                statements.stream().map(StatementWithEffects::statement).toList(), error);
        if (failed == null && error != null) {
            failed = FailedMigrationFinder.locateCreating(statements, reading.kind(), error.objects());
        }
        List<StatementVerdict> verdicts = PartialApplicationMap.build(statements, lookup, failed);
        // finished by hand since the error: the statement it names is in effect now. Not when the tool still records
        // the run as failed (the history says what is current), nor when the error says the object already existed:
        // then what is "in effect" is the cause of the failure, not its fix
        if (error != null && !"history".equals(target.foundBy()) && !ALREADY_THERE.contains(reading.kind())) {
            verdicts = io.migrescue.diagnosis.StaleFailure.reconsider(statements, lookup, verdicts);
        }
        return new FailedMigration(
                target.tool(), target.id(), target.file().path().getFileName().toString(), target.foundBy(), verdicts);
    }
}
