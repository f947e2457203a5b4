package io.migrescue.app;

import io.migrescue.catalog.CatalogReader;
import io.migrescue.db.DatabaseSession;
import io.migrescue.diagnosis.CatalogLookup;
import io.migrescue.diagnosis.DataQuestions;
import io.migrescue.diagnosis.Diagnoser;
import io.migrescue.diagnosis.DiagnosisInput;
import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.diagnosis.FailedMigrationFinder;
import io.migrescue.diagnosis.Finding;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.ParsedError;
import io.migrescue.diagnosis.PlaybookRanking;
import io.migrescue.diagnosis.StatementState;
import io.migrescue.diagnosis.StatementVerdict;
import io.migrescue.diagnosis.StatementWithEffects;
import io.migrescue.evidence.DataEvidence;
import io.migrescue.failure.MigrescueException;
import io.migrescue.history.HistoryAdapters;
import io.migrescue.history.HistoryReader;
import io.migrescue.history.LiquibaseChecksums;
import io.migrescue.history.LiquibaseValidationFailure;
import io.migrescue.model.Catalog;
import io.migrescue.model.Engine;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import io.migrescue.playbook.Playbooks;
import io.migrescue.sql.Effect;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.SqlStatement;
import io.migrescue.sql.StatementEffects;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code diagnose}: history and error text read → failed migration found and its statements understood → the
 * catalog read (names schema-wide, details for what is involved) → statement map → findings confirmed against the
 * catalog → data evidence from bounded queries. Read-only.
 */
public final class DiagnoseUseCase {
    private DiagnoseUseCase() {}

    /**
     * @param errorText     the failure output as the operator saw it, or null
     * @param migrationsDir where the migration files are, or null
     * @param tool          only this migration tool's history, or null for all
     * @param historyTable  that tool's history table when it was configured with another name, or null
     * @param renderer      {@code --render-with-tool}: the tool renders the failed migration's SQL, or null to read its code
     */
    public record Request(
            List<String> schemas,
            String errorText,
            Path migrationsDir,
            String tool,
            String historyTable,
            ToolRenderedSql renderer) {
        public Request(List<String> schemas, String errorText, Path migrationsDir, String tool, String historyTable) {
            this(schemas, errorText, migrationsDir, tool, historyTable, null);
        }

        public Request(List<String> schemas, String errorText, Path migrationsDir, String tool) {
            this(schemas, errorText, migrationsDir, tool, null);
        }
    }

    public static DiagnosisReport run(DatabaseSession session, Request request) {
        List<String> schemas = Scope.resolve(session.info(), request.schemas());
        CatalogReader reader = CatalogReader.of(session.engine());
        List<String> notes = new ArrayList<>();
        try {
            List<String> existing = reader.userSchemas(session.connection());
            List<String> missing =
                    schemas.stream().filter(s -> !existing.contains(s)).toList();
            if (!missing.isEmpty()) {
                throw MigrescueException.usage("no schema or database named " + String.join(", ", missing));
            }
            List<MigrationHistory> history = HistoryReader.readAll(
                    session, schemas, HistoryAdapters.select(request.tool(), request.historyTable()));
            if (history.isEmpty()) {
                notes.add("no migration history table in scope (" + String.join(", ", schemas) + ")");
            }
            ErrorReading error = ErrorReading.of(request.errorText(), notes);
            Engine engine = session.engine();
            List<MigrationFile> files = MigrationDirectory.list(request.migrationsDir(), notes);
            Optional<FailedMigrationFinder.Target> target = FailedMigrationFinder.find(history, error.parsed(), files);
            if (error.parsed() == null && request.errorText() == null) {
                // without an error nothing says a pending file failed (drizzle-kit 0.31 prints none): say they wait
                List<MigrationFile> pending = FailedMigrationFinder.pending(history, files);
                if (!pending.isEmpty()) {
                    notes.add(pending.size() + " migration file(s) not applied yet ("
                            + String.join(
                                    ", ",
                                    pending.stream()
                                            .limit(5)
                                            .map(MigrationFile::id)
                                            .toList())
                            + (pending.size() > 5 ? ", …" : "")
                            + "): migrescue preflight checks them against this database before the next deploy, and"
                            + " the error of a run that failed names what to repair");
                }
            }
            List<StatementWithEffects> statements = target.map(
                            t -> FailedStatementMap.statements(t, engine, request.renderer(), notes))
                    .orElse(List.of());
            List<Effect> errorEffects = errorStatementEffects(error.parsed(), engine);
            List<EditedMigrations.Edited> drifts = EditedMigrations.find(history, files, engine, request.errorText());
            if (LiquibaseValidationFailure.parse(request.errorText()).isEmpty()) {
                Optional.ofNullable(LiquibaseChecksums.unverifiable(history, files, engine))
                        .ifPresent(notes::add);
            }
            List<StatementWithEffects> involved = new ArrayList<>(statements);
            drifts.forEach(d -> involved.addAll(d.statements()));
            HistoryFileFindings vsFiles = HistoryFileFindings.read(history, files, engine);
            // a tool whose files are here but whose table is not (a schema made without it): compared as unrecorded
            List<MigrationHistory> withAbsent = AbsentHistories.with(history, files, schemas.get(0));
            HistoryMismatches mismatches = HistoryMismatches.of(withAbsent, files, engine, vsFiles::handles);
            involved.addAll(mismatches.statements());
            involved.addAll(vsFiles.statements());

            List<Effect> effects = new ArrayList<>(errorEffects);
            involved.forEach(s -> effects.addAll(s.effects()));
            Catalog catalog = InvolvedCatalog.read(session, reader, schemas, error.parsed(), effects);
            String defaultSchema = schemas.get(0);
            CatalogLookup lookup = new CatalogLookup(catalog, defaultSchema);
            drifts = EditedMigrations.standing(drifts, lookup);
            FailedMigration migration = target.map(t -> FailedStatementMap.map(
                            t, statements, error, lookup, request.migrationsDir() != null, notes))
                    .orElse(null);
            List<Effect> failingEffects = failingEffects(errorEffects, migration);
            List<TableShape> elsewhere = tablesElsewhere(session, reader, error, schemas);

            PlaybookRanking ranking = Playbooks.load(null).ranking();
            List<Finding> findings = Diagnoser.diagnose(new DiagnosisInput(
                    catalog,
                    defaultSchema,
                    List.copyOf(history),
                    error.parsed(),
                    error.kind(),
                    List.copyOf(failingEffects),
                    migration,
                    List.copyOf(elsewhere),
                    ranking));
            if (!drifts.isEmpty()) {
                // the files say which migration changed and how: that finding replaces the error text's bare one
                findings = new ArrayList<>(findings.stream()
                        .filter(f -> f.kind() != FindingKind.CHECKSUM_MISMATCH)
                        .toList());
                for (int i = drifts.size() - 1; i >= 0; i--) {
                    findings.add(0, ChecksumFindings.of(drifts.get(i), lookup, ranking));
                }
            }
            findings = mismatches.before(findings, lookup, ranking);
            findings = new ArrayList<>(findings);
            findings.addAll(vsFiles.findings(lookup, ranking)); // renamed, gone and out-of-order migrations
            List<Finding> withData = new ArrayList<>();
            DataEvidence data = new DataEvidence(session);
            boolean allRecorded = target.isEmpty()
                    && !files.isEmpty()
                    && history.stream().noneMatch(MigrationHistory::needsAttention);
            for (Finding f : findings) {
                Finding confirmed = DataQuestions.forFinding(f, failingEffects, lookup)
                        .map(q -> withData(f, q, data))
                        .orElseGet(() -> InvalidIndexDuplicates.counted(f, lookup, data));
                Finding blocking = InvalidIndexDuplicates.blocking(confirmed, withData, ranking);
                if (blocking != null) { // what blocks the rebuild is decided first
                    withData.add(0, blocking);
                }
                withData.add(
                        allRecorded && !confirmed.stale() && confirmed.kind() == error.kind()
                                ? confirmed.asStale(
                                        "every migration file is recorded as applied and nothing failed: the error text is older"
                                                + " than the database state")
                                : confirmed);
            }
            List<MigrationHistory> reported = withAbsent.stream()
                    .filter(h -> history.contains(h)
                            || withData.stream()
                                    .anyMatch(f -> f.migration() != null
                                            && h.tool().equals(f.migration().tool())))
                    .toList();
            return new DiagnosisReport(
                    session.info(),
                    schemas,
                    reported,
                    error.parsed(),
                    error.kind(),
                    List.copyOf(withData),
                    List.copyOf(notes));
        } catch (SQLException e) {
            throw DatabaseFailures.reading("diagnose", e);
        }
    }

    /**
     * The data evidence for a finding the error text made; when the offending rows are gone now (the duplicates removed,
     * the orphans fixed, the NULLs filled since), the error is history and drives no repair.
     */
    private static Finding withData(Finding f, io.migrescue.diagnosis.DataQuestion q, DataEvidence data) {
        Finding answered = f.withEvidence(data.answer(q));
        if (f.stale()
                || q instanceof io.migrescue.diagnosis.DataQuestion.LockHolders
                || f.objects().containsKey("needsUsing")) { // no USING fails whatever the rows hold
            return answered;
        }
        try {
            return data.count(q) == 0
                    ? answered.asStale("the rows the error is about are gone now: the error text is older than the"
                            + " database state")
                    : answered;
        } catch (SQLException e) {
            if (MISSING_TABLE_STATES.contains(e.getSQLState())) {
                // the rows were only ever inside the failed run (node-pg-migrate's single transaction, Knex's batch,
                // a script that makes the table and its index together): no repair here can reach them
                // still an error (the next run fails the same way), but no playbook fits: the fix is in the files
                List<String> evidence = new ArrayList<>(answered.evidence());
                evidence.add("the table is not in this database: the failed run made it and rolled it back with"
                        + " itself, so the rows the error is about were never committed; fix the migration that writes"
                        + " them, then run the tool again (or this is not the database or schema it ran on)");
                return answered.reworded(answered.summary(), answered.objects(), evidence, List.of());
            }
            return answered; // the evidence line already says the data could not be checked
        }
    }

    /** "No such table": PostgreSQL's SQLSTATE and the MySQL family's (1146). */
    private static final java.util.Set<String> MISSING_TABLE_STATES = java.util.Set.of("42P01", "42S02");

    /** What the error text's own statement meant to do, when the wrapper carries one that can be understood. */
    private static List<Effect> errorStatementEffects(ParsedError error, Engine engine) {
        if (error == null || error.statement() == null) {
            return List.of();
        }
        List<Effect> effects = StatementEffects.of(new SqlStatement(1, error.statement(), 1), engine);
        return effects.stream().anyMatch(e -> !(e instanceof Effect.Other)) ? effects : List.of();
    }

    /** What the failing statement meant to do: from the error text's statement, else the map's failed statement. */
    private static List<Effect> failingEffects(List<Effect> errorEffects, FailedMigration migration) {
        if (!errorEffects.isEmpty()) {
            return errorEffects;
        }
        if (migration != null) {
            for (StatementVerdict v : migration.statements()) {
                if (v.state() == StatementState.FAILED) {
                    return v.effects();
                }
            }
        }
        return List.of();
    }

    /** A "missing" table may live in a schema outside the scope (field report 01): one targeted lookup. */
    private static List<TableShape> tablesElsewhere(
            DatabaseSession session, CatalogReader reader, ErrorReading error, List<String> schemas)
            throws SQLException {
        if (error.kind() != FindingKind.MISSING_TABLE || error.parsed().objects() == null) {
            return List.of();
        }
        String name = error.parsed().objects().table() != null
                ? error.parsed().objects().table()
                : error.parsed().objects().referencedTable();
        if (name == null) {
            return List.of();
        }
        List<String> others = reader.userSchemas(session.connection()).stream()
                .filter(s -> !schemas.contains(s))
                .toList();
        return others.isEmpty()
                ? List.of()
                : reader.tableShapes(session.connection(), others, Set.of(name.toLowerCase(Locale.ROOT)));
    }
}
