package io.migrescue.app;

import io.migrescue.catalog.CatalogReader;
import io.migrescue.db.DatabaseSession;
import io.migrescue.diagnosis.AlembicHeads;
import io.migrescue.diagnosis.CatalogLookup;
import io.migrescue.diagnosis.DirtyVersionMatch;
import io.migrescue.diagnosis.Finding;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.LostRevision;
import io.migrescue.diagnosis.MappedMigration;
import io.migrescue.diagnosis.PartialApplicationMap;
import io.migrescue.diagnosis.PlaybookRanking;
import io.migrescue.diagnosis.RelevantObjects;
import io.migrescue.diagnosis.StatementWithEffects;
import io.migrescue.diagnosis.UnrecordedMigrations;
import io.migrescue.model.Engine;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.Effect;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.StatementEffects;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When the history and the files disagree about where the database is (issue 13, items 4 and 5): migrations in effect
 * but not recorded (baseline after push), a recorded revision whose file is gone (which one does the schema match?),
 * and revision scripts with two heads. Reads the statements of the migrations concerned, so the catalog read covers
 * their tables; the findings come from the pure core.
 */
final class HistoryMismatches {
    private final List<MigrationHistory> history;
    private final List<MigrationFile> files;
    /** per history: the migrations to map (the pending ones; all of the tool's when its recorded revision is lost) */
    private final Map<MigrationHistory, List<MigrationFile>> concerned = new LinkedHashMap<>();
    /** dirty histories whose version is matched to the schema (golang-migrate): all of the tool's migrations */
    private final Map<MigrationHistory, List<MigrationFile>> dirty = new LinkedHashMap<>();

    private final Map<MigrationFile, List<StatementWithEffects>> statements = new LinkedHashMap<>();

    private HistoryMismatches(
            List<MigrationHistory> history,
            List<MigrationFile> files,
            Engine engine,
            java.util.function.Predicate<MigrationHistory> elsewhere) {
        this.history = history;
        this.files = files;
        for (MigrationHistory h : history) {
            List<MigrationFile> own =
                    files.stream().filter(f -> h.tool().equals(f.tool())).toList();
            if (!h.dirtyEntries().isEmpty() && !own.isEmpty()) {
                dirty.put(h, own); // which version is it really at? its dirty finding says, from every migration's map
                read(own, engine);
                continue;
            }
            if (h.needsAttention() || elsewhere.test(h)) {
                continue; // a failed run is the failed-migration finding's to explain
            }
            List<MigrationFile> mine =
                    LostRevision.lost(h, files).isEmpty() ? Baselines.pending(h, files, engine) : own;
            concerned.put(h, mine);
            read(mine, engine);
        }
    }

    private void read(List<MigrationFile> mine, Engine engine) {
        for (MigrationFile f : mine) {
            statements.put(
                    f,
                    Baselines.statements(f, engine).stream() // a Liquibase changeset is its own unit
                            .map(s -> new StatementWithEffects(s, StatementEffects.of(s, engine)))
                            .toList());
        }
    }

    private List<MappedMigration> mapped(List<MigrationFile> mine, CatalogLookup lookup) {
        return mine.stream()
                .map(f -> new MappedMigration(f, PartialApplicationMap.build(statements.get(f), lookup, 0)))
                .toList();
    }

    /** @param elsewhere histories another check explains (renamed or missing files): none of their files is baselined */
    static HistoryMismatches of(
            List<MigrationHistory> history,
            List<MigrationFile> files,
            Engine engine,
            java.util.function.Predicate<MigrationHistory> elsewhere) {
        return new HistoryMismatches(history, files, engine, elsewhere);
    }

    /** Every statement read, so the catalog is read in detail for their tables. */
    List<StatementWithEffects> statements() {
        List<StatementWithEffects> all = new ArrayList<>();
        statements.values().forEach(all::addAll);
        return all;
    }

    List<Finding> findings(CatalogLookup lookup, PlaybookRanking ranking) {
        List<Finding> found = new ArrayList<>();
        MigrationHistory alembic = history.stream()
                .filter(h -> "alembic".equals(h.tool()))
                .findFirst()
                .orElse(null);
        AlembicHeads.find(alembic, files).ifPresent(found::add);
        for (Map.Entry<MigrationHistory, List<MigrationFile>> e : concerned.entrySet()) {
            MigrationHistory h = e.getKey();
            List<MappedMigration> mapped = mapped(e.getValue(), lookup);
            List<String> lost = LostRevision.lost(h, files);
            if (!lost.isEmpty()) {
                LostRevision.find(h, lost, mapped, ranking).ifPresent(found::add);
            } else if (found.stream().noneMatch(f -> f.kind() == FindingKind.MULTIPLE_HEADS)) {
                UnrecordedMigrations.find(h, mapped, lookup, ranking).ifPresent(found::add);
            }
        }
        return found;
    }

    /** These findings first: the tool's next run fails because of them, whatever the error text adds. */
    List<Finding> before(List<Finding> others, CatalogLookup lookup, PlaybookRanking ranking) {
        List<Finding> all = new ArrayList<>(findings(lookup, ranking));
        others.forEach(f -> all.add(matched(f, lookup, ranking)));
        return all;
    }

    /** A dirty version's finding with the version the schema matches, when the tool's files are at hand. */
    private Finding matched(Finding f, CatalogLookup lookup, PlaybookRanking ranking) {
        if (f.kind() != FindingKind.DIRTY_VERSION) {
            return f;
        }
        return dirty.entrySet().stream()
                .filter(e -> e.getKey().tool().equals(f.objects().get("tool")))
                .findFirst()
                .map(e -> DirtyVersionMatch.matched(f, e.getKey(), mapped(e.getValue(), lookup), ranking))
                .orElse(f);
    }

    /** The dirty versions as {@code status} shows them: which version the schema matches. */
    private List<Finding> dirtyFindings(CatalogLookup lookup) {
        List<Finding> found = new ArrayList<>();
        PlaybookRanking none = new PlaybookRanking(List.of());
        for (Map.Entry<MigrationHistory, List<MigrationFile>> d : dirty.entrySet()) {
            MigrationHistory h = d.getKey();
            for (var e : h.dirtyEntries()) {
                Finding bare = new Finding(
                        FindingKind.DIRTY_VERSION,
                        io.migrescue.diagnosis.Severity.ERROR,
                        h.tool() + " version " + e.id() + " is dirty",
                        Map.of("tool", h.tool(), "version", e.id()),
                        List.of(),
                        null,
                        List.of(),
                        false);
                Finding matched = DirtyVersionMatch.matched(bare, h, mapped(d.getValue(), lookup), none);
                if (!matched.summary().equals(bare.summary())) { // status says "dirty" already: only what it adds
                    found.add(matched);
                }
            }
        }
        return found;
    }

    /** For {@code status}: one line per mismatch, from a catalog read of the tables concerned only. */
    static List<String> attention(
            DatabaseSession session,
            List<String> schemas,
            List<MigrationHistory> history,
            List<MigrationFile> files,
            java.util.function.Predicate<MigrationHistory> elsewhere)
            throws SQLException {
        if (files.isEmpty()) {
            return List.of();
        }
        HistoryMismatches mismatches = of(history, files, session.engine(), elsewhere);
        List<Effect> effects = new ArrayList<>();
        mismatches.statements().forEach(s -> effects.addAll(s.effects()));
        CatalogReader reader = CatalogReader.of(session.engine());
        var tables = RelevantObjects.of(null, effects, session.engine()).tables();
        var catalog = reader.read(session.connection(), schemas, tables);
        CatalogLookup lookup = new CatalogLookup(catalog, schemas.get(0));
        List<Finding> found = new ArrayList<>(mismatches.findings(lookup, new PlaybookRanking(List.of())));
        found.addAll(mismatches.dirtyFindings(lookup));
        return found.stream()
                .map(f -> f.summary() + " (see migrescue diagnose)")
                .toList();
    }
}
