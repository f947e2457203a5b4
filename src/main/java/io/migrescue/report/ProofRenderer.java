package io.migrescue.report;

import io.migrescue.app.DiffReport;
import io.migrescue.app.prove.ProofReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code diff --prove}'s result in each format: after the report (text, Markdown), in it (JSON), as comments (SQL). */
public final class ProofRenderer {
    private ProofRenderer() {}

    /** The diff report with the proof: JSON gets a {@code proof} object, text and Markdown a section at the end. */
    public static String render(DiffReport report, ProofReport proof, OutputFormat format) {
        return switch (format) {
            case json -> {
                Map<String, Object> doc = DiffJson.document(report);
                doc.put("proof", document(proof));
                yield Json.report(doc) + "\n";
            }
            case markdown ->
                DiffRenderer.render(report, format) + "\n### Proof\n\n" + String.join("\n", lines(proof, "- ", "  - "))
                        + "\n";
            case text ->
                DiffRenderer.render(report, format) + String.join("\n", lines(proof, "Proof     ", "            "))
                        + "\n";
        };
    }

    /** Appended to the fix script: what the proof found, as comments. */
    public static String sqlComments(ProofReport proof) {
        return "\n" + String.join("\n", lines(proof, "-- proof: ", "--   ")) + "\n";
    }

    /** The loud line on stderr when it failed. */
    public static String failure(ProofReport proof) {
        ProofReport.Step failed = proof.failure();
        StringBuilder out = new StringBuilder("migrescue: PROOF FAILED (" + failed.name() + "): " + failed.detail());
        failed.differences().forEach(d -> out.append("\nmigrescue:   ").append(d));
        return out.toString();
    }

    private static List<String> lines(ProofReport proof, String head, String indent) {
        List<String> out = new java.util.ArrayList<>();
        out.add(head + (proof.passed() ? "passed" : "FAILED") + " (scratch database " + proof.scratch() + ")");
        for (ProofReport.Step s : proof.steps()) {
            out.add(indent + (s.passed() ? "ok      " : "FAILED  ") + s.name() + ": " + s.detail());
            s.differences().forEach(d -> out.add(indent + "          " + d));
        }
        return out;
    }

    private static Map<String, Object> document(ProofReport proof) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("passed", proof.passed());
        doc.put("scratch", proof.scratch());
        doc.put(
                "steps",
                proof.steps().stream()
                        .map(s -> {
                            Map<String, Object> step = new LinkedHashMap<>();
                            step.put("name", s.name());
                            step.put("passed", s.passed());
                            step.put("detail", s.detail());
                            step.put("differences", s.differences());
                            return step;
                        })
                        .toList());
        return doc;
    }
}
