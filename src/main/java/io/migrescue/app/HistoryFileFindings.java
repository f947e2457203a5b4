package io.migrescue.app;

import io.migrescue.diagnosis.CatalogLookup;
import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.diagnosis.Finding;
import io.migrescue.diagnosis.HistoryVsFiles;
import io.migrescue.diagnosis.PartialApplicationMap;
import io.migrescue.diagnosis.PlaybookRanking;
import io.migrescue.diagnosis.StatementVerdict;
import io.migrescue.diagnosis.StatementWithEffects;
import io.migrescue.history.MigrationTools;
import io.migrescue.model.Engine;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.MigrationFiles;
import io.migrescue.sql.StatementEffects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applied migrations with no file (renamed or gone) and files not applied though a later one is (out of order), for the
 * tools that keep one history row per migration file. Made in two steps: the files not applied are read first (their
 * tables go into the catalog read), then compared with the schema.
 */
final class HistoryFileFindings {
    private final List<Compared> compared;

    /** @param described Flyway rows whose file kept its version and content but took another description */
    private record Compared(
            MigrationHistory history,
            List<HistoryEntry> missing,
            List<MigrationFile> pending,
            Set<MigrationFile> beforeNewest,
            Map<MigrationFile, List<StatementWithEffects>> statements,
            Map<HistoryEntry, MigrationFile> described) {}

    private HistoryFileFindings(List<Compared> compared) {
        this.compared = compared;
    }

    static HistoryFileFindings read(List<MigrationHistory> histories, List<MigrationFile> files, Engine engine) {
        List<Compared> compared = new ArrayList<>();
        for (MigrationHistory h : histories) {
            List<MigrationFile> own = files.stream()
                    .filter(f -> h.tool().equals(f.tool()) && !(f.tool().equals("flyway") && f.id().startsWith("R__")))
                    .toList();
            if (MigrationTools.factsOf(h.tool()).outOfOrderRule().isEmpty() || own.isEmpty()) {
                continue;
            }
            List<HistoryEntry> missing = new ArrayList<>();
            Set<MigrationFile> recorded = new java.util.HashSet<>();
            Map<HistoryEntry, MigrationFile> described = new LinkedHashMap<>();
            for (HistoryEntry e : HistoryFileRows.applied(h)) {
                Optional<MigrationFile> file = MigrationFiles.find(own, e.id());
                file.ifPresentOrElse(recorded::add, () -> missing.add(e));
                file.filter(f -> HistoryFileRenames.renamedDescription(h, e, f)).ifPresent(f -> described.put(e, f));
            }
            int newest = own.stream()
                    .filter(recorded::contains)
                    .mapToInt(own::indexOf)
                    .max()
                    .orElse(-1);
            List<MigrationFile> pending =
                    own.stream().filter(f -> !recorded.contains(f)).toList();
            Set<MigrationFile> before = new java.util.HashSet<>(
                    pending.stream().filter(f -> own.indexOf(f) < newest).toList());
            Map<MigrationFile, List<StatementWithEffects>> statements = new LinkedHashMap<>();
            for (MigrationFile f : pending) {
                if (before.contains(f) || !missing.isEmpty()) {
                    statements.put(
                            f,
                            MigrationDirectory.statements(f, engine).stream()
                                    .map(s -> new StatementWithEffects(s, StatementEffects.of(s, engine)))
                                    .toList());
                }
            }
            described
                    .values()
                    .forEach(f -> statements.put(
                            f,
                            MigrationDirectory.statements(f, engine).stream()
                                    .map(st -> new StatementWithEffects(st, StatementEffects.of(st, engine)))
                                    .toList()));
            if (!missing.isEmpty() || !before.isEmpty() || !described.isEmpty()) {
                compared.add(new Compared(h, missing, pending, before, statements, described));
            }
        }
        return new HistoryFileFindings(compared);
    }

    /**
     * Whether this history has an applied row without its file, or a file out of order: then the files it has not
     * recorded are candidates for those rows, not migrations to baseline (that would record a renamed file twice).
     */
    boolean handles(MigrationHistory h) {
        return compared.stream()
                .anyMatch(c -> c.history() == h
                        && (!c.missing().isEmpty() || !c.beforeNewest().isEmpty()));
    }

    /** The statements of the files not applied: the catalog read must include what they touch. */
    List<StatementWithEffects> statements() {
        return compared.stream()
                .flatMap(c -> c.statements().values().stream())
                .flatMap(List::stream)
                .toList();
    }

    List<Finding> findings(CatalogLookup lookup, PlaybookRanking ranking) {
        List<Finding> findings = new ArrayList<>();
        for (Compared c : compared) {
            String tool = c.history().tool();
            Map<MigrationFile, List<StatementVerdict>> verdicts = new LinkedHashMap<>();
            c.statements().forEach((f, s) -> verdicts.put(f, PartialApplicationMap.build(s, lookup, null)));
            Map<String, MigrationFile> byId = new LinkedHashMap<>();
            List<HistoryVsFiles.Pending> pending = new ArrayList<>();
            for (MigrationFile f : c.pending()) {
                byId.put(f.id(), f);
                List<StatementVerdict> v = verdicts.getOrDefault(f, List.of());
                pending.add(new HistoryVsFiles.Pending(
                        f.id(),
                        HistoryFileRows.fileName(f),
                        HistoryFileRows.checksum(tool, f),
                        new FailedMigration(tool, f.id(), HistoryFileRows.fileName(f), "file", v).fullyApplied(),
                        c.beforeNewest().contains(f)));
            }
            List<HistoryVsFiles.Recorded> rows = c.missing().stream()
                    .map(e -> new HistoryVsFiles.Recorded(e.id(), "flyway".equals(tool) ? e.checksum() : null))
                    .toList();
            HistoryVsFiles.Result result = HistoryVsFiles.compare(rows, pending);
            c.described()
                    .forEach((e, f) -> findings.add(HistoryFileRenames.redescribed(
                            c.history(),
                            e,
                            new FailedMigration(
                                    tool,
                                    e.id(),
                                    HistoryFileRows.fileName(f),
                                    "renamed",
                                    verdicts.getOrDefault(f, List.of())),
                            ranking)));
            for (HistoryVsFiles.Renamed r : result.renamed()) {
                MigrationFile f = byId.get(r.file().id());
                findings.add(HistoryFileRenames.renamed(
                        c.history(),
                        r,
                        new FailedMigration(
                                tool,
                                r.row().id(),
                                HistoryFileRows.fileName(f),
                                "renamed",
                                verdicts.getOrDefault(f, List.of())),
                        ranking));
            }
            for (HistoryVsFiles.Missing m : result.missing()) {
                findings.add(HistoryFileRenames.missing(c.history(), m, ranking));
            }
            for (HistoryVsFiles.Pending p : result.outOfOrder()) {
                MigrationFile f = byId.get(p.id());
                findings.add(HistoryFileOrder.outOfOrder(
                        c.history(),
                        f,
                        new FailedMigration(
                                tool,
                                f.id(),
                                HistoryFileRows.fileName(f),
                                "out-of-order",
                                verdicts.getOrDefault(f, List.of())),
                        ranking));
            }
        }
        return findings;
    }

    /** One line per state for {@code status}, without reading the schema. */
    List<String> statusLines() {
        List<String> lines = new ArrayList<>();
        for (Compared c : compared) {
            String where = c.history().tool() + " (" + c.history().schema() + "."
                    + c.history().table() + ")";
            c.missing()
                    .forEach(e -> lines.add(where + ": migration " + e.id() + " is recorded as applied but no file "
                            + "has it"
                            + " (renamed or deleted; see migrescue diagnose)"));
            c.described()
                    .forEach((e, f) -> lines.add(where + ": migration " + e.id() + " is recorded as "
                            + "'" + e.description()
                            + "', its file " + HistoryFileRows.fileName(f) + " says '" + f.name()
                            + "' (renamed; see migrescue diagnose)"));
            c.pending().stream()
                    .filter(c.beforeNewest()::contains)
                    .forEach(f -> lines.add(where + ": " + HistoryFileRows.fileName(f)
                            + " is not applied, yet a later migration is (out of order; see migrescue diagnose)"));
        }
        return lines;
    }
}
