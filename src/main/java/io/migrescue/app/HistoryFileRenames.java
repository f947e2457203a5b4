package io.migrescue.app;

import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.diagnosis.Finding;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.HistoryVsFiles;
import io.migrescue.diagnosis.PlaybookRanking;
import io.migrescue.diagnosis.Severity;
import io.migrescue.history.FlywayChecksums;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.playbook.ChecksumEdit;
import io.migrescue.sql.MigrationFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings for an applied migration whose file is not where the history says: renamed (matched by checksum or by
 * its effects), given another description (Flyway), or gone; each with the evidence a person needs to decide.
 */
final class HistoryFileRenames {
    private HistoryFileRenames() {}

    static Finding renamed(
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
        notInEffect(file, evidence);
        Map<String, String> objects = objects(h, r.row().id());
        objects.put("file", file.file());
        return finding(
                FindingKind.RENAMED_MIGRATION,
                h.tool() + " migration " + r.row().id() + " was renamed to " + file.file() + " after it was applied",
                objects,
                evidence,
                file,
                ranking);
    }

    /** Flyway: same version, same content, another description (flyway validate: Migration description mismatch). */
    static Finding redescribed(MigrationHistory h, HistoryEntry e, FailedMigration file, PlaybookRanking ranking) {
        List<String> evidence = new ArrayList<>();
        evidence.add("flyway records version " + e.id() + " as '" + e.description() + "'; " + file.file() + " has the "
                + "same"
                + " checksum (" + e.checksum() + ") under another description (flyway validate fails: Migration "
                + "description mismatch)");
        notInEffect(file, evidence);
        Map<String, String> objects = objects(h, e.id());
        objects.put("file", file.file());
        return finding(
                FindingKind.RENAMED_MIGRATION,
                "flyway migration " + e.id() + " was renamed " + "to " + file.file() + " after it was applied",
                objects,
                evidence,
                file,
                ranking);
    }

    /** A Flyway file of the recorded version and checksum whose description is not the recorded one. */
    static boolean renamedDescription(MigrationHistory h, HistoryEntry e, MigrationFile f) {
        if (!"flyway".equals(h.tool())
                || e.description() == null
                || e.description().equals(f.name())) {
            return false;
        }
        Integer sum = FlywayChecksums.checksum(f);
        return sum != null && sum.toString().equals(e.checksum()); // a changed checksum is the edited-file finding's
    }

    static Finding missing(MigrationHistory h, HistoryVsFiles.Missing m, PlaybookRanking ranking) {
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
            return finding(
                    FindingKind.RENAMED_MIGRATION,
                    h.tool() + " migration " + m.row().id() + " has no file; one of " + names.size()
                            + " files may be it renamed",
                    objects,
                    evidence,
                    row,
                    ranking);
        }
        evidence.add("no file that is not recorded has every statement in effect, so none is this migration renamed;"
                + " its effects stay in the schema, only the history row names a file that is gone");
        return finding(
                FindingKind.MISSING_MIGRATION_FILE,
                h.tool() + " migration " + m.row().id() + " is recorded as applied but its file is gone",
                objects,
                evidence,
                row,
                ranking);
    }

    /** The evidence that statements of the file under the new name are not in effect, when some are not. */
    private static void notInEffect(FailedMigration file, List<String> evidence) {
        List<String> missing = ChecksumEdit.notInEffect(file);
        if (!missing.isEmpty()) {
            evidence.add("yet " + missing.size() + " statement(s) of it are not in " + "effect: "
                    + String.join("; ", missing));
        }
    }

    /** An error finding about migration {@code file} of the history, ranked without a statement map of its own. */
    static Finding finding(
            FindingKind kind,
            String title,
            Map<String, String> objects,
            List<String> evidence,
            FailedMigration file,
            PlaybookRanking ranking) {
        return new Finding(
                kind, Severity.ERROR, title, objects, evidence, file, ranking.rank(kind, file, false, false), false);
    }

    static Map<String, String> objects(MigrationHistory h, String migration) {
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
}
