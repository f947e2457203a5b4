package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.DiffPairs;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Views, materialized views, functions, procedures, triggers and comments on a real PostgreSQL pair, each missing,
 * extra and changed: every difference is reported, the fix script converges, and the rollback brings the target back.
 */
class DiffPostgresObjectsIT {
    @Test
    void everyDefinedObjectKindIsReportedFixedAndUndone(@TempDir Path dir) throws Exception {
        try (ScratchDatabase source = ScratchDatabase.create(Engine.POSTGRESQL, "diff objects source");
                ScratchDatabase target = ScratchDatabase.create(Engine.POSTGRESQL, "diff objects target");
                ScratchDatabase original = ScratchDatabase.create(Engine.POSTGRESQL, "diff objects original")) {
            DiffPairs.load(source, "pg-objects-source.sql");
            DiffPairs.load(target, "pg-objects-target.sql");
            DiffPairs.load(original, "pg-objects-target.sql");

            CliRun first = DiffPairs.diff(source, target, "--format", "json");
            assertThat(kinds(first))
                    .containsExactlyInAnyOrder(
                            "FUNCTION_DIFFERS public.changed_fn(a integer)",
                            "MISSING_FUNCTION public.source_only_fn(a text) target",
                            "MISSING_FUNCTION public.target_only_fn(a text) source",
                            "MISSING_PROCEDURE public.source_only_proc(IN n integer) target",
                            "MISSING_PROCEDURE public.target_only_proc() source",
                            "VIEW_DIFFERS public.changed_view",
                            "MISSING_VIEW public.source_only_view target",
                            "MISSING_VIEW public.view_on_view target",
                            "MISSING_VIEW public.target_only_view source",
                            "MATERIALIZED_VIEW_DIFFERS public.changed_mv",
                            "MISSING_MATERIALIZED_VIEW public.source_only_mv target",
                            "MISSING_MATERIALIZED_VIEW public.target_only_mv source",
                            "MISSING_TRIGGER public.orders.source_only_trg target",
                            "MISSING_TRIGGER public.orders.target_only_trg source",
                            "TRIGGER_DIFFERS public.orders.changed_trg",
                            "COMMENT_DIFFERS public.orders",
                            "MISSING_COMMENT public.orders.total target",
                            "MISSING_COMMENT public.orders.orders_pkey (constraint) target",
                            "MISSING_COMMENT public.orders.status source",
                            "MISSING_COMMENT public.orders_pkey (index) source");
            assertThat(DiffPairs.json(first).get("coverage").get("compared").toString())
                    .contains("\"views\"", "\"materialized_views\"", "\"functions\"", "\"procedures\"", "\"triggers\"")
                    .contains("\"comments\"");

            Path rollback = dir.resolve("undo.sql");
            CliRun fix = DiffPairs.diff(source, target, "--format", "sql", "--rollback", rollback.toString());
            assertThat(fix.exitCode()).as(fix.all()).isEqualTo(1);
            DiffPairs.run(target, fix.out());
            CliRun converged = DiffPairs.diff(source, target, "--format", "json");
            assertThat(kinds(converged)).as(fix.out()).isEmpty();

            DiffPairs.run(target, Files.readString(rollback));
            CliRun restored = DiffPairs.diff(original, target, "--format", "json");
            assertThat(kinds(restored)).as(Files.readString(rollback)).isEmpty();
            assertThat(restored.exitCode()).isZero();
        }
    }

    /** {@code KIND object} and, for a missing object, the side it is missing on. */
    private static List<String> kinds(CliRun run) {
        List<String> out = new ArrayList<>();
        for (JsonNode d : DiffPairs.json(run).get("differences")) {
            out.add(d.get("kind").asText() + " " + d.get("object").asText()
                    + (d.has("missingIn") ? " " + d.get("missingIn").asText() : ""));
        }
        return out;
    }
}
