package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.DiffPairs;
import io.migrescue.testing.ScratchDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Domains, composite types, column collations, extensions, policies, row security, partitions, generated and identity
 * columns and privileges on a real PostgreSQL pair, each missing, extra and changed: every difference is reported,
 * the fix script converges (a second diff is empty and {@code pg_dump -s} of both agree), the rollback brings the
 * target back, {@code --prove} passes and fails loudly on a script edited to be wrong; a view over a column whose type
 * changes is dropped before the change and created again after it.
 */
class DiffPostgresKindsIT {
    private static final Pattern DUMP_NOISE =
            Pattern.compile("^(--.*|SET .*|SELECT pg_catalog\\.set_config.*|\\\\(un)?restrict .*|\\s*)$");

    @Test
    void everyKindIsReportedFixedUndoneAndProved(@TempDir Path dir) throws Exception {
        try (ScratchDatabase source = ScratchDatabase.create(Engine.POSTGRESQL, "diff kinds source");
                ScratchDatabase target = ScratchDatabase.create(Engine.POSTGRESQL, "diff kinds target");
                ScratchDatabase original = ScratchDatabase.create(Engine.POSTGRESQL, "diff kinds original")) {
            // roles are the server's, shared by every database: made once, kept (a role in use cannot be dropped)
            for (String role : List.of("mrt_kinds_reader", "mrt_kinds_writer")) {
                source.execute(
                        "DO $$ BEGIN CREATE ROLE " + role + "; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            }
            DiffPairs.load(source, "pg-kinds-source.sql");
            DiffPairs.load(target, "pg-kinds-target.sql");
            DiffPairs.load(original, "pg-kinds-target.sql");

            CliRun first = DiffPairs.diff(source, target, "--format", "json", "--privileges");
            assertThat(kinds(first))
                    .as(first.all())
                    .containsExactlyInAnyOrder(
                            "DOMAIN_DIFFERS public.score",
                            "MISSING_DOMAIN public.source_only_email target",
                            "MISSING_DOMAIN public.target_only_code source",
                            "COMPOSITE_TYPE_DIFFERS public.money_pair",
                            "MISSING_COMPOSITE_TYPE public.source_only_point target",
                            "MISSING_COMPOSITE_TYPE public.target_only_pair source",
                            "EXTENSION_DIFFERS public.hstore",
                            "MISSING_EXTENSION public.citext target",
                            "MISSING_EXTENSION public.pg_trgm source",
                            "POLICY_DIFFERS public.accounts.changed_policy",
                            "POLICY_DIFFERS public.accounts.same_tenant",
                            "MISSING_POLICY public.accounts.source_only_policy target",
                            "MISSING_POLICY public.accounts.target_only_policy source",
                            "ROW_SECURITY_DIFFERS public.accounts",
                            "MISSING_ROW_SECURITY public.notes target",
                            "MISSING_ROW_SECURITY public.logs source",
                            "PARTITION_DIFFERS public.events_2025",
                            "MISSING_PARTITION public.events_2026 target",
                            "MISSING_PARTITION public.metrics_a target",
                            "MISSING_PARTITION public.events_old source",
                            "MISSING_PARTITION public.samples_b source",
                            "MISSING_TABLE public.metrics target",
                            "MISSING_TABLE public.samples source",
                            "PRIVILEGE_DIFFERS public.accounts to mrt_kinds_reader",
                            "MISSING_PRIVILEGE public.notes to mrt_kinds_reader target",
                            "MISSING_PRIVILEGE public.accounts.owner_name to mrt_kinds_writer target",
                            "MISSING_PRIVILEGE public.logs to mrt_kinds_writer source",
                            "COLUMN_EXTRA_DIFFERS public.accounts.id",
                            "IDENTITY_OPTIONS_DIFFERS public.accounts.id",
                            "MISSING_IDENTITY_OPTIONS public.accounts.serial_no target",
                            "MISSING_IDENTITY_OPTIONS public.logs.seq source",
                            "COLUMN_NULLABILITY_DIFFERS public.accounts.serial_no",
                            "COLUMN_EXTRA_DIFFERS public.accounts.serial_no",
                            "COLUMN_TYPE_DIFFERS public.accounts.email",
                            "COLUMN_TYPE_DIFFERS public.accounts.name_c",
                            "COLUMN_TYPE_DIFFERS public.accounts.name_plain",
                            "COLUMN_TYPE_DIFFERS public.accounts.name_posix",
                            "COLUMN_TYPE_DIFFERS public.accounts.tenant",
                            "COLUMN_TYPE_DIFFERS public.accounts.price",
                            "COLUMN_EXTRA_DIFFERS public.accounts.total",
                            "COLUMN_EXTRA_DIFFERS public.accounts.doubled",
                            "COLUMN_EXTRA_DIFFERS public.accounts.plain_now");
            assertThat(DiffPairs.json(first).get("coverage").get("compared").toString())
                    .contains("\"domains\"", "\"composite_types\"", "\"column_collations\"", "\"extensions\"")
                    .contains("\"policies\"")
                    .contains("\"partitions\"", "\"privileges\"", "\"generated_columns\"", "\"identity_columns\"");
            CliRun withoutPrivileges = DiffPairs.diff(source, target, "--format", "json");
            assertThat(kinds(withoutPrivileges)).noneMatch(k -> k.contains("PRIVILEGE"));
            assertThat(withoutPrivileges.out()).contains("--privileges compares them");

            // --prove on the pair (a scratch copy of the target), then on the script edited to be wrong
            CliRun proved =
                    DiffPairs.diff(source, target, "--format", "sql", "--privileges", "--allow-destructive", "--prove");
            assertThat(proved.err()).as(proved.all()).doesNotContain("PROOF FAILED");
            assertThat(proved.out()).contains("-- proof: passed").contains("ok      rollback: ");
            String bound = "ATTACH PARTITION public.events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')";
            assertThat(proved.out()).contains(bound);
            Path edited = dir.resolve("edited.sql");
            Files.writeString(edited, proved.out().replace(bound, bound.replace("2026-01-01", "2025-09-01")));
            CliRun wrong = DiffPairs.diff(
                    source,
                    target,
                    "--format",
                    "sql",
                    "--privileges",
                    "--allow-destructive",
                    "--prove-script",
                    edited.toString());
            assertThat(wrong.exitCode()).isEqualTo(1);
            assertThat(wrong.err())
                    .contains("migrescue: PROOF FAILED (fix)")
                    .contains("PARTITION_DIFFERS public.events_2025");

            Path rollback = dir.resolve("undo.sql");
            CliRun fix = DiffPairs.diff(
                    source,
                    target,
                    "--format",
                    "sql",
                    "--privileges",
                    "--allow-destructive",
                    "--rollback",
                    rollback.toString());
            String script = fix.out();
            // a missing partition is created as a partition, never as a plain table
            assertThat(script)
                    .contains(
                            "CREATE TABLE public.events_2026 PARTITION OF public.events FOR VALUES FROM ('2026-01-01')")
                    .contains(") PARTITION BY LIST (kind);")
                    .doesNotContain("CREATE TABLE \"public\".\"events_2026\"");
            // the views over accounts.price are dropped before its type changes, dependents first, and created after
            assertThat(script)
                    .containsSubsequence(
                            "DROP VIEW public.expensive;",
                            "DROP VIEW public.account_prices;",
                            "ALTER COLUMN \"price\" TYPE numeric(10,2)",
                            "CREATE VIEW public.account_prices AS",
                            "CREATE VIEW public.expensive AS",
                            "COMMENT ON VIEW public.account_prices IS 'prices of accounts';");
            // so are the materialized view and the policy over it
            assertThat(script)
                    .containsSubsequence(
                            "DROP MATERIALIZED VIEW public.price_totals;",
                            "ALTER COLUMN \"price\" TYPE numeric(10,2)",
                            "CREATE MATERIALIZED VIEW public.price_totals AS");
            assertThat(script)
                    .containsSubsequence(
                            "DROP POLICY positive_price ON public.accounts;",
                            "ALTER COLUMN \"price\" TYPE numeric(10,2)",
                            "CREATE POLICY positive_price ON public.accounts");
            assertThat(script)
                    .contains("dependents: recreate view public.account_prices around the change of column "
                            + "public.accounts.price")
                    .contains("dropped and added again (a generated column cannot be changed in place)");
            DiffPairs.run(target, script);
            CliRun converged = DiffPairs.diff(source, target, "--format", "json", "--privileges");
            assertThat(kinds(converged)).as(script).isEmpty();
            assertThat(dump(target)).as(script).isEqualTo(dump(source));

            DiffPairs.run(target, Files.readString(rollback));
            CliRun restored = DiffPairs.diff(original, target, "--format", "json", "--privileges");
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

    /** {@code pg_dump -s}, its header, settings and blank lines left out (they name versions and the database). */
    private static List<String> dump(ScratchDatabase db) throws IOException, InterruptedException {
        String url = db.jdbcUrl().substring("jdbc:postgresql://".length());
        String hostPort = url.substring(0, url.indexOf('/'));
        ProcessBuilder pb = new ProcessBuilder(
                "pg_dump",
                "-s",
                "-h",
                hostPort.substring(0, hostPort.indexOf(':')),
                "-p",
                hostPort.substring(hostPort.indexOf(':') + 1),
                "-U",
                db.server().user(),
                db.name());
        if (db.server().password() != null) {
            pb.environment().put("PGPASSWORD", db.server().password());
        }
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.lines().filter(line -> !DUMP_NOISE.matcher(line).matches()).toList();
    }
}
