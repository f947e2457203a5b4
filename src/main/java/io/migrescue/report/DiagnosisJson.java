package io.migrescue.report;

import io.migrescue.app.DiagnosisReport;
import io.migrescue.diagnosis.ErrorObjects;
import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.diagnosis.Finding;
import io.migrescue.diagnosis.ParsedError;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON document of {@code diagnose} and {@code explain}: the contract scripts read, in its field order. */
final class DiagnosisJson {
    private DiagnosisJson() {}

    static Map<String, Object> document(DiagnosisReport r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        if (r.database() != null) {
            doc.put("database", StatusRenderer.database(r.database()));
            doc.put("schemas", r.schemas());
        }
        doc.put("history", r.history().stream().map(HistoryJson::trouble).toList());
        doc.put(
                "error",
                r.error() == null
                        ? null
                        : error(
                                r.error(),
                                r.errorKind() == null ? null : r.errorKind().name()));
        doc.put("findings", r.current().stream().map(DiagnosisJson::finding).toList());
        doc.put("stale", r.stale().stream().map(DiagnosisJson::finding).toList());
        doc.put("notes", r.notes());
        return doc;
    }

    private static Map<String, Object> error(ParsedError e, String kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("engine", e.engine() == null ? null : e.engine().id());
        m.put("wrapper", e.wrapper());
        m.put("sqlState", e.sqlState());
        m.put("vendorCode", e.vendorCode());
        m.put("errno", e.errno());
        m.put("message", e.message());
        m.put("detail", e.detail());
        m.put("hint", e.hint());
        m.put("statement", e.statement());
        m.put("migration", e.migration());
        m.put("version", e.version());
        m.put("line", e.line());
        m.put("objects", (e.objects() == null ? ErrorObjects.NONE : e.objects()).asMap());
        return m;
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", f.kind().name());
        m.put("severity", f.severity().id());
        m.put("summary", f.summary());
        m.put("objects", f.objects());
        m.put("migration", f.migration() == null ? null : migration(f.migration()));
        m.put("evidence", f.evidence());
        m.put("playbooks", f.playbooks());
        m.put("stale", f.stale());
        return m;
    }

    private static Map<String, Object> migration(FailedMigration fm) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", fm.tool());
        m.put("id", fm.id());
        m.put("file", fm.file());
        m.put("foundBy", fm.foundBy());
        m.put(
                "statements",
                fm.statements().stream()
                        .map(v -> {
                            Map<String, Object> s = new LinkedHashMap<>();
                            s.put("n", v.n());
                            s.put("line", v.line());
                            s.put("state", v.state().id());
                            s.put("reason", v.reason());
                            s.put("prediction", v.prediction());
                            s.put("sql", v.sql());
                            return s;
                        })
                        .toList());
        return m;
    }
}
