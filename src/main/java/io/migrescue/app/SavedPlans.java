package io.migrescue.app;

import io.migrescue.backup.Progress;
import io.migrescue.catalog.CatalogReader;
import io.migrescue.db.DatabaseSession;
import io.migrescue.db.Redaction;
import io.migrescue.failure.ExitCode;
import io.migrescue.failure.MigrescueException;
import io.migrescue.history.HistoryAdapters;
import io.migrescue.history.HistoryReader;
import io.migrescue.model.Catalog;
import io.migrescue.playbook.Plan;
import io.migrescue.playbook.PlanFingerprint;
import io.migrescue.playbook.SavedPlan;
import io.migrescue.repair.PlanCodec;
import io.migrescue.repair.RepairExecutor;
import io.migrescue.repair.RepairReport;
import io.migrescue.repair.StepControl;
import io.migrescue.repair.StepGate;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code repair --dry-run --save-plan FILE} and {@code repair --plan FILE}: the reviewed plan, with the fingerprint of
 * everything it touches, written to a file; later run exactly as saved (no new diagnosis, the same parameters), but
 * only on the same database and only while the fingerprint read again is the same.
 */
public final class SavedPlans {
    private SavedPlans() {}

    /** Writes {@code plan} (as a dry run made it) with the fingerprint of what it touches, read now. */
    public static void save(DatabaseSession session, Plan plan, List<String> requestedSchemas, Path file) {
        List<String> schemas = Scope.resolve(session.info(), requestedSchemas);
        SavedPlan saved =
                new SavedPlan(SavedPlan.VERSION, database(session), schemas, plan, fingerprint(session, plan, schemas));
        try {
            PlanCodec.save(saved, file);
        } catch (UncheckedIOException e) {
            throw MigrescueException.usage(e.getMessage() + " (choose another file for --save-plan)");
        }
    }

    /**
     * The saved plan checked against the database now.
     *
     * @param changes what differs since it was saved, one sentence each; empty when it still fits
     */
    public record Check(SavedPlan saved, List<String> changes) {
        public boolean fits() {
            return changes.isEmpty();
        }

        /** One line for the operator: the first difference, and how many more there are. */
        public String summary(Path file) {
            return "the saved plan " + file + " no longer fits: " + changes.get(0)
                    + (changes.size() > 1 ? " (and " + (changes.size() - 1) + " more difference(s))" : "")
                    + "; nothing was changed. Plan again: repair --dry-run --save-plan " + file;
        }
    }

    /** Reads the plan file and compares it with the database; a plan saved for another database is refused (exit 7). */
    public static Check check(DatabaseSession session, Path file) {
        SavedPlan saved;
        try {
            saved = PlanCodec.load(file);
        } catch (UncheckedIOException e) {
            throw MigrescueException.usage(e.getMessage());
        }
        if (saved.plan().engine() != session.engine() || !database(session).equals(saved.database())) {
            throw new MigrescueException(
                    ExitCode.PLAN_CHANGED,
                    "the plan " + file + " was saved for " + saved.database() + ", not for this database ("
                            + database(session) + "); nothing was changed");
        }
        PlanFingerprint now = fingerprint(session, saved.plan(), saved.schemas());
        return new Check(saved, saved.fingerprint().changes(now));
    }

    /** The saved plan as a dry run shows it, with a note saying whether it still fits. */
    public static RepairReport preview(Check check, Path file, Path backupDir) {
        RepairReport r = RepairExecutor.preview(check.saved().plan(), backupDir);
        return new RepairReport(
                r.plan(),
                true,
                r.status(),
                r.backup(),
                r.journal(),
                r.steps(),
                r.verification(),
                check.fits()
                        ? "the saved plan " + file + " still fits the database: repair --plan " + file
                                + " --yes runs it"
                        : check.summary(file));
    }

    /** Runs the saved plan exactly as saved, after the check found nothing changed. */
    /** @param scripted nobody to ask: a failed verification, or a step failing after changes, is rolled back at once */
    public static RepairReport run(
            DatabaseSession session,
            Check check,
            Path file,
            Path backupDir,
            boolean confirmed,
            boolean scripted,
            Progress progress,
            StepGate gate,
            StepControl control) {
        if (!check.fits()) {
            throw new MigrescueException(ExitCode.PLAN_CHANGED, check.summary(file));
        }
        Plan plan = check.saved().plan();
        if (!confirmed) {
            throw new MigrescueException(
                    ExitCode.CONFIRMATION_NEEDED,
                    "repair --plan " + file + " would change the database ("
                            + (plan.steps().size() - 1)
                            + " step(s) after the backup); nothing was changed. Add --yes to run it");
        }
        RepairExecutor executor = new RepairExecutor(
                        session, new BackupStore(progress), check.saved().schemas())
                .controlledBy(control);
        return (scripted ? executor.rollingBackOnFailure() : executor).run(plan, backupDir, gate);
    }

    /** Which database a plan is for: engine, host, port and database, without user or password. */
    static String database(DatabaseSession session) {
        String url = Redaction.url(session.info().url());
        return session.engine().id() + " " + url.replaceFirst("[?;].*$", "").replaceFirst("//[^/@]*@", "//");
    }

    private static PlanFingerprint fingerprint(DatabaseSession session, Plan plan, List<String> schemas) {
        try {
            Catalog catalog = CatalogReader.of(session.engine()).read(session.connection(), schemas);
            Map<String, Long> counts = new LinkedHashMap<>();
            for (PlanFingerprint.RowSelection s : PlanFingerprint.rowSelections(plan)) {
                counts.put(s.key(), count(session, s));
            }
            return PlanFingerprint.of(
                    plan, catalog, HistoryReader.readAll(session, schemas, HistoryAdapters.all()), counts);
        } catch (SQLException e) {
            throw DatabaseFailures.reading("the fingerprint of the plan", e);
        }
    }

    /** -1 when the rows cannot be counted any more (the table or a column is gone: the table's definition says which). */
    private static long count(DatabaseSession session, PlanFingerprint.RowSelection s) {
        // the predicate is the planner's own (quoted identifiers, no user text), as the backup runs it
        String sql = "SELECT COUNT(*) FROM " + session.dialect().qualify(s.schema(), s.table()) + " WHERE (" + s.where()
                + ")";
        try (PreparedStatement ps = session.connection().prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }
}
