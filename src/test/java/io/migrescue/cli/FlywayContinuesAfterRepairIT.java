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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Field report 05 on MariaDB, end to end with real Flyway: the half-applied V2 is repaired, Flyway's own migrate
 * continues with V3, every foreign key is where the migration meant it, no row is lost, and the backup restores.
 */
class FlywayContinuesAfterRepairIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void repairThenFlywayContinues(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "repair fr05")) {
            Scenarios.Broken broken = Scenarios.fieldReport05(db, dir.resolve("migrations"));
            Path backup = dir.resolve("backup");
            List<String> args = new ArrayList<>(List.of(
                    "--error-file",
                    broken.errorFile().toString(),
                    "--migrations",
                    broken.migrations().toString(),
                    "--backup-dir",
                    backup.toString()));

            Fingerprint before = Fingerprint.of(db);
            CliRun dry = CliRun.on(db, "repair", concat(args, "--dry-run"));
            assertThat(dry.exitCode()).as(dry.all()).isZero();
            assertThat(dry.out())
                    .contains("rename-conflicting-constraint")
                    .contains("DROP FOREIGN KEY `fk_skp_tahunan_user`")
                    .contains("CREATE TABLE skp_tahunan")
                    .contains("Nothing was changed");
            assertThat(Fingerprint.of(db)).isEqualTo(before);
            assertThat(Files.exists(backup)).isFalse();
            assertThat(dry.out()).contains("Backup    would be written to " + backup);
            List<String> noDir = new ArrayList<>(args.subList(0, 4));
            noDir.add("--dry-run");
            // without --backup-dir the dry run names no directory of its own: the run picks it when it runs
            assertThat(CliRun.on(db, "repair", noDir.toArray(String[]::new)).out())
                    .contains("Backup    would be written to migrescue-backups/<UTC time of the run>");

            CliRun unconfirmed = CliRun.on(db, "repair", args.toArray(String[]::new));
            assertThat(unconfirmed.exitCode()).as(unconfirmed.all()).isEqualTo(6);
            assertThat(unconfirmed.err()).contains("--yes");
            assertThat(Fingerprint.of(db)).isEqualTo(before);

            CliRun run = CliRun.on(db, "repair", concat(args, "--yes", "--format", "json"));
            assertThat(run.exitCode()).as(run.all()).isZero();
            JsonNode report = JSON.readTree(run.out());
            assertThat(report.at("/playbook").asText()).isEqualTo("rename-conflicting-constraint");
            assertThat(report.at("/status").asText()).isEqualTo("verified");
            assertThat(report.at("/verification").findValuesAsText("holds")).containsOnly("true");
            assertThat(Files.readString(backup.resolve("journal.jsonl"))).contains("\"event\":\"verified\"");

            // every foreign key where the migration meant it; the old table keeps its keys under new names
            assertThat(foreignKeys(db, "skp_tahunan"))
                    .containsExactlyInAnyOrder("fk_skp_tahunan_user", "fk_skp_tahunan_approved_by");
            assertThat(foreignKeys(db, "skp_tahunan_backup_v1"))
                    .containsExactlyInAnyOrder("fk_skp_tahunan_user_old", "fk_skp_tahunan_approved_by_old");
            // no row lost: the old rows are kept and copied, as V2 meant
            assertThat(count(db, "skp_tahunan_backup_v1")).isEqualTo(3);
            assertThat(count(db, "skp_tahunan")).isEqualTo(3);
            assertThat(count(db, "users")).isEqualTo(3);

            // Flyway's own next run: validate passes (checksum and all), then V3 applies
            FlywayRun.flyway(db, broken.migrations(), java.util.Map.of()).validate();
            Files.writeString(
                    broken.migrations().resolve("V3__skp_tahunan_note.sql"),
                    "ALTER TABLE skp_tahunan ADD COLUMN note VARCHAR(200);\n");
            Flyway flyway = FlywayRun.flyway(db, broken.migrations(), java.util.Map.of());
            MigrateResult next = flyway.migrate();
            assertThat(next.success).isTrue();
            assertThat(next.migrationsExecuted).isEqualTo(1);
            assertThat(next.targetSchemaVersion).isEqualTo("3");

            // the backup restores: with what the repair created taken away again (as a rollback does), the old table
            // and Flyway's history are exactly as before the repair
            db.execute("DROP TABLE skp_tahunan");
            CliRun restore = CliRun.on(db, "restore", "--from", backup.toString(), "--yes");
            assertThat(restore.exitCode()).as(restore.all()).isZero();
            assertThat(foreignKeys(db, "skp_tahunan_backup_v1"))
                    .containsExactlyInAnyOrder("fk_skp_tahunan_user", "fk_skp_tahunan_approved_by");
            try (Connection c = db.connect();
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT success FROM flyway_schema_history WHERE version = '2'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).isFalse();
            }
            Fingerprint restored = Fingerprint.of(db);
            assertThat(restored.rows())
                    .containsEntry("skp_tahunan_backup_v1", before.rows().get("skp_tahunan_backup_v1"))
                    .containsEntry("flyway_schema_history", before.rows().get("flyway_schema_history"));
        }
    }

    private static String[] concat(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    static List<String> foreignKeys(ScratchDatabase db, String table) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT CONSTRAINT_NAME FROM information_schema.TABLE_CONSTRAINTS WHERE CONSTRAINT_TYPE = 'FOREIGN KEY'"
                                + " AND TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '" + table + "'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    static long count(ScratchDatabase db, String table) throws Exception {
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
