package io.migrescue.app;

import io.migrescue.catalog.CatalogReader;
import io.migrescue.db.DatabaseSession;
import io.migrescue.diagnosis.FailedMigrationFinder;
import io.migrescue.diagnosis.StatementWithEffects;
import io.migrescue.failure.MigrescueException;
import io.migrescue.history.HistoryAdapters;
import io.migrescue.history.HistoryReader;
import io.migrescue.model.Catalog;
import io.migrescue.model.Engine;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.preflight.PendingMigration;
import io.migrescue.preflight.PreflightFinding;
import io.migrescue.preflight.PreflightReport;
import io.migrescue.preflight.Simulation;
import io.migrescue.preflight.Simulator;
import io.migrescue.preflight.Transactions;
import io.migrescue.sql.Effect;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.SqlStatement;
import io.migrescue.sql.StatementEffects;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code preflight}: the history says which migrations are pending; they are simulated in order over a model of the
 * live catalog; what the model cannot decide alone (orphans, duplicates, NULLs, locks) is asked of the rows with
 * bounded counts. All of it in one read-only transaction that is rolled back: nothing is written, nothing created.
 */
public final class PreflightUseCase {
    private PreflightUseCase() {}

    /** @param renderer {@code --render-with-tool}: each pending migration's SQL rendered by its tool, or null to read the files */
    public record Request(
            List<String> schemas, Path migrationsDir, String tool, String historyTable, ToolRenderedSql renderer) {
        public Request(List<String> schemas, Path migrationsDir, String tool, String historyTable) {
            this(schemas, migrationsDir, tool, historyTable, null);
        }
    }

    public static PreflightReport run(DatabaseSession session, Request request) {
        if (request.migrationsDir() == null) {
            throw MigrescueException.usage("preflight needs the migrations: --migrations DIR (or --project DIR)");
        }
        List<String> schemas = Scope.resolve(session.info(), request.schemas());
        Connection c = session.connection();
        try {
            boolean autoCommit = c.getAutoCommit();
            c.setReadOnly(true);
            c.setAutoCommit(false);
            try {
                return inReadOnlyTransaction(session, schemas, request);
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
                c.setReadOnly(false);
            }
        } catch (SQLException e) {
            throw DatabaseFailures.reading("preflight", e);
        }
    }

    private static PreflightReport inReadOnlyTransaction(DatabaseSession session, List<String> schemas, Request request)
            throws SQLException {
        CatalogReader reader = CatalogReader.of(session.engine());
        List<String> existing = reader.userSchemas(session.connection());
        List<String> missing =
                schemas.stream().filter(s -> !existing.contains(s)).toList();
        if (!missing.isEmpty()) {
            throw MigrescueException.usage("no schema or database named " + String.join(", ", missing));
        }
        List<String> notes = new ArrayList<>();
        List<MigrationHistory> history =
                HistoryReader.readAll(session, schemas, HistoryAdapters.select(request.tool(), request.historyTable()));
        if (history.isEmpty()) {
            notes.add("no migration history table in scope (" + String.join(", ", schemas)
                    + "): every migration is taken as pending");
        }
        List<String> blockers = blockers(history);
        List<MigrationFile> files = MigrationDirectory.list(request.migrationsDir(), notes);
        List<PendingMigration> pending = new ArrayList<>();
        for (MigrationFile f : FailedMigrationFinder.pending(history, files)) {
            pending.add(pending(f, session.engine(), request.renderer(), notes));
        }
        Catalog catalog = readInvolved(session, reader, schemas, pending);
        Simulation simulation = new Simulator(
                        catalog,
                        schemas.get(0),
                        MigrationDirectory.creates(request.migrationsDir(), session.engine(), null))
                .run(pending);
        notes.addAll(simulation.notes());
        List<PreflightFinding> findings = new ArrayList<>(new RowChecks(session).confirm(simulation.findings()));
        findings.addAll(new LockChecks(session, schemas).check(simulation.lockChecks()));
        return new PreflightReport(
                session.info(),
                schemas,
                history.stream().map(MigrationHistory::tool).distinct().toList(),
                pending,
                PreflightReport.withHazards(findings, session.info()),
                blockers,
                notes);
    }

    /**
     * Every table by name (who holds a name anywhere in the schema), and in detail the tables the pending statements
     * name plus the holders of the constraint and index names they use: on 2,000 tables a fraction of the full read.
     * A pending DROP TABLE needs every table's foreign keys (who references it): then all is read in detail.
     */
    private static Catalog readInvolved(
            DatabaseSession session, CatalogReader reader, List<String> schemas, List<PendingMigration> pending)
            throws SQLException {
        List<Effect> effects = new ArrayList<>();
        pending.forEach(m -> m.statements().forEach(s -> effects.addAll(s.effects())));
        if (effects.stream().anyMatch(e -> e instanceof Effect.DropTable)) {
            return reader.read(session.connection(), schemas);
        }
        return InvolvedCatalog.read(session, reader, schemas, null, effects);
    }

    private static PendingMigration pending(
            MigrationFile f, Engine engine, ToolRenderedSql renderer, List<String> notes) {
        List<SqlStatement> statements = renderer == null
                ? MigrationDirectory.statements(f, engine)
                : ToolRenderedSql.statements(f, engine, renderer, notes);
        List<StatementWithEffects> understood = statements.stream()
                .map(s -> new StatementWithEffects(s, StatementEffects.of(s, engine)))
                .toList();
        String source = f.path() == null || !java.nio.file.Files.isRegularFile(f.path())
                ? ""
                : MigrationDirectory.read(f.path());
        Path scriptConfig =
                f.path() == null ? null : f.path().resolveSibling(f.path().getFileName() + ".conf");
        if ("flyway".equals(f.tool()) && java.nio.file.Files.isRegularFile(scriptConfig)) {
            // Flyway's per-script settings (executeInTransaction)
            source += "\n" + MigrationDirectory.read(scriptConfig);
        }
        boolean inTransaction = Transactions.inTransaction(
                engine, f.tool(), statements.stream().map(SqlStatement::sql).toList(), source);
        return new PendingMigration(
                f.tool(),
                f.id(),
                f.path() == null ? f.id() : f.path().getFileName().toString(),
                understood,
                inTransaction);
    }

    /** States that stop the tool before it runs anything: a failed or dirty entry, a held lock. */
    private static List<String> blockers(List<MigrationHistory> history) {
        List<String> out = new ArrayList<>();
        for (MigrationHistory h : history) {
            for (HistoryEntry e : h.failed()) {
                out.add(h.tool() + ": migration " + e.id()
                        + " is recorded as failed; the tool will not run until it is repaired"
                        + " (migrescue diagnose)");
            }
            for (HistoryEntry e : h.dirtyEntries()) {
                out.add(h.tool() + ": version " + e.id()
                        + " is dirty; the tool will not run until it is cleared (migrescue diagnose)");
            }
            if (h.locked()) {
                out.add(h.tool() + ": its migration lock is held; the tool will wait for it (migrescue diagnose)");
            }
        }
        return out;
    }
}
