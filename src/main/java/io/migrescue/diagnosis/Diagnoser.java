package io.migrescue.diagnosis;

import io.migrescue.model.MigrationHistory;
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
            if (confirmed.kind() == FindingKind.NULL_VALUES && !confirmed.stale()) {
                new TypeChangeConfirmation(lookup, input).narrowerToo().ifPresent(findings::add);
            }
        } else if (input.error() == null) {
            cause = predictedCause(lookup, input);
            if (cause != null) {
                findings.add(cause);
            }
        }
        Finding invalid = cause == null ? null : InvalidIndexFindings.holderOf(cause, input);
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
        for (Finding f : HistoryFindings.of(input)) {
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
        for (Finding f : InvalidIndexFindings.of(input)) {
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
}
