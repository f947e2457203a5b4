package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.FlywayRun;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An applied Flyway migration edited afterwards (issue 13, item 1), with real Flyway: a cosmetic edit gets its checksum
 * realigned and Flyway goes on; a semantic edit is refused, where {@code flyway repair} would accept it blindly.
 */
class ChecksumRealignIT {
    private static final String V1 = "V1__create_users.sql";
    private static final String V2 = "V2__add_users_email.sql";
    private static final String V2_SQL = "ALTER TABLE users ADD COLUMN email VARCHAR(200);\n";

    private static Flyway applied(ScratchDatabase db, Path dir) {
        Flyway flyway = FlywayRun.flyway(
                db,
                dir,
                Map.of(
                        V1,
                        "CREATE TABLE users (id BIGINT PRIMARY KEY);\n" + "INSERT INTO users (id) VALUES (1), (2);\n",
                        V2,
                        V2_SQL));
        assertThat(flyway.migrate().success).isTrue();
        return flyway;
    }

    private static String recordedChecksum(ScratchDatabase db) throws Exception {
        return db.scalar("SELECT checksum FROM flyway_schema_history WHERE version = '2'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void cosmeticEditIsRealignedAndFlywayContinues(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "checksum cosmetic")) {
            Path migrations = dir.resolve("sql");
            applied(db, migrations);
            Files.writeString(
                    migrations.resolve(V2),
                    "-- users get an e-mail address\nALTER TABLE users\n    ADD COLUMN email VARCHAR(200);\n");
            assertThatThrownBy(FlywayRun.flyway(db, migrations, Map.of())::validate)
                    .hasMessageContaining("checksum");

            CliRun diagnose = CliRun.on(db, "diagnose", "--migrations", migrations.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out())
                    .contains("CHECKSUM_MISMATCH")
                    .contains("realign-checksum")
                    .contains("cosmetic");
            CliRun status = CliRun.on(db, "status", "--migrations", migrations.toString());
            assertThat(status.exitCode()).as(status.all()).isEqualTo(1);
            assertThat(status.out())
                    .contains("migration 2 (" + V2 + ") was edited after it was applied")
                    .contains("cosmetic");

            CliRun repair = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    migrations.toString(),
                    "--yes",
                    "--backup-dir",
                    dir.resolve("b").toString());
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(repair.all()).contains("realign-checksum");

            FlywayRun.flyway(db, migrations, Map.of()).validate();
            MigrateResult next = FlywayRun.flyway(
                            db,
                            migrations,
                            Map.of("V3__add_users_name.sql", "ALTER TABLE users ADD COLUMN name VARCHAR(100);\n"))
                    .migrate();
            assertThat(next.success).isTrue();
            assertThat(next.migrations).extracting(m -> m.version).containsExactly("3");
            assertThat(db.scalar("SELECT COUNT(*) FROM users")).isEqualTo("2");
            CliRun after = CliRun.on(db, "diagnose", "--migrations", migrations.toString());
            assertThat(after.out()).doesNotContain("CHECKSUM_MISMATCH");
            CliRun healthy = CliRun.on(db, "status", "--migrations", migrations.toString());
            assertThat(healthy.exitCode()).as(healthy.all()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void semanticEditIsRefusedWhereFlywayRepairAcceptsIt(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "checksum semantic")) {
            Path migrations = dir.resolve("sql");
            applied(db, migrations);
            String before = recordedChecksum(db);
            Files.writeString(migrations.resolve(V2), V2_SQL + "ALTER TABLE users ADD COLUMN nickname VARCHAR(50);\n");

            CliRun diagnose = CliRun.on(db, "diagnose", "--migrations", migrations.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out()).contains("CHECKSUM_MISMATCH").contains("nickname");
            CliRun status = CliRun.on(db, "status", "--migrations", migrations.toString());
            assertThat(status.exitCode()).as(status.all()).isEqualTo(1);
            assertThat(status.out())
                    .contains("migration 2 (" + V2 + ")")
                    .contains("semantic: 1 of its statements are not in effect");

            CliRun repair = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    migrations.toString(),
                    "--yes",
                    "--backup-dir",
                    dir.resolve("b").toString());
            assertThat(repair.exitCode()).as(repair.all()).isEqualTo(6); // a decision: never taken on --yes alone
            assertThat(repair.err())
                    .contains("not in effect")
                    .contains("nickname")
                    .contains("--param apply=")
                    .doesNotContain("Exception");
            CliRun declined = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    migrations.toString(),
                    "--yes",
                    "--param",
                    "apply=no",
                    "--backup-dir",
                    dir.resolve("b2").toString());
            assertThat(declined.exitCode()).as(declined.all()).isEqualTo(2);
            assertThat(declined.err())
                    .contains("not in effect")
                    .contains("nickname")
                    .doesNotContain("Exception");
            assertThat(declined.err().strip().lines().count()).isEqualTo(1);
            assertThat(recordedChecksum(db)).isEqualTo(before); // nothing changed
            assertThat(nicknameColumns(db, engine)).isEqualTo("0");
            assertThatThrownBy(FlywayRun.flyway(db, migrations, Map.of())::validate)
                    .hasMessageContaining("checksum");

            // flyway repair, the tool's own fix: validate passes, yet the column the file now promises is missing
            FlywayRun.flyway(db, migrations, Map.of()).repair();
            FlywayRun.flyway(db, migrations, Map.of()).validate();
            assertThat(recordedChecksum(db)).isNotEqualTo(before);
            assertThat(nicknameColumns(db, engine)).isEqualTo("0");
        }
    }

    /** With the decision, just the missing statement runs (after the backup), then the checksum is realigned. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void semanticEditAppliedOnDecisionThenRealigned(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "checksum apply")) {
            Path migrations = dir.resolve("sql");
            applied(db, migrations);
            Files.writeString(migrations.resolve(V2), V2_SQL + "ALTER TABLE users ADD COLUMN nickname VARCHAR(50);\n");

            CliRun repair = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    migrations.toString(),
                    "--yes",
                    "--param",
                    "apply=yes",
                    "--backup-dir",
                    dir.resolve("b").toString());
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(nicknameColumns(db, engine)).isEqualTo("1");
            assertThat(db.scalar("SELECT COUNT(*) FROM users")).isEqualTo("2");

            FlywayRun.flyway(db, migrations, Map.of()).validate();
            MigrateResult next = FlywayRun.flyway(
                            db,
                            migrations,
                            Map.of("V3__add_users_name.sql", "ALTER TABLE users ADD COLUMN name VARCHAR(100);\n"))
                    .migrate();
            assertThat(next.success).isTrue();
            assertThat(next.migrations).extracting(m -> m.version).containsExactly("3");
        }
    }

    private static String nicknameColumns(ScratchDatabase db, Engine engine) throws Exception {
        return db.scalar(
                engine == Engine.POSTGRESQL
                        ? "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'nickname'"
                        : "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND column_name = 'nickname'");
    }
}
