package io.migrescue.report;

import io.migrescue.app.CountMode;
import io.migrescue.app.DiffReport;
import io.migrescue.diff.Coverage;
import io.migrescue.diff.DiffSide;
import io.migrescue.diff.Difference;
import io.migrescue.diff.TableCount;
import io.migrescue.diff.TablePair;
import io.migrescue.diff.script.FixScript;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@code diff --format json}: the document cli.md describes. */
final class DiffJson {
    private DiffJson() {}

    /** The JSON document of cli.md; also the base of the proof's report. */
    static Map<String, Object> document(DiffReport r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("source", r.source().url());
        doc.put("target", r.target().url());
        doc.put("databases", sides(StatusRenderer.database(r.source()), StatusRenderer.database(r.target())));
        doc.put("schemas", sides(r.sourceSchemas(), r.targetSchemas()));
        doc.put("same", r.same());
        doc.put("coverage", coverage(r.result().coverage()));
        doc.put(
                "differences",
                r.result().differences().stream().map(DiffJson::difference).toList());
        doc.put(
                "moved",
                r.result().matching().moved().stream().map(DiffJson::moved).toList());
        if (r.countMode() != CountMode.NONE) {
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("mode", r.countMode().name().toLowerCase(Locale.ROOT));
            counts.put("tables", r.counts().stream().map(DiffJson::count).toList());
            doc.put("counts", counts);
        }
        FixScript s = r.script();
        Map<String, Object> script = new LinkedHashMap<>();
        script.put("statements", s.statements());
        script.put("destructive", s.destructive());
        script.put("commentedOut", s.withheld());
        script.put("manual", s.manual());
        doc.put("script", script);
        return doc;
    }

    private static Map<String, Object> coverage(Coverage c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(
                "compared",
                c.compared().stream()
                        .map(k -> k.name().toLowerCase(Locale.ROOT))
                        .toList());
        m.put(
                "notCompared",
                c.notCompared().entrySet().stream()
                        .map(e -> {
                            Map<String, Object> kind = new LinkedHashMap<>();
                            kind.put("kind", e.getKey().name().toLowerCase(Locale.ROOT));
                            kind.put("reason", e.getValue());
                            return kind;
                        })
                        .toList());
        return m;
    }

    private static Map<String, Object> sides(Object source, Object target) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("target", target);
        return m;
    }

    private static Map<String, Object> difference(Difference d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", d.kind().name());
        m.put("object", d.object());
        if (d.missingIn() != null) {
            m.put("missingIn", d.missingIn().id());
            m.put("definition", d.missingIn() == DiffSide.TARGET ? d.source() : d.target());
        } else {
            m.put("source", d.source());
            m.put("target", d.target());
        }
        if (d.tool() != null) {
            m.put("tool", d.tool());
        }
        return m;
    }

    private static Map<String, Object> moved(TablePair p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table", p.name());
        m.put("source", p.source().schema());
        m.put("target", p.target().schema());
        return m;
    }

    private static Map<String, Object> count(TableCount c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table", c.table());
        m.put("source", c.source());
        m.put("target", c.target());
        return m;
    }
}
