package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.DiffPairs;
import io.migrescue.testing.ScratchDatabase;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MariaDB views, routines, triggers, comments (table, column, index), generated columns, column character sets and
 * collations, and partitions, each missing, extra and changed between two databases of different names (so the schema
 * mapping renames every definition): every difference is reported, the fix script run by the {@code mariadb} client
 * converges (a second diff is empty and {@code mariadb-dump --no-data --routines --triggers} agrees), the rollback
 * brings the target back, and {@code --prove} passes on the pair and fails on a script edited to be wrong.
 */
class DiffMariaDbObjectsIT {
    @Test
    void everyKindIsReportedFixedProvedAndUndone(@TempDir Path dir) throws Exception {
        try (ScratchDatabase source = ScratchDatabase.create(Engine.MARIADB, "diff objects source");
                ScratchDatabase target = ScratchDatabase.create(Engine.MARIADB, "diff objects target");
                ScratchDatabase original = ScratchDatabase.create(Engine.MARIADB, "diff objects original")) {
            // loaded by the client the fix script runs with: routines and triggers keep the sql_mode they were made in
            client(source, resource("mariadb-objects-source.sql"));
            client(target, resource("mariadb-objects-target.sql"));
            client(original, resource("mariadb-objects-target.sql"));

            CliRun first = DiffPairs.diff(source, target, "--format", "json");
            assertThat(kinds(first))
                    .as(first.out())
                    .containsExactlyInAnyOrder(
                            "MISSING_TABLE readings target",
                            "COLUMN_TYPE_DIFFERS orders.code",
                            "COLUMN_TYPE_DIFFERS items.name",
                            "COLUMN_EXTRA_DIFFERS orders.net",
                            "COLUMN_EXTRA_DIFFERS orders.status",
                            "COLUMN_EXTRA_DIFFERS orders.note",
                            "COLUMN_EXTRA_DIFFERS orders.gross",
                            "MISSING_COLUMN orders.legacy source",
                            "MISSING_COLUMN items.twice target",
                            "COLUMN_EXTRA_DIFFERS shipments.weight",
                            "INDEX_DEFINITION_DIFFERS orders.ix_orders_status",
                            "MISSING_INDEX orders.ix_orders_label target",
                            "MISSING_INDEX orders.ix_orders_note source",
                            "COMMENT_DIFFERS orders",
                            "MISSING_COMMENT items target",
                            "MISSING_COMMENT readings target",
                            "MISSING_COMMENT shipments source",
                            "MISSING_FUNCTION net_of target",
                            "MISSING_FUNCTION target_only_fn source",
                            "FUNCTION_DIFFERS changed_fn",
                            "MISSING_PROCEDURE source_only_proc target",
                            "MISSING_PROCEDURE target_only_proc source",
                            "PROCEDURE_DIFFERS changed_proc",
                            "MISSING_VIEW source_only_view target",
                            "MISSING_VIEW a_view_on_view target",
                            "MISSING_VIEW target_only_view source",
                            "VIEW_DIFFERS changed_view",
                            "MISSING_TRIGGER orders.source_only_trg target",
                            "MISSING_TRIGGER items.target_only_trg source",
                            "TRIGGER_DIFFERS items.changed_trg",
                            "PARTITIONING_DIFFERS events",
                            "PARTITIONING_DIFFERS logs",
                            "PARTITIONING_DIFFERS ledger",
                            "PARTITIONING_DIFFERS hashed",
                            "MISSING_PARTITIONING metrics target",
                            "MISSING_PARTITIONING readings target",
                            "MISSING_PARTITIONING archive source");
            JsonNode coverage = DiffPairs.json(first).get("coverage");
            assertThat(coverage.get("compared").toString())
                    .contains(
                            "\"views\"",
                            "\"functions\"",
                            "\"procedures\"",
                            "\"triggers\"",
                            "\"comments\"",
                            "\"partitions\"",
                            "\"generated_columns\"",
                            "\"column_collations\"",
                            "\"column_charsets\"");

            Path rollback = dir.resolve("undo.sql");
            CliRun fix = DiffPairs.diff(
                    source, target, "--format", "sql", "--allow-destructive", "--rollback", rollback.toString());
            assertThat(fix.exitCode()).as(fix.all()).isEqualTo(1);
            assertThat(fix.out())
                    .contains(
                            "ADD PARTITION",
                            "REORGANIZE PARTITION",
                            "DROP PARTITION",
                            "REMOVE PARTITIONING",
                            "DELIMITER $$")
                    // a table missing in the target is created, then partitioned as the source is
                    .contains("ALTER TABLE `" + target.name() + "`.`readings` PARTITION BY RANGE (`taken`)");
            client(target, fix.out());
            CliRun converged = DiffPairs.diff(source, target, "--format", "json");
            assertThat(kinds(converged)).as(fix.out()).isEmpty();
            assertThat(dump(target)).as(fix.out()).isEqualTo(dump(source));

            client(target, Files.readString(rollback));
            CliRun restored = DiffPairs.diff(original, target, "--format", "json");
            assertThat(kinds(restored)).as(Files.readString(rollback)).isEmpty();
            assertThat(dump(target)).isEqualTo(dump(original));

            CliRun proved = DiffPairs.diff(source, target, "--format", "sql", "--allow-destructive", "--prove");
            assertThat(proved.exitCode()).as(proved.all()).isEqualTo(1);
            assertThat(proved.out()).as(proved.all()).contains("-- proof: passed");

            Path edited = dir.resolve("edited.sql");
            String wrong = proved.out().replace("VALUES LESS THAN (2023)", "VALUES LESS THAN (2030)");
            assertThat(wrong).isNotEqualTo(proved.out());
            Files.writeString(edited, wrong);
            CliRun failed = DiffPairs.diff(
                    source, target, "--format", "sql", "--allow-destructive", "--prove-script", edited.toString());
            assertThat(failed.exitCode()).isEqualTo(1);
            assertThat(failed.err()).contains("PROOF FAILED (fix)");
            assertThat(failed.out()).contains("-- proof: FAILED");
        }
    }

    /** {@code KIND object} without the database name (the two sides' differ) and, if missing, the side. */
    private static List<String> kinds(CliRun run) {
        List<String> out = new ArrayList<>();
        for (JsonNode d : DiffPairs.json(run).get("differences")) {
            String object = d.get("object").asText();
            out.add(d.get("kind").asText() + " " + object.substring(object.indexOf('.') + 1)
                    + (d.has("missingIn") ? " " + d.get("missingIn").asText() : ""));
        }
        return out;
    }

    private static String resource(String name) throws IOException {
        try (var in = DiffMariaDbObjectsIT.class.getResourceAsStream("/io/migrescue/diff/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Runs a script with the real {@code mariadb} client, as a user would (DELIMITER lines and all). */
    private static void client(ScratchDatabase db, String script) throws IOException, InterruptedException {
        Process p = tool(db, "mariadb").redirectErrorStream(true).start();
        p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out + "\n" + script).isZero();
    }

    /**
     * {@code mariadb-dump --no-data --routines --triggers}, with what differs between two equal schemas taken out:
     * the database's name, definers, AUTO_INCREMENT counters and the server's header.
     */
    private static String dump(ScratchDatabase db) throws IOException, InterruptedException {
        Process p = tool(
                        db,
                        "mariadb-dump",
                        "--no-data",
                        "--routines",
                        "--triggers",
                        "--skip-dump-date",
                        "--skip-comments")
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor())
                .as(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
        return out.replace("`" + db.name() + "`.", "")
                .replace(db.name(), "DB")
                .replaceAll("DEFINER=`[^`]*`@`[^`]*`", "DEFINER")
                .replaceAll(" AUTO_INCREMENT=\\d+", "");
    }

    private static ProcessBuilder tool(ScratchDatabase db, String tool, String... options) {
        URI uri = URI.create(db.jdbcUrl().substring("jdbc:".length()));
        List<String> command = new ArrayList<>(List.of(
                tool,
                "-h",
                uri.getHost(),
                "-P",
                String.valueOf(uri.getPort()),
                "-u",
                db.server().user()));
        if (db.server().password() != null) {
            command.add("-p" + db.server().password());
        }
        command.addAll(List.of(options));
        command.add(db.name());
        return new ProcessBuilder(command);
    }
}
