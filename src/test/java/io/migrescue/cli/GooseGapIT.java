package io.migrescue.cli;

import static io.migrescue.testing.Plans.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.GooseRun;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A goose gap (issue 13, items 3 and 4): a branch merged late adds 00002 while 00001 and 00003 are applied, and
 * {@code goose up} stops: "found 1 missing migrations before current version 3". goose itself is not installable here;
 * {@link GooseRun} does its {@code up} as its published source does. migrescue says which version is missing and
 * whether its effects are in the schema: absent, it is applied (backup, verification) and recorded as goose records a
 * run; present (made by hand), it is only recorded, where {@code goose up -allow-missing} would run it again and fail.
 * Then goose's own {@code up} succeeds, later files included, with every row kept.
 */
class GooseGapIT {
    private static final String ORDERS = "CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT);\n"
            + "CREATE INDEX orders_user_idx ON orders (user_id);\n";

    /** 00001 and 00003 applied with a row each side; then 00002 appears below the current version. */
    private static Path gap(ScratchDatabase db, Path dir) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        GooseRun.write(
                migrations.resolve("00001_users.sql"),
                "CREATE TABLE users (id BIGINT PRIMARY KEY," + " email VARCHAR(200));\n",
                "DROP TABLE users;\n");
        GooseRun.write(
                migrations.resolve("00003_tags.sql"),
                "CREATE TABLE tags (id BIGINT PRIMARY KEY," + " label VARCHAR(50));\n",
                "DROP TABLE tags;\n");
        assertThat(GooseRun.up(db, migrations, false)).isNull();
        db.execute(
                "INSERT INTO users (id, email) VALUES (1, 'ana@example.com')",
                "INSERT INTO tags (id, label)" + " VALUES (1, 'kept')");
        GooseRun.write(migrations.resolve("00002_orders.sql"), ORDERS, "DROP TABLE orders;\n");
        assertThat(GooseRun.up(db, migrations, false))
                .startsWith("error: found 1 missing migrations before current" + " version 3")
                .contains("version 2: ");
        return migrations;
    }

    /** goose's next run, strict (no -allow-missing), with a later migration added: it goes on. */
    private static void gooseGoesOn(ScratchDatabase db, Path migrations) throws Exception {
        GooseRun.write(
                migrations.resolve("00004_notes.sql"),
                "CREATE TABLE notes (id BIGINT PRIMARY KEY);\n",
                "DROP TABLE notes;\n");
        assertThat(GooseRun.up(db, migrations, false)).isNull();
        assertThat(GooseRun.versions(db)).containsExactly("1", "2", "3", "4");
        assertThat(rows(db, "SELECT email FROM users")).containsExactly(List.of("ana@example.com"));
        assertThat(rows(db, "SELECT label FROM tags")).containsExactly(List.of("kept"));
    }

    private static CliRun repair(ScratchDatabase db, Path migrations, Path dir) {
        return CliRun.on(
                db,
                "repair",
                "--migrations",
                migrations.toString(),
                "--yes",
                "--backup-dir",
                dir.resolve("backup").toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void aMissingVersionNotInEffectIsAppliedAndRecorded(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "goose gap absent")) {
            Path migrations = gap(db, dir);

            CliRun status = CliRun.on(db, "status", "--migrations", migrations.toString());
            assertThat(status.exitCode()).as(status.all()).isEqualTo(1);
            assertThat(status.out()).contains("00002_orders.sql is not applied, yet a later migration is");
            CliRun diagnose = CliRun.on(db, "diagnose", "--migrations", migrations.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out())
                    .contains("OUT_OF_ORDER_MIGRATION")
                    .contains("missing migrations before current")
                    .contains("2 of its 2 statement(s) are not in effect")
                    .contains("apply-out-of-order");
            CliRun json = CliRun.on(db, "diagnose", "--migrations", migrations.toString(), "--format", "json");
            assertThat(json.exitCode()).isEqualTo(1);
            assertThat(json.out()).contains("\"OUT_OF_ORDER_MIGRATION\"").contains("\"tool\" : \"goose\"");

            CliRun repair = repair(db, migrations, dir);
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(repair.all()).contains("apply-out-of-order");
            assertThat(db.scalar("SELECT COUNT(*) FROM goose_db_version WHERE version_id = 2 AND is_applied"))
                    .isEqualTo("1");
            gooseGoesOn(db, migrations);
            assertThat(db.scalar("SELECT COUNT(*) FROM orders")).isEqualTo("0");
        }
    }

    /**
     * goose before v3 recorded {@code goose down} as a further row with {@code is_applied = false}; goose v3's
     * {@code up} counts every recorded version as known, so it never runs 00002 again and reports success with orders
     * missing. migrescue reads the latest row of the version (rolled back), sees its effects absent, and applies it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void aVersionAnOldGooseRolledBackIsAppliedWhereGooseUpSkipsIt(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "goose rolled back row");
                ScratchDatabase blind = ScratchDatabase.create(engine, "goose rolled back blind")) {
            Path migrations = rolledBack(db, dir);
            CliRun status = CliRun.on(db, "status", "--migrations", migrations.toString());
            assertThat(status.exitCode()).as(status.all()).isEqualTo(1);
            assertThat(status.out()).contains("00002_orders.sql is not applied, yet a later migration is");
            CliRun repair = repair(db, migrations, dir);
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(repair.all()).contains("apply-out-of-order");
            gooseGoesOn(db, migrations);
            assertThat(db.scalar("SELECT COUNT(*) FROM orders")).isEqualTo("0");

            // goose's own next run on the same state: success, and no orders table
            Path theirs = rolledBack(blind, dir.resolve("blind"));
            assertThat(GooseRun.up(blind, theirs, false)).isNull();
            assertThat(blind.scalar("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'orders'"
                            + (engine == Engine.POSTGRESQL ? "" : " AND table_schema = '" + blind.name() + "'")))
                    .isEqualTo("0");
        }
    }

    /** 00001 to 00003 applied by goose; then 00002 taken back down by a goose before v3: a further row, not applied. */
    private static Path rolledBack(ScratchDatabase db, Path dir) throws Exception {
        Path migrations = gap(db, dir);
        assertThat(GooseRun.up(db, migrations, true)).isNull();
        db.execute("DROP TABLE orders", "INSERT INTO goose_db_version (version_id, is_applied) VALUES (2, false)");
        return migrations;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void aMissingVersionInEffectIsOnlyRecordedWhereAllowMissingWouldFail(Engine engine, @TempDir Path dir)
            throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "goose gap present");
                ScratchDatabase blind = ScratchDatabase.create(engine, "goose gap allow missing")) {
            Path migrations = gap(db, dir);
            db.execute(ORDERS.split(";\n")); // the branch's SQL, run by hand
            db.execute("INSERT INTO orders (id, user_id) VALUES (7, 1)");

            CliRun diagnose = CliRun.on(db, "diagnose", "--migrations", migrations.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out())
                    .contains("OUT_OF_ORDER_MIGRATION")
                    .contains("every statement of it is in effect")
                    .contains("mark-applied");
            CliRun repair = repair(db, migrations, dir);
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(repair.all()).contains("mark-applied");
            gooseGoesOn(db, migrations);
            assertThat(rows(db, "SELECT id, user_id FROM orders")).containsExactly(List.of("7", "1"));

            // goose's own way past the error on the same state: -allow-missing runs 00002 again and fails
            Path theirs = gap(blind, dir.resolve("blind"));
            blind.execute(ORDERS.split(";\n"));
            assertThat(GooseRun.up(blind, theirs, true)).isNotNull().containsIgnoringCase("orders");
            assertThat(GooseRun.versions(blind)).containsExactly("1", "3");
        }
    }
}
