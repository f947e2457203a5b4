package io.migrescue.app;

import io.migrescue.diagnosis.CatalogLookup;
import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.diagnosis.Finding;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.HistoryVsFiles;
import io.migrescue.diagnosis.PartialApplicationMap;
import io.migrescue.diagnosis.PlaybookRanking;
import io.migrescue.diagnosis.Severity;
import io.migrescue.diagnosis.StatementVerdict;
import io.migrescue.diagnosis.StatementWithEffects;
import io.migrescue.history.FlywayChecksums;
import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.playbook.ChecksumEdit;
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
    /** The tools compared, each with what its next run does with a file older than the newest applied one. */
    private static final Map<String, String> OUT_OF_ORDER_RULE = Map.of(
            "flyway",
                    "flyway validate fails on it (Detected resolved migration not applied to database) and migrate "
                            + "skips it"
                            + " unless outOfOrder=true",
            "knex", "knex migrate:latest runs it next, after migrations written later",
            "sequelize", "sequelize db:migrate runs it next, after migrations written later",
            "rails", "rails db:migrate runs it next, after migrations written later",
            "goose",
                    "goose up fails on it (found 1 missing migrations before current version) unless run with"
                            + " -allow-missing, which applies it first");

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
            if (!OUT_OF_ORDER_RULE.containsKey(h.tool()) || own.isEmpty()) {
                continue;
            }
            List<HistoryEntry> missing = new ArrayList<>();
            Set<MigrationFile> recorded = new java.util.HashSet<>();
            Map<HistoryEntry, MigrationFile> described = new LinkedHashMap<>();
            for (HistoryEntry e : applied(h)) {
                Optional<MigrationFile> file = MigrationFiles.find(own, e.id());
                file.ifPresentOrElse(recorded::add, () -> missing.add(e));
                file.filter(f -> renamedDescription(h, e, f)).ifPresent(f -> described.put(e, f));
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
                        fileName(f),
                        checksum(tool, f),
                        new FailedMigration(tool, f.id(), fileName(f), "file", v).fullyApplied(),
                        c.beforeNewest().contains(f)));
            }
            List<HistoryVsFiles.Recorded> rows = c.missing().stream()
                    .map(e -> new HistoryVsFiles.Recorded(e.id(), "flyway".equals(tool) ? e.checksum() : null))
                    .toList();
            HistoryVsFiles.Result result = HistoryVsFiles.compare(rows, pending);
            c.described()
                    .forEach((e, f) -> findings.add(redescribed(
                            c.history(),
                            e,
                            new FailedMigration(
                                    tool, e.id(), fileName(f), "renamed", verdicts.getOrDefault(f, List.of())),
                            ranking)));
            for (HistoryVsFiles.Renamed r : result.renamed()) {
                MigrationFile f = byId.get(r.file().id());
                findings.add(renamed(
                        c.history(),
                        r,
                        new FailedMigration(
                                tool, r.row().id(), fileName(f), "renamed", verdicts.getOrDefault(f, List.of())),
                        ranking));
            }
            for (HistoryVsFiles.Missing m : result.missing()) {
                findings.add(missing(c.history(), m, ranking));
            }
            for (HistoryVsFiles.Pending p : result.outOfOrder()) {
                MigrationFile f = byId.get(p.id());
                findings.add(outOfOrder(
                        c.history(),
                        f,
                        new FailedMigration(
                                tool, f.id(), fileName(f), "out-of-order", verdicts.getOrDefault(f, List.of())),
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
                            + "', its file " + fileName(f) + " says '" + f.name()
                            + "' (renamed; see migrescue diagnose)"));
            c.pending().stream()
                    .filter(c.beforeNewest()::contains)
                    .forEach(f -> lines.add(where + ": " + fileName(f)
                            + " is not applied, yet a later migration is (out of order; see migrescue diagnose)"));
        }
        return lines;
    }

    private static Finding renamed(
            MigrationHistory h, HistoryVsFiles.Renamed r, FailedMigration file, PlaybookRanking ranking) {
        List<String> evidence = new ArrayList<>();
        evidence.add(h.tool() + " records " + r.row().id() + " as applied in " + h.table() + "; no migration file has "
                + "that name"
                + " now (" + stuck(h.tool()) + ")");
        evidence.add(
                r.by().equals("checksum")
                        ? file.file() + " has the checksum " + r.row().checksum() + " recorded for "
                                + r.row().id() + ": the " + "same content"
                        : file.file()
                                + " is not recorded, and every statement of it is in effect: it ran under the old name");
        List<String> missing = ChecksumEdit.notInEffect(file);
        if (!missing.isEmpty()) {
            evidence.add("yet " + missing.size() + " statement(s) of it are not in " + "effect: "
                    + String.join("; ", missing));
        }
        Map<String, String> objects = objects(h, r.row().id());
        objects.put("file", file.file());
        return new Finding(
                FindingKind.RENAMED_MIGRATION,
                Severity.ERROR,
                h.tool() + " migration " + r.row().id() + " was renamed to " + file.file() + " after it was applied",
                objects,
                evidence,
                file,
                ranking.rank(FindingKind.RENAMED_MIGRATION, file, false, false),
                false);
    }

    /** Flyway: same version, same content, another description (flyway validate: Migration description mismatch). */
    private static Finding redescribed(
            MigrationHistory h, HistoryEntry e, FailedMigration file, PlaybookRanking ranking) {
        List<String> evidence = new ArrayList<>();
        evidence.add("flyway records version " + e.id() + " as '" + e.description() + "'; " + file.file() + " has the "
                + "same"
                + " checksum (" + e.checksum() + ") under another description (flyway validate fails: Migration "
                + "description mismatch)");
        List<String> missing = ChecksumEdit.notInEffect(file);
        if (!missing.isEmpty()) {
            evidence.add("yet " + missing.size() + " statement(s) of it are not in " + "effect: "
                    + String.join("; ", missing));
        }
        Map<String, String> objects = objects(h, e.id());
        objects.put("file", file.file());
        return new Finding(
                FindingKind.RENAMED_MIGRATION,
                Severity.ERROR,
                "flyway migration " + e.id() + " was renamed " + "to " + file.file() + " after it was applied",
                objects,
                evidence,
                file,
                ranking.rank(FindingKind.RENAMED_MIGRATION, file, false, false),
                false);
    }

    /** A Flyway file of the recorded version and checksum whose description is not the recorded one. */
    private static boolean renamedDescription(MigrationHistory h, HistoryEntry e, MigrationFile f) {
        if (!"flyway".equals(h.tool())
                || e.description() == null
                || e.description().equals(f.name())) {
            return false;
        }
        Integer sum = FlywayChecksums.checksum(f);
        return sum != null && sum.toString().equals(e.checksum()); // a changed checksum is the edited-file finding's
    }

    private static Finding missing(MigrationHistory h, HistoryVsFiles.Missing m, PlaybookRanking ranking) {
        FailedMigration row = new FailedMigration(h.tool(), m.row().id(), null, "missing", List.of());
        List<String> evidence = new ArrayList<>();
        evidence.add(h.tool() + " records " + m.row().id() + " as applied in " + h.table() + "; no migration file has "
                + "it ("
                + stuck(h.tool()) + ")");
        Map<String, String> objects = objects(h, m.row().id());
        if (m.ambiguous()) {
            List<String> names = m.candidates().stream()
                    .map(HistoryVsFiles.Pending::fileName)
                    .toList();
            evidence.add("these files are not recorded and every statement of each is in effect, so any of them may be "
                    + "it: "
                    + String.join(", ", names) + "; migrescue does not guess: give --param renamedTo=FILE");
            objects.put("candidates", String.join(", ", names));
            return new Finding(
                    FindingKind.RENAMED_MIGRATION,
                    Severity.ERROR,
                    h.tool() + " migration " + m.row().id() + " has no file; one of " + names.size()
                            + " files may be it renamed",
                    objects,
                    evidence,
                    row,
                    ranking.rank(FindingKind.RENAMED_MIGRATION, row, false, false),
                    false);
        }
        evidence.add("no file that is not recorded has every statement in effect, so none is this migration renamed;"
                + " its effects stay in the schema, only the history row names a file that is gone");
        return new Finding(
                FindingKind.MISSING_MIGRATION_FILE,
                Severity.ERROR,
                h.tool() + " migration " + m.row().id() + " is recorded as applied but its file is gone",
                objects,
                evidence,
                row,
                ranking.rank(FindingKind.MISSING_MIGRATION_FILE, row, false, false),
                false);
    }

    private static Finding outOfOrder(
            MigrationHistory h, MigrationFile f, FailedMigration file, PlaybookRanking ranking) {
        List<String> evidence = new ArrayList<>();
        String newest = h.latestApplied().map(HistoryEntry::id).orElse("?");
        evidence.add(file.file() + " is not recorded in " + h.table() + ", yet migrations after it are (newest "
                + "applied: "
                + newest + "); " + OUT_OF_ORDER_RULE.get(h.tool()));
        List<String> missing = ChecksumEdit.notInEffect(file);
        if (file.fullyApplied()) {
            evidence.add("every statement of it is in effect already: it can be recorded as applied");
        } else if (file.statements().isEmpty()) {
            evidence.add("it holds no statement that could be compared with the schema");
        } else {
            evidence.add(missing.size() + " of its " + file.statements().size() + " statement(s) are not in effect: "
                    + String.join("; ", missing));
        }
        Map<String, String> objects = objects(h, f.id());
        objects.put("file", file.file());
        return new Finding(
                FindingKind.OUT_OF_ORDER_MIGRATION,
                Severity.ERROR,
                h.tool() + " migration " + file.file()
                        + " is not applied, yet a later one is"
                        + (file.fullyApplied() ? " (its effects are " + "present)" : ""),
                objects,
                evidence,
                file,
                ranking.rank(FindingKind.OUT_OF_ORDER_MIGRATION, file, false, false),
                false);
    }

    private static Map<String, String> objects(MigrationHistory h, String migration) {
        Map<String, String> objects = new LinkedHashMap<>();
        objects.put("tool", h.tool());
        objects.put("historyTable", h.table());
        objects.put("migration", migration);
        return objects;
    }

    private static String stuck(String tool) {
        return switch (tool) {
            case "knex" ->
                "knex migrate:latest fails: The migration directory is corrupt, the following files are " + "missing";
            case "flyway" -> "flyway validate fails: Detected applied migration not resolved locally";
            default -> tool + "'s next run cannot match it to a file";
        };
    }

    /**
     * Applied rows, oldest first; for Flyway only versioned ones, and none of a version {@code flyway repair} marked
     * deleted (a DELETE row).
     */
    private static List<HistoryEntry> applied(MigrationHistory h) {
        List<HistoryEntry> applied = h.entries().stream()
                .filter(e -> e.state() == EntryState.APPLIED)
                .toList();
        if (!"flyway".equals(h.tool())) {
            return applied;
        }
        Set<String> deleted = new java.util.HashSet<>(applied.stream()
                .filter(e -> type(e).equals("DELETE"))
                .map(HistoryEntry::id)
                .toList());
        return applied.stream()
                .filter(e -> !deleted.contains(e.id())
                        && e.id() != null
                        && e.id().matches("[0-9][0-9._]*")
                        && !type(e).contains("BASELINE"))
                .toList();
    }

    private static String type(HistoryEntry e) {
        return e.detail() == null ? "" : e.detail().split(" ", 2)[0];
    }

    private static String fileName(MigrationFile f) {
        return f.path() == null ? f.id() : f.path().getFileName().toString();
    }

    private static String checksum(String tool, MigrationFile f) {
        if (!"flyway".equals(tool)) {
            return null;
        }
        Integer sum = FlywayChecksums.checksum(f);
        return sum == null ? null : sum.toString();
    }
}
