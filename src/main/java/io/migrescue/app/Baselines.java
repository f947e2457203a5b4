package io.migrescue.app;

import io.migrescue.diagnosis.UnrecordedMigrations;
import io.migrescue.history.HistoryWriter;
import io.migrescue.history.LiquibaseChangeSets;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.playbook.ParamSpec;
import io.migrescue.playbook.PlanningException;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code record: baseline}: every migration the tool has not recorded, in its order, up to and including {@code last},
 * recorded as applied exactly as the tool records a run (Drizzle's hash and {@code when}, Prisma's checksum, a Django
 * row). Diagnosis chose {@code last}: the migrations after it are not wholly in effect and are left to the tool.
 */
final class Baselines {
    /**
     * Liquibase never ran here and no liquibase.properties says its changelog path: the FILENAME of every row depends on
     * it, so it is asked (as the playbook declares it), never guessed.
     */
    private static final ParamSpec CHANGELOG_FILE = new ParamSpec(
            "changelog-file",
            null,
            null,
            "The changelog path exactly as Liquibase is given it (--changelog-file, e.g. db/changelog.xml), which it"
                    + " records as each changeset's FILENAME",
            List.of(),
            true,
            "value",
            java.util.Map.of(),
            true);

    private Baselines() {}

    /** The tool's migrations the history does not record, in its order: for Liquibase, each changeset on its own. */
    static List<MigrationFile> pending(
            MigrationHistory history, List<MigrationFile> files, io.migrescue.model.Engine engine) {
        return pending(history, files, engine, null);
    }

    /** @param changelogFile the changelog path Liquibase is given ({@code --param changelog-file}), or null */
    private static List<MigrationFile> pending(
            MigrationHistory history,
            List<MigrationFile> files,
            io.migrescue.model.Engine engine,
            String changelogFile) {
        return "liquibase".equals(history.tool())
                ? LiquibaseChangeSets.pending(history, files, engine, changelogFile)
                : UnrecordedMigrations.pending(history, files);
    }

    /** The statements of one migration {@link #pending} returned. */
    static List<io.migrescue.sql.SqlStatement> statements(MigrationFile f, io.migrescue.model.Engine engine) {
        return "liquibase".equals(f.tool())
                ? LiquibaseChangeSets.statements(f, engine)
                : MigrationDirectory.statements(f, engine);
    }

    static List<BoundStatement> record(
            HistoryWriter writer,
            Dialect dialect,
            MigrationHistory history,
            List<MigrationFile> files,
            String last,
            Instant now,
            String installedBy,
            String changelogFile) {
        List<MigrationFile> pending = pending(history, files, dialect.engine(), changelogFile);
        int end = -1;
        for (int i = 0; i < pending.size(); i++) {
            if (pending.get(i).id().equals(last)
                    || "liquibase".equals(history.tool()) && LiquibaseChangeSets.sameChangeSet(pending.get(i), last)) {
                end = i;
            }
        }
        if (end < 0) {
            if (files.stream().anyMatch(f -> f.id().equals(last))
                    || history.entries().stream().anyMatch(e -> e.id().equals(last))) {
                return List.of(); // recorded already: a resumed repair plans nothing twice
            }
            throw new PlanningException(
                    "migration " + last + " is not among the migration files:" + " give --migrations DIR");
        }
        if (pending.subList(0, end + 1).stream().anyMatch(LiquibaseChangeSets::fileNameUnknown)) {
            throw new PlanningException.DecisionNeeded(CHANGELOG_FILE, "baseline-applied-migrations");
        }
        List<BoundStatement> plan = new ArrayList<>();
        if (history.entries().isEmpty() && writer.historyTable() != null) {
            plan.addAll(writer.createHistoryTable(
                    dialect, history)); // none yet (AbsentHistories): made as the tool makes it
        }
        MigrationHistory sofar = history;
        for (MigrationFile f : pending.subList(0, end + 1)) {
            plan.addAll(writer.recordApplied(dialect, sofar, f, now, installedBy));
            // the next row is planned over the history as it will be (a rank, a batch after this one)
            List<HistoryEntry> entries = new ArrayList<>(sofar.entries());
            entries.add(new HistoryEntry(f.id(), f.name(), EntryState.APPLIED, now, null, null));
            sofar = new MigrationHistory(sofar.tool(), sofar.schema(), sofar.table(), entries, sofar.lock());
        }
        return plan;
    }
}
