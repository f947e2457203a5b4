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
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real Flyway (issue 13, items 2 and 3): the history names migrations the folder no longer has, next to files never
 * applied though later ones are. {@code flyway validate} fails; migrescue says which, re-points a renamed one, marks a
 * deleted one as Flyway does (on a decision), applies the out-of-order one (backup, verification), and then Flyway's
 * own validate and migrate succeed with the schema the files mean and every row kept.
 */
class MissingAndOutOfOrderFlywayIT {
    private static final String V1 = "V1__create_users.sql";
    private static final String V2 = "V2__create_orders.sql";
    private static final String V3 = "V3__create_tags.sql";
    private static final String ORDERS =
            "CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT, total " + "DECIMAL(10,2));\n";

    private static Path applied(ScratchDatabase db, Path dir) throws Exception {
        Path migrations = dir.resolve("sql");
        MigrateResult first = FlywayRun.flyway(
                        db,
                        migrations,
                        Map.of(
                                V1, "CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200));\n",
                                V2, ORDERS,
                                V3, "CREATE TABLE tags (id BIGINT PRIMARY KEY, label VARCHAR(50));\n"))
                .migrate();
        assertThat(first.success).isTrue();
        db.execute(
                "INSERT INTO users (id, email) VALUES (1, 'ana@example.com'), (2, 'budi@example.com')",
                "INSERT INTO orders (id, user_id, total) VALUES (1, 1, 10.50), (2, 2, 3.25)");
        return migrations;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void aDeletedAndAnOutOfOrderMigrationAreSettledAndFlywayGoesOn(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "flyway missing ooo");
                ScratchDatabase twin = ScratchDatabase.create(engine, "flyway missing repair")) {
            Path migrations = applied(db, dir);
            Files.delete(migrations.resolve(V2)); // the file is gone; its table and rows stay
            Files.writeString(
                    migrations.resolve("V1_5__create_notes.sql"),
                    "CREATE TABLE notes (id BIGINT PRIMARY KEY, body VARCHAR(500));\nCREATE INDEX notes_body_idx ON "
                            + "notes (body);\n");
            assertThatThrownBy(FlywayRun.flyway(db, migrations, Map.of())::validate)
                    .hasMessageContaining("not resolved locally")
                    .hasMessageContaining("1.5");

            CliRun status = CliRun.on(db, "status", "--migrations", migrations.toString());
            assertThat(status.exitCode()).as(status.all()).isEqualTo(1);
            assertThat(status.out())
                    .contains("migration 2 is recorded as applied but no file has it")
                    .contains("V1_5__create_notes.sql is not applied, yet a later migration is");
            CliRun diagnose = CliRun.on(db, "diagnose", "--migrations", migrations.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out())
                    .contains("MISSING_MIGRATION_FILE")
                    .contains("forget-missing-migration")
                    .contains("OUT_OF_ORDER_MIGRATION")
                    .contains("apply-out-of-order")
                    .contains("2 of its 2 " + "statement(s) are not in effect");

            CliRun undecided = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    migrations.toString(),
                    "--yes",
                    "--backup-dir",
                    dir.resolve("b0").toString());
            assertThat(undecided.exitCode()).as(undecided.all()).isEqualTo(6);
            assertThat(undecided.err()).contains("--param forget=").doesNotContain("Exception");
            CliRun forget = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    migrations.toString(),
                    "--yes",
                    "--param",
                    "forget=yes",
                    "--backup-dir",
                    dir.resolve("b1").toString());
            assertThat(forget.exitCode()).as(forget.all()).isZero();
            // the row flyway repair itself writes for a missing migration, measured on a twin
            Path theirs = applied(twin, dir.resolve("t"));
            Files.delete(theirs.resolve(V2));
            FlywayRun.flyway(twin, theirs, Map.of()).repair();
            assertThat(deleteRow(db)).isEqualTo(deleteRow(twin)).contains("create orders");

            CliRun apply = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    migrations.toString(),
                    "--yes",
                    "--backup-dir",
                    dir.resolve("b2").toString());
            assertThat(apply.exitCode()).as(apply.all()).isZero();
            assertThat(apply.all()).contains("apply-out-of-order");
            assertThat(db.scalar("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '1.5' AND success = "
                            + (engine == Engine.POSTGRESQL ? "true" : "1")))
                    .isEqualTo("1");

            FlywayRun.flyway(db, migrations, Map.of()).validate();
            MigrateResult next = FlywayRun.flyway(
                            db,
                            migrations,
                            Map.of("V4__add_users_name.sql", "ALTER TABLE users ADD COLUMN name VARCHAR(100);\n"))
                    .migrate();
            assertThat(next.success).isTrue();
            assertThat(next.migrations).extracting(m -> m.version).containsExactly("4");
            assertThat(db.scalar("SELECT COUNT(*) FROM notes")).isEqualTo("0");
            assertThat(db.scalar("SELECT COUNT(*) FROM orders")).isEqualTo("2");
            assertThat(db.scalar("SELECT COUNT(*) FROM users")).isEqualTo("2");
            CliRun healthy = CliRun.on(db, "status", "--migrations", migrations.toString());
            assertThat(healthy.exitCode()).as(healthy.all()).isZero();
        }
    }

    private static String deleteRow(ScratchDatabase db) throws Exception {
        return db.scalar("SELECT CONCAT(installed_rank, '|', version, '|', description, '|', type, '|', script, '|', "
                + "checksum, '|',"
                + " execution_time, '|', success) FROM flyway_schema_history WHERE type = 'DELETE'");
    }

    /**
     * V2 renamed to V2_1 after it ran: Flyway's own repair marks 2 deleted, and migrate -outOfOrder then runs the
     * renamed file again and fails on its existing table; migrescue matches it by Flyway's checksum and re-points the
     * row.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void aRenamedFlywayMigrationIsRepointedWhereFlywayRepairWouldRunItAgain(Engine engine, @TempDir Path dir)
            throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "flyway renamed");
                ScratchDatabase toolFix = ScratchDatabase.create(engine, "flyway renamed repair")) {
            Path migrations = applied(db, dir.resolve("a"));
            Files.move(migrations.resolve(V2), migrations.resolve("V2_1__create_orders.sql"));
            assertThatThrownBy(FlywayRun.flyway(db, migrations, Map.of())::validate)
                    .hasMessageContaining("not " + "resolved locally");

            CliRun diagnose = CliRun.on(db, "diagnose", "--migrations", migrations.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out())
                    .contains("RENAMED_MIGRATION")
                    .contains("V2_1__create_orders.sql")
                    .contains("checksum")
                    .doesNotContain("OUT_OF_ORDER_MIGRATION");
            CliRun repair = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    migrations.toString(),
                    "--yes",
                    "--backup-dir",
                    dir.resolve("b").toString());
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(repair.all()).contains("repoint-renamed-migration");

            FlywayRun.flyway(db, migrations, Map.of()).validate();
            MigrateResult next = FlywayRun.flyway(
                            db,
                            migrations,
                            Map.of("V4__add_users_name.sql", "ALTER TABLE users ADD COLUMN name VARCHAR(100);\n"))
                    .migrate();
            assertThat(next.success).isTrue();
            assertThat(next.migrations).extracting(m -> m.version).containsExactly("4");
            assertThat(db.scalar("SELECT COUNT(*) FROM orders")).isEqualTo("2");
            assertThat(db.scalar("SELECT description FROM flyway_schema_history WHERE version = " + "'2.1'"))
                    .isEqualTo("create orders");

            // the tool's own fix, on a twin: repair accepts it blindly, and the renamed migration runs a second time
            Path theirs = applied(toolFix, dir.resolve("t"));
            Files.move(theirs.resolve(V2), theirs.resolve("V2_1__create_orders.sql"));
            FlywayRun.flyway(toolFix, theirs, Map.of()).repair();
            assertThatThrownBy(
                            FlywayRun.flyway(toolFix, theirs, Map.of(), Map.of("flyway.outOfOrder", "true"))::migrate)
                    .hasMessageContaining("orders")
                    .hasMessageContaining("already exists");
        }
    }

    /** The same version under another description: the row takes the file's description and script. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void aFlywayMigrationRenamedUnderItsVersionIsRedescribed(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "flyway redescribed")) {
            Path migrations = applied(db, dir);
            Files.move(migrations.resolve(V2), migrations.resolve("V2__add_orders_table.sql"));
            assertThatThrownBy(FlywayRun.flyway(db, migrations, Map.of())::validate)
                    .hasMessageContaining("description");

            CliRun status = CliRun.on(db, "status", "--migrations", migrations.toString());
            assertThat(status.exitCode()).as(status.all()).isEqualTo(1);
            assertThat(status.out()).contains("its file V2__add_orders_table.sql says 'add orders table'");
            CliRun repair = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    migrations.toString(),
                    "--yes",
                    "--backup-dir",
                    dir.resolve("b").toString());
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(repair.all()).contains("repoint-renamed-migration");

            FlywayRun.flyway(db, migrations, Map.of()).validate();
            assertThat(db.scalar("SELECT script FROM flyway_schema_history WHERE version = " + "'2'"))
                    .isEqualTo("V2__add_orders_table.sql");
            MigrateResult next = FlywayRun.flyway(db, migrations, Map.of()).migrate();
            assertThat(next.success).isTrue();
            assertThat(next.migrations).isEmpty();
            assertThat(db.scalar("SELECT COUNT(*) FROM orders")).isEqualTo("2");
        }
    }

    /** An out-of-order migration whose effects are all present already (made by hand) is only recorded. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void anOutOfOrderMigrationAlreadyInEffectIsRecorded(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "flyway ooo present")) {
            Path migrations = applied(db, dir);
            String notes = "CREATE TABLE notes (id BIGINT PRIMARY KEY, body VARCHAR(500));\n";
            Files.writeString(migrations.resolve("V1_5__create_notes.sql"), notes);
            db.execute(notes.strip().replace(";", ""), "INSERT INTO notes (id, body) VALUES (1, 'kept')");

            CliRun diagnose = CliRun.on(db, "diagnose", "--migrations", migrations.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out())
                    .contains("OUT_OF_ORDER_MIGRATION")
                    .contains("every statement of it is in effect")
                    .contains("mark-applied");
            CliRun repair = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    migrations.toString(),
                    "--yes",
                    "--backup-dir",
                    dir.resolve("b").toString());
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(repair.all()).contains("mark-applied");

            FlywayRun.flyway(db, migrations, Map.of()).validate();
            assertThat(FlywayRun.flyway(db, migrations, Map.of()).migrate().migrations)
                    .isEmpty();
            assertThat(db.scalar("SELECT body FROM notes WHERE id = 1")).isEqualTo("kept");
        }
    }
}
