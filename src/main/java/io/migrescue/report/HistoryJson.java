package io.migrescue.report;

import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A migration history table and its entries in the JSON reports: one shape for status, history and diagnose. */
final class HistoryJson {
    private HistoryJson() {}

    /** Which tool's table it is and where: the first fields of every history object. */
    static Map<String, Object> table(MigrationHistory h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", h.tool());
        m.put("schema", h.schema());
        m.put("table", h.table());
        return m;
    }

    /** The table and what is wrong in it: failed entries, dirty flag, lock. */
    static Map<String, Object> trouble(MigrationHistory h) {
        Map<String, Object> m = table(h);
        m.put("failed", h.failed().stream().map(HistoryEntry::id).toList());
        m.put("dirty", h.dirty());
        m.put("locked", h.locked());
        return m;
    }

    static Map<String, Object> entry(HistoryEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("description", e.description());
        m.put("state", state(e));
        m.put("at", e.appliedAt() == null ? null : e.appliedAt().toString());
        m.put("checksum", e.checksum());
        m.put("detail", e.detail());
        return m;
    }

    /** {@code applied}, {@code rolled-back}, ...: the state as the reports spell it. */
    static String state(HistoryEntry e) {
        return e.state().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
