package io.migrescue.diagnosis;

import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The findings a tool's history table reports by itself: failed and dirty entries, a held lock. */
final class HistoryFindings {
    private HistoryFindings() {}

    static List<Finding> of(DiagnosisInput input) {
        List<Finding> findings = new ArrayList<>();
        for (MigrationHistory h : input.history()) {
            String where = h.qualifiedTable();
            for (HistoryEntry e : h.failed()) {
                FailedMigration m =
                        Diagnoser.sameMigration(input.migration(), h.tool(), e.id()) ? input.migration() : null;
                Map<String, String> objects = Diagnoser.objects("tool", h.tool(), "table", where, "migration", e.id());
                List<String> evidence = new ArrayList<>();
                evidence.add(h.tool() + " records migration " + e.id()
                        + (e.description() == null ? "" : " (" + e.description() + ")") + " as failed"
                        + (e.appliedAt() == null ? "" : " at " + e.appliedAt()));
                if (e.detail() != null && h.tool().equals("prisma")) {
                    evidence.add("prisma logs: " + firstLine(e.detail()));
                }
                if (m != null && m.fullyApplied()) {
                    evidence.add("every statement of it is in effect: recording it as applied is enough");
                } else if (m != null && m.nothingApplied()) {
                    evidence.add("none of its statements is in effect: it can be marked rolled back and run again");
                }
                findings.add(new Finding(
                        FindingKind.FAILED_MIGRATION,
                        Severity.ERROR,
                        h.tool() + " migration " + e.id()
                                + " failed; the tool will not run later migrations until it is resolved",
                        objects,
                        evidence,
                        m,
                        input.ranking().rank(FindingKind.FAILED_MIGRATION, m, false, false),
                        false));
            }
            for (HistoryEntry e : h.dirtyEntries()) {
                FailedMigration m =
                        Diagnoser.sameMigration(input.migration(), h.tool(), e.id()) ? input.migration() : null;
                findings.add(new Finding(
                        FindingKind.DIRTY_VERSION,
                        Severity.ERROR,
                        h.tool() + " version " + e.id() + " is dirty: its run stopped part way ("
                                + (m == null || m.statements().isEmpty()
                                        ? "give --migrations to see which statements took effect"
                                        : m.partiallyApplied()
                                                ? "some statements took effect"
                                                : m.fullyApplied()
                                                        ? "every statement took effect"
                                                        : "none of its statements took effect")
                                + ")",
                        Diagnoser.objects("tool", h.tool(), "table", where, "version", e.id()),
                        List.of(where + " holds (version " + e.id() + ", dirty = true)"),
                        m,
                        input.ranking().rank(FindingKind.DIRTY_VERSION, m, false, false),
                        false));
            }
            if (h.locked()) {
                findings.add(new Finding(
                        FindingKind.STUCK_LOCK,
                        Severity.ERROR,
                        h.tool() + " lock in " + h.lock().table() + " is held"
                                + (h.lock().holder() == null
                                        ? ""
                                        : " by " + h.lock().holder()),
                        Diagnoser.objects(
                                "tool",
                                h.tool(),
                                "table",
                                h.schema() + "." + h.lock().table(),
                                "holder",
                                h.lock().holder()),
                        List.of("locked since "
                                + (h.lock().since() == null
                                        ? "an unknown time"
                                        : h.lock().since().toString())),
                        null,
                        input.ranking().rank(FindingKind.STUCK_LOCK, null, false, false),
                        false));
            }
        }
        return findings;
    }

    private static String firstLine(String text) {
        return text.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .findFirst()
                .orElse("");
    }
}
