package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.Fingerprint;
import io.migrescue.testing.FlywayRun;
import io.migrescue.testing.Scenarios;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Repairs of states real Flyway left, each followed by Flyway's own next run. */
class RepairPlaybooksIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode repair(ScratchDatabase db, Scenarios.Broken broken, Path backup, String... extra)
            throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "--error-file",
                broken.errorFile().toString(),
                "--migrations",
                broken.migrations().toString(),
                "--backup-dir",
                backup.toString(),
                "--format",
                "json"));
        args.addAll(List.of(extra));
        Fingerprint before = Fingerprint.of(db);
        List<String> dry = new ArrayList<>(args);
        dry.add("--dry-run");
        CliRun preview = CliRun.on(db, "repair", dry.toArray(String[]::new));
        assertThat(preview.exitCode()).as(preview.all()).isZero();
        assertThat(Fingerprint.of(db)).as("a dry run changes nothing").isEqualTo(before);
        args.add("--yes");
        CliRun run = CliRun.on(db, "repair", args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.all()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.at("/status").asText()).isEqualTo("verified");
        assertThat(report.at("/verification").findValuesAsText("holds"))
                .isNotEmpty()
                .containsOnly("true");
        return report;
    }

    /** Orphan rows under a new foreign key on PostgreSQL, each policy; then Flyway's migrate succeeds. */
    @ParameterizedTest(name = "policy {0}")
    @ValueSource(strings = {"delete", "set-null", "insert-parents"})
    void orphanRowsOnPostgres(String policy, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "repair orphans " + policy)) {
            Scenarios.Broken broken = Scenarios.orphanForeignKey(db, dir.resolve("migrations"));
            CliRun undecided = CliRun.on(
                    db,
                    "repair",
                    "--error-file",
                    broken.errorFile().toString(),
                    "--migrations",
                    broken.migrations().toString(),
                    "--backup-dir",
                    dir.resolve("b0").toString(),
                    "--yes");
            assertThat(undecided.exitCode()).as(undecided.all()).isEqualTo(6);
            assertThat(undecided.err()).contains("--param policy=");

            Path backup = dir.resolve("backup");
            JsonNode report = repair(db, broken, backup, "--param", "policy=" + policy);
            assertThat(report.at("/playbook").asText()).isEqualTo("fix-orphan-rows");
            assertThat(report.toString()).contains("NOT VALID").contains("VALIDATE CONSTRAINT");

            assertThat(db.scalar("SELECT convalidated FROM pg_constraint WHERE conname = 'orders_user_fk'"))
                    .isEqualTo("t");
            switch (policy) {
                case "delete" ->
                    assertThat(db.scalar("SELECT count(*) FROM orders")).isEqualTo("3");
                case "set-null" ->
                    assertThat(db.scalar("SELECT count(*) FROM orders WHERE user_id IS NULL"))
                            .isEqualTo("4");
                default ->
                    assertThat(db.scalar("SELECT string_agg(id::text, ',' ORDER BY id) FROM users"))
                            .isEqualTo("1,2,98,99");
            }
            // the rows the repair removed or changed are in the backup
            String rows = Files.readString(Files.list(backup.resolve("tables"))
                    .filter(p -> p.getFileName().toString().contains("orders")
                            && !p.getFileName().toString().contains("definition")
                            && !p.getFileName().toString().endsWith(".sql"))
                    .findFirst()
                    .orElseThrow());
            assertThat(rows).contains("99").contains("98").doesNotContain("5.00");

            Files.writeString(
                    broken.migrations().resolve("V3__orders_note.sql"), "ALTER TABLE orders ADD COLUMN note TEXT;\n");
            MigrateResult next =
                    FlywayRun.flyway(db, broken.migrations(), Map.of()).migrate();
            assertThat(next.success).isTrue();
            assertThat(next.targetSchemaVersion).isEqualTo("3");
        }
    }

    /** A half-applied Flyway migration on MariaDB: completed, or reverted, and Flyway validates and migrates. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"complete-partial-migration", "revert-partial-migration"})
    void halfAppliedMigrationOnMariadb(String playbook, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "repair half " + playbook)) {
            Scenarios.Broken broken = Scenarios.halfApplied(db, dir.resolve("migrations"));
            // the cause is dealt with first: the hand-made table that blocked statement 3 is moved out of the way
            db.execute("DROP TABLE invoices_tmp");
            JsonNode report = repair(db, broken, dir.resolve("backup"), playbook);
            assertThat(report.at("/playbook").asText()).isEqualTo(playbook);
            if (playbook.startsWith("complete")) {
                assertThat(
                                db.scalar(
                                        "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invoices_tmp'"))
                        .isEqualTo("1");
                assertThat(db.scalar("SELECT success FROM flyway_schema_history WHERE version = '2'"))
                        .isIn("1", "true");
                FlywayRun.flyway(db, broken.migrations(), Map.of()).validate();
            } else {
                assertThat(
                                db.scalar(
                                        "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND COLUMN_NAME = 'phone'"))
                        .isEqualTo("0");
                assertThat(db.scalar("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '2'"))
                        .isEqualTo("0");
            }
            Files.writeString(
                    broken.migrations().resolve("V3__users_note.sql"),
                    "ALTER TABLE users ADD COLUMN note VARCHAR(100);\n");
            MigrateResult next =
                    FlywayRun.flyway(db, broken.migrations(), Map.of()).migrate();
            assertThat(next.success).isTrue();
            assertThat(next.targetSchemaVersion).isEqualTo("3");
            assertThat(db.scalar("SELECT COUNT(*) FROM users")).isEqualTo("2");
        }
    }
}
