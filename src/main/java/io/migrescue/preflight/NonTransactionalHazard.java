package io.migrescue.preflight;

import io.migrescue.diagnosis.Severity;
import io.migrescue.diagnosis.StatementWithEffects;
import io.migrescue.sql.Effect;
import java.util.ArrayList;
import java.util.List;

/**
 * MySQL/MariaDB commit every DDL statement on its own: when a statement of a migration fails, the DDL before it stays
 * applied and the migration is half done. Each finding on such a statement says which ones, and how to split.
 */
final class NonTransactionalHazard {
    private NonTransactionalHazard() {}

    static List<PreflightFinding> explain(List<PreflightFinding> findings, String engineName) {
        List<PreflightFinding> out = new ArrayList<>();
        for (PreflightFinding f : findings) {
            if (f.severity() == Severity.INFO) {
                out.add(f);
                continue;
            }
            List<Integer> before = new ArrayList<>();
            for (StatementWithEffects s : f.migration().statements()) {
                if (s.statement().number() < f.statement() && ddl(s)) {
                    before.add(s.statement().number());
                }
            }
            if (before.isEmpty()) {
                out.add(f);
                continue;
            }
            String list = before.size() == 1 ? "statement " + before.get(0) : "statements " + join(before);
            String evidence = "on " + engineName + " " + list + " commit" + (before.size() == 1 ? "s" : "") + " on "
                    + (before.size() == 1 ? "its" : "their") + " own (DDL): when statement " + f.statement()
                    + " fails, " + (before.size() == 1 ? "it stays" : "they stay")
                    + " applied and the migration is left half done (a rerun then fails on "
                    + (before.size() == 1 ? "it" : "the first") + ")";
            PreflightFinding.Fix fix = new PreflightFinding.Fix(
                    f.fix().text() + "; and split the migration: " + list + " in one," + " statement " + f.statement()
                            + " onward in the next, so that a failure leaves nothing half applied",
                    f.fix().sql(),
                    f.fix().playbooks(),
                    f.fix().rewrite());
            out.add(f.withEvidence(List.of(evidence), fix));
        }
        return out;
    }

    private static boolean ddl(StatementWithEffects s) {
        return s.effects().stream().anyMatch(e -> !(e instanceof Effect.Other))
                || s.statement()
                        .sql()
                        .replaceAll("(?m)^\\s*--.*$", "")
                        .strip()
                        .matches("(?is)^(CREATE|ALTER|DROP|RENAME|TRUNCATE)\\b.*");
    }

    private static String join(List<Integer> numbers) {
        return String.join(", ", numbers.stream().map(String::valueOf).toList());
    }
}
