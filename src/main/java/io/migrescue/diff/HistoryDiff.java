package io.migrescue.diff;

import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The migration histories of the two sides, tool by tool (a history table is matched by tool and table name, not by
 * schema, like tables are): what ran on one side only, what failed on one side, what ran from a changed file.
 * golang-migrate records only the version it is at, so there the versions are compared.
 */
final class HistoryDiff {
    private HistoryDiff() {}

    static void compare(List<MigrationHistory> source, List<MigrationHistory> target, List<Difference> out) {
        Map<String, MigrationHistory> targetByKey = new LinkedHashMap<>();
        target.forEach(h -> targetByKey.putIfAbsent(key(h), h));
        for (MigrationHistory s : source) {
            MigrationHistory t = targetByKey.remove(key(s));
            if (t == null) {
                out.add(Difference.missing(
                        DifferenceKind.MISSING_HISTORY,
                        s.schema() + "." + s.table(),
                        DiffSide.TARGET,
                        s.entries().size() + " entries",
                        new Subject.OfHistory(s.tool())));
            } else if (s.tool().equals("golang-migrate")) {
                versions(s, t, out);
            } else {
                entries(s, t, out);
            }
        }
        for (MigrationHistory t : targetByKey.values()) {
            out.add(Difference.missing(
                    DifferenceKind.MISSING_HISTORY,
                    t.schema() + "." + t.table(),
                    DiffSide.SOURCE,
                    t.entries().size() + " entries",
                    new Subject.OfHistory(t.tool())));
        }
    }

    private static void entries(MigrationHistory source, MigrationHistory target, List<Difference> out) {
        Subject subject = new Subject.OfHistory(source.tool());
        Map<String, HistoryEntry> sourceEntries = latestById(source);
        Map<String, HistoryEntry> targetEntries = latestById(target);
        for (HistoryEntry s : sourceEntries.values()) {
            HistoryEntry t = targetEntries.get(s.id());
            if (t == null) {
                out.add(Difference.missing(
                        DifferenceKind.MIGRATION_MISSING, s.id(), DiffSide.TARGET, describe(s), subject));
            } else if (s.state() != t.state()) {
                out.add(Difference.differs(
                        DifferenceKind.MIGRATION_STATE_DIFFERS, s.id(), state(s.state()), state(t.state()), subject));
            } else if (s.checksum() != null && t.checksum() != null && !Objects.equals(s.checksum(), t.checksum())) {
                out.add(Difference.differs(
                        DifferenceKind.MIGRATION_CHECKSUM_DIFFERS, s.id(), s.checksum(), t.checksum(), subject));
            }
        }
        for (HistoryEntry t : targetEntries.values()) {
            if (!sourceEntries.containsKey(t.id())) {
                out.add(Difference.missing(
                        DifferenceKind.MIGRATION_MISSING, t.id(), DiffSide.SOURCE, describe(t), subject));
            }
        }
    }

    private static void versions(MigrationHistory source, MigrationHistory target, List<Difference> out) {
        Subject subject = new Subject.OfHistory(source.tool());
        HistoryEntry s = source.entries().isEmpty()
                ? null
                : source.entries().get(source.entries().size() - 1);
        HistoryEntry t = target.entries().isEmpty()
                ? null
                : target.entries().get(target.entries().size() - 1);
        String sv = s == null ? null : s.id();
        String tv = t == null ? null : t.id();
        if (!Objects.equals(sv, tv)) {
            out.add(Difference.differs(
                    DifferenceKind.MIGRATION_VERSION_DIFFERS,
                    source.schema() + "." + source.table(),
                    sv == null ? null : sv + (s.state() == EntryState.DIRTY ? " (dirty)" : ""),
                    tv == null ? null : tv + (t.state() == EntryState.DIRTY ? " (dirty)" : ""),
                    subject));
        } else if (s != null && s.state() != t.state()) {
            out.add(Difference.differs(
                    DifferenceKind.MIGRATION_STATE_DIFFERS, sv, state(s.state()), state(t.state()), subject));
        }
    }

    /** A migration run twice (failed, then fixed and run again) is in the state of its last row. */
    private static Map<String, HistoryEntry> latestById(MigrationHistory history) {
        Map<String, HistoryEntry> byId = new LinkedHashMap<>();
        history.entries().forEach(e -> byId.put(e.id(), e));
        return byId;
    }

    private static String describe(HistoryEntry e) {
        String name = e.description() == null || e.description().equals(e.id()) ? "" : e.description() + ", ";
        return name + state(e.state()) + (e.appliedAt() == null ? "" : " at " + e.appliedAt());
    }

    static String state(EntryState state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String key(MigrationHistory h) {
        return h.tool() + "\0" + h.table().toLowerCase(Locale.ROOT);
    }
}
