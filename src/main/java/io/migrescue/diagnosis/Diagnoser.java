package io.migrescue.diagnosis;

import io.migrescue.model.HistoryEntry;
import io.migrescue.model.Index;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Error text + snapshot + history + statement map → findings, best first. Pure: records in, records out. */
public final class Diagnoser {
    private Diagnoser() {}

    public static List<Finding> diagnose(DiagnosisInput input) {
        CatalogLookup lookup = new CatalogLookup(input.catalog(), input.defaultSchema());
        List<Finding> findings = new ArrayList<>();
        Finding cause = null;
        if (input.error() != null && input.errorKind() != null && !isHistoryKind(input.errorKind())) {
            Finding confirmed = new ErrorConfirmation(lookup, input).confirm();
            findings.add(confirmed);
            cause = confirmed.stale() ? null : confirmed;
        } else if (input.error() == null) {
            cause = predictedCause(lookup, input);
            if (cause != null) {
                findings.add(cause);
            }
        }
        Finding invalid = cause == null ? null : invalidHolder(cause, input);
        if (invalid
                != null) { // the name is held by the INVALID index this migration's own build left: that is the cause
            findings.set(findings.indexOf(cause), invalid);
            cause = invalid;
        }
        // when the map says finishing would fail, what removes the cause leads the migration's own findings too
        List<String> causeFixes =
                cause == null || input.migration() == null || !input.migration().predictedToFail(false)
                        ? List.of()
                        : cause.playbooks();
        if (input.migration() != null && input.migration().partiallyApplied()) {
            Finding partial = partiallyApplied(input.migration(), input.ranking());
            String recorded = recordedAsApplied(
                    input.history(), input.migration().tool(), input.migration().id());
            findings.add(
                    recorded != null
                            ? partial.asStale(recorded)
                            : new Finding(
                                    partial.kind(),
                                    partial.severity(),
                                    partial.summary(),
                                    partial.objects(),
                                    partial.evidence(),
                                    partial.migration(),
                                    PlaybookRanking.causeFirst(partial.playbooks(), causeFixes),
                                    false));
        }
        for (Finding f : fromHistory(input)) {
            findings.add(
                    f.kind() == FindingKind.FAILED_MIGRATION && f.migration() != null
                            ? new Finding(
                                    f.kind(),
                                    f.severity(),
                                    f.summary(),
                                    f.objects(),
                                    f.evidence(),
                                    f.migration(),
                                    PlaybookRanking.causeFirst(f.playbooks(), causeFixes),
                                    f.stale())
                            : f);
        }
        if (input.error() != null
                && input.errorKind() != null
                && isHistoryKind(input.errorKind())
                && findings.stream().noneMatch(f -> f.kind() == input.errorKind())) {
            findings.add(new ErrorConfirmation(lookup, input).confirm());
        }
        for (Finding f : invalidIndexes(input)) {
            if (findings.stream()
                    .noneMatch(g ->
                            g.kind() == FindingKind.INVALID_INDEX && g.objects().equals(f.objects()))) {
                findings.add(f);
            }
        }
        return findings;
    }

    /**
     * Without an error text, the statement map may still say why the migration stopped: its first statement not in
     * effect would fail now (a foreign key name another table holds, a table that exists). That cause is confirmed
     * against the catalog exactly as an error text naming it would be, so both paths recommend the same repair.
     */
    private static Finding predictedCause(CatalogLookup lookup, DiagnosisInput input) {
        FailedMigration m = input.migration();
        if (m == null) {
            return null;
        }
        for (StatementVerdict v : m.statements()) {
            if (v.prediction() == null
                    || v.state() != StatementState.FAILED && v.state() != StatementState.NOT_APPLIED) {
                continue;
            }
            List<FailurePredictor.Cause> causes = new FailurePredictor(lookup).causes(v.effects());
            if (causes.isEmpty()) {
                return null;
            }
            FailurePredictor.Cause c = causes.get(0);
            ParsedError predicted = new ParsedError(
                    lookup.engine(),
                    ErrorConfirmation.PREDICTED,
                    null,
                    null,
                    null,
                    "statement " + v.n() + " of migration " + m.id() + " " + v.prediction(),
                    null,
                    null,
                    v.sql(),
                    null,
                    null,
                    v.line(),
                    c.objects(),
                    null);
            return new ErrorConfirmation(
                            lookup,
                            new DiagnosisInput(
                                    input.catalog(),
                                    input.defaultSchema(),
                                    input.history(),
                                    predicted,
                                    c.kind(),
                                    v.effects(),
                                    m,
                                    input.tablesElsewhere(),
                                    input.ranking()))
                    .confirm();
        }
        return null;
    }

    /**
     * Whether the tool's history records the migration as applied now, with no failed or dirty entry for it (a repair,
     * or the tool, finished it since the error was printed): then what the error or the statement map says about its
     * run is history. The sentence that says so, or null.
     *
     * @param tool the tool, or null for any
     */
    static String recordedAsApplied(List<MigrationHistory> history, String tool, String id) {
        if (id == null) {
            return null;
        }
        for (MigrationHistory h : history) {
            if (tool != null && !tool.equals(h.tool())) {
                continue;
            }
            boolean applied = h.entries().stream()
                    .anyMatch(e -> e.id().equals(id) && e.state() == io.migrescue.model.EntryState.APPLIED);
            boolean unsettled = h.entries().stream()
                    .anyMatch(e -> e.id().equals(id)
                            && (e.state() == io.migrescue.model.EntryState.FAILED
                                    || e.state() == io.migrescue.model.EntryState.DIRTY));
            if (applied && !unsettled) {
                return h.tool() + " records migration " + id
                        + " as applied now: the error text is older than the database state";
            }
        }
        return null;
    }

    /** Kinds the history tables report by themselves; the error text only repeats them. */
    private static boolean isHistoryKind(FindingKind kind) {
        return kind == FindingKind.FAILED_MIGRATION
                || kind == FindingKind.DIRTY_VERSION
                || kind == FindingKind.STUCK_LOCK;
    }

    private static Finding partiallyApplied(FailedMigration m, PlaybookRanking ranking) {
        long applied = m.statements().stream()
                .filter(s -> s.state() == StatementState.APPLIED)
                .count();
        String summary = "migration " + m.id() + " is half applied: " + applied + " of "
                + m.statements().size() + " statements are in effect";
        List<String> evidence = new ArrayList<>();
        for (StatementVerdict v : m.statements()) {
            evidence.add("statement " + v.n() + " (line " + v.line() + "): "
                    + v.state().id() + ": " + v.reason() + (v.prediction() == null ? "" : "; " + v.prediction()));
        }
        return new Finding(
                FindingKind.PARTIALLY_APPLIED,
                Severity.ERROR,
                summary,
                Map.of("migration", m.id()),
                evidence,
                m,
                ranking.rank(FindingKind.PARTIALLY_APPLIED, m, false, false),
                false);
    }

    private static List<Finding> fromHistory(DiagnosisInput input) {
        List<Finding> findings = new ArrayList<>();
        for (MigrationHistory h : input.history()) {
            String where = h.schema() + "." + h.table();
            for (HistoryEntry e : h.failed()) {
                FailedMigration m = sameMigration(input.migration(), h.tool(), e.id()) ? input.migration() : null;
                Map<String, String> objects = objects("tool", h.tool(), "table", where, "migration", e.id());
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
                FailedMigration m = sameMigration(input.migration(), h.tool(), e.id()) ? input.migration() : null;
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
                        objects("tool", h.tool(), "table", where, "version", e.id()),
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
                        objects(
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

    private static List<Finding> invalidIndexes(DiagnosisInput input) {
        List<Finding> findings = new ArrayList<>();
        for (Table t : input.catalog().tables()) {
            for (Index i : t.indexes()) {
                if (!i.valid()) {
                    // the failed migration that builds it: rebuilding it finishes that migration
                    FailedMigration m = input.migration() != null
                                    && input.migration().statements().stream()
                                            .anyMatch(v -> v.state() != StatementState.APPLIED
                                                    && v.effects().stream()
                                                            .anyMatch(e ->
                                                                    e instanceof io.migrescue.sql.Effect.CreateIndex c
                                                                            && i.name()
                                                                                    .equalsIgnoreCase(c.name())))
                            ? input.migration()
                            : null;
                    findings.add(new Finding(
                            FindingKind.INVALID_INDEX,
                            Severity.WARNING,
                            "index " + i.name() + " on " + t.qualifiedName()
                                    + " is INVALID: a CREATE INDEX CONCURRENTLY failed;"
                                    + " it is maintained on every write but never used",
                            objects("table", t.qualifiedName(), "index", i.name()),
                            List.of(i.definition() == null ? "index " + i.name() : i.definition()),
                            m,
                            input.ranking().rank(FindingKind.INVALID_INDEX, null, false, false),
                            false));
                }
            }
        }
        return findings;
    }

    /** The INVALID_INDEX finding for the index a DUPLICATE_INDEX_NAME finding says holds the name, or null. */
    private static Finding invalidHolder(Finding f, DiagnosisInput input) {
        if (f.kind() != FindingKind.DUPLICATE_INDEX_NAME
                || f.stale()
                || f.objects().get("index") == null) {
            return null;
        }
        return invalidIndexes(input).stream()
                .filter(i -> i.objects().get("index").equals(f.objects().get("index"))
                        && i.objects().get("table").endsWith("." + f.objects().get("heldBy")))
                .findFirst()
                .orElse(null);
    }

    static boolean sameMigration(FailedMigration m, String tool, String id) {
        return m != null && (m.tool() == null || m.tool().equals(tool)) && m.id() != null && m.id().equals(id);
    }

    static Map<String, String> objects(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put(pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }

    private static String firstLine(String text) {
        return text.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .findFirst()
                .orElse("");
    }
}
