package io.migrescue.app;

import io.migrescue.catalog.CatalogReader;
import io.migrescue.db.DatabaseSession;
import io.migrescue.diagnosis.CatalogLookup;
import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.diagnosis.PartialApplicationMap;
import io.migrescue.diagnosis.RelevantObjects;
import io.migrescue.diagnosis.StatementState;
import io.migrescue.diagnosis.StatementVerdict;
import io.migrescue.diagnosis.StatementWithEffects;
import io.migrescue.history.AtlasChecksums;
import io.migrescue.history.FlywayChecksums;
import io.migrescue.history.LiquibaseChecksums;
import io.migrescue.history.PrismaChecksums;
import io.migrescue.model.Catalog;
import io.migrescue.model.Engine;
import io.migrescue.model.MigrationHistory;
import io.migrescue.playbook.ChecksumEdit;
import io.migrescue.sql.Effect;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.SqlStatement;
import io.migrescue.sql.StatementEffects;
import io.migrescue.sql.StatementSplitter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Applied migrations whose file was edited afterwards, from every tool whose history records a checksum of the file
 * (Flyway and Prisma per file, Liquibase per changeset), each with the statements it holds now, to compare with the live schema.
 */
final class EditedMigrations {
    private EditedMigrations() {}

    /**
     * @param id         the history's key for it (Flyway version; Liquibase {@code ID::AUTHOR::FILENAME})
     * @param what       how a person names it: {@code migration 2 (V2__x.sql)}, {@code changeset ana:2 of 001.sql}
     * @param statements what the file holds for it now, with the file's line numbers
     * @param symptom    how the tool itself fails on it
     */
    record Edited(
            String tool,
            String id,
            String what,
            String recorded,
            String now,
            MigrationFile file,
            List<StatementWithEffects> statements,
            String symptom) {
        String fileName() {
            return file.path().getFileName().toString();
        }

        /** Liquibase alone computes a structural changeset's checksum: without its error text, the edit is seen by its effects. */
        boolean checksumUnknown() {
            return now == null;
        }
    }

    /**
     * The edits that stand against the schema: every one whose checksum changed, and each structural Liquibase
     * changeset (checksum unknown without Liquibase's text) only when some statement of it is not in effect: edited
     * after it ran, or its objects changed by hand since; either way Liquibase's next run does not give that schema.
     */
    static List<Edited> standing(List<Edited> edited, CatalogLookup lookup) {
        return edited.stream()
                .filter(e -> !e.checksumUnknown()
                        || !ChecksumEdit.notInEffect(mapped(e, lookup)).isEmpty())
                .toList();
    }

    static List<Edited> find(List<MigrationHistory> history, List<MigrationFile> files, Engine engine) {
        return find(history, files, engine, null);
    }

    /** @param errorText the tool's output, or null: Liquibase's names the changesets migrescue cannot checksum itself */
    static List<Edited> find(
            List<MigrationHistory> history, List<MigrationFile> files, Engine engine, String errorText) {
        List<Edited> edited = new ArrayList<>();
        for (FlywayChecksums.Drift d : FlywayChecksums.drifts(history, files)) {
            String name = d.file().path().getFileName().toString();
            edited.add(new Edited(
                    "flyway",
                    d.version(),
                    "migration " + d.version() + " (" + name + ")",
                    d.recorded(),
                    Integer.toString(d.now()),
                    d.file(),
                    withEffects(MigrationDirectory.statements(d.file(), engine), engine),
                    "flyway validate and migrate fail"));
        }
        for (LiquibaseChecksums.Drift d : LiquibaseChecksums.drifts(history, files, engine, errorText)) {
            List<SqlStatement> statements = StatementSplitter.split(d.sql(), engine).stream()
                    .map(s -> new SqlStatement(s.number(), s.sql(), s.line() + d.firstLine() - 1))
                    .toList();
            edited.add(new Edited(
                    "liquibase",
                    d.key(),
                    "changeset " + d.changeSet() + " of " + d.file().path().getFileName(),
                    d.recorded(),
                    d.now(),
                    d.file(),
                    withEffects(statements, engine),
                    d.now() == null
                            ? "Liquibase computes a structural changeset's checksum itself: give liquibase update's"
                                    + " output with --error-file to realign it"
                            : "liquibase update and validate fail"));
        }
        for (PrismaChecksums.Drift d : PrismaChecksums.drifts(history, files)) {
            edited.add(new Edited(
                    "prisma",
                    d.name(),
                    "migration " + d.name(),
                    d.recorded(),
                    d.now(),
                    d.file(),
                    withEffects(MigrationDirectory.statements(d.file(), engine), engine),
                    "prisma migrate dev reports it modified after it was applied"));
        }
        for (AtlasChecksums.Drift d : AtlasChecksums.drifts(history, files)) {
            edited.add(new Edited(
                    "atlas",
                    d.version(),
                    "migration " + d.version() + " (" + d.file().path().getFileName() + ")",
                    d.recorded(),
                    d.now(),
                    d.file(),
                    withEffects(MigrationDirectory.statements(d.file(), engine), engine),
                    d.sumStale()
                            ? "atlas migrate apply fails on atlas.sum: run atlas migrate hash to re-sum the directory"
                            : "its revision no longer has the hash of the directory's files"));
        }
        return edited;
    }

    /** The edited migration as a statement map against the catalog: which of its statements are in effect. */
    static FailedMigration mapped(Edited e, CatalogLookup lookup) {
        // the map calls the first statement not in effect "failed"; in an applied migration's edit it never ran
        List<StatementVerdict> verdicts = PartialApplicationMap.build(e.statements(), lookup, null).stream()
                .map(v -> v.state() != StatementState.FAILED
                        ? v
                        : v.judged(StatementState.NOT_APPLIED, v.reason(), v.prediction()))
                .toList();
        return new FailedMigration(e.tool(), e.id(), e.fileName(), "checksum", verdicts);
    }

    /** For {@code status}: one line per edited migration, saying whether the edit is cosmetic or semantic. */
    static List<String> describe(DatabaseSession session, List<String> schemas, List<Edited> edited)
            throws SQLException {
        if (edited.isEmpty()) {
            return List.of();
        }
        List<Effect> effects = new ArrayList<>();
        edited.forEach(e -> e.statements().forEach(s -> effects.addAll(s.effects())));
        Catalog catalog = CatalogReader.of(session.engine())
                .read(
                        session.connection(),
                        schemas,
                        RelevantObjects.of(null, effects, session.engine()).tables());
        CatalogLookup lookup = new CatalogLookup(catalog, schemas.get(0));
        List<String> lines = new ArrayList<>();
        for (Edited e : standing(edited, lookup)) {
            List<String> missing = ChecksumEdit.notInEffect(mapped(e, lookup));
            String kind = e.statements().isEmpty()
                    ? "its statements cannot be compared with the schema"
                    : missing.isEmpty()
                            ? "cosmetic: every statement of it is in effect"
                            : "semantic: " + missing.size() + " of its statements are not in effect";
            lines.add(
                    e.checksumUnknown()
                            ? e.tool() + ": " + e.what() + " is applied, but " + kind.substring("semantic: ".length())
                                    + " (edited after it ran, or changed by hand since; see migrescue diagnose)"
                            : e.tool() + ": " + e.what() + " was edited after it was applied (checksum " + e.recorded()
                                    + " recorded, " + e.now() + " now); " + kind + " (see migrescue diagnose)");
        }
        return lines;
    }

    private static List<StatementWithEffects> withEffects(List<SqlStatement> statements, Engine engine) {
        return statements.stream()
                .map(s -> new StatementWithEffects(s, StatementEffects.of(s, engine)))
                .toList();
    }
}
