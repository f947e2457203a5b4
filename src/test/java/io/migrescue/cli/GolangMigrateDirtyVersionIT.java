package io.migrescue.cli;

import static io.migrescue.testing.Plans.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.GolangMigrateRun;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Dirty database version 2. Fix and force version." (issue 13, item 4): force which version? golang-migrate itself is
 * not installable here; {@link GolangMigrateRun} does its {@code migrate up} as its published source does (one row,
 * the dirty flag, the file as one Exec). Version 2 fails on its first statement (a typo in the referenced table), so
 * nothing of it is in effect on either engine. Then, depending on what the operator did by hand, the schema matches
 * version 1, 2 or 3: migrescue scores each version by the statements in effect, says which and why, forces that
 * version exactly as a successful golang-migrate run to it would leave the table, and golang-migrate's next
 * {@code up} (the remaining files, in order) succeeds with every row kept.
 */
class GolangMigrateDirtyVersionIT {
    private static final String ORDERS_TYPO = "CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT,\n"
            + "  CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES userz (id));\n";
    private static final String ORDERS = ORDERS_TYPO.replace("userz", "users");
    private static final String TAGS = "CREATE TABLE tags (id BIGINT PRIMARY KEY, label VARCHAR(50));\n";

    /** Version 1 applied, a row written; then 2 to 4 added and 2 fails: schema_migrations holds (2, dirty). */
    private static Path dirtyAtTwo(ScratchDatabase db, Path dir) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(
                migrations.resolve("1_users.up.sql"),
                "CREATE TABLE users (id BIGINT PRIMARY KEY," + " email VARCHAR(200));\n");
        Files.writeString(migrations.resolve("1_users.down.sql"), "DROP TABLE users;\n");
        assertThat(GolangMigrateRun.up(db, migrations)).isNull();
        db.execute("INSERT INTO users (id, email) VALUES (1, 'ana@example.com')");
        Files.writeString(migrations.resolve("2_orders.up.sql"), ORDERS_TYPO);
        Files.writeString(migrations.resolve("2_orders.down.sql"), "DROP TABLE orders;\n");
        Files.writeString(migrations.resolve("3_tags.up.sql"), TAGS);
        Files.writeString(migrations.resolve("3_tags.down.sql"), "DROP TABLE tags;\n");
        Files.writeString(
                migrations.resolve("4_notes.up.sql"),
                "CREATE TABLE notes (id BIGINT PRIMARY KEY,"
                        + " body VARCHAR(500));\nCREATE INDEX notes_body_idx ON notes (body);\n");
        Files.writeString(migrations.resolve("4_notes.down.sql"), "DROP TABLE notes;\n");
        String failure = GolangMigrateRun.up(db, migrations);
        assertThat(failure).as("version 2 must fail").isNotNull().containsIgnoringCase("userz");
        assertThat(GolangMigrateRun.rows(db)).containsExactly(List.of("2", "true"));
        assertThat(GolangMigrateRun.up(db, migrations)).isEqualTo("Dirty database version 2. Fix and force version.");
        Files.writeString(migrations.resolve("2_orders.up.sql"), ORDERS); // the typo fixed
        return migrations;
    }

    private static JsonNode dirtyFinding(ScratchDatabase db, Path migrations) throws Exception {
        CliRun json = CliRun.on(db, "diagnose", "--migrations", migrations.toString(), "--format", "json");
        assertThat(json.exitCode()).as(json.all()).isEqualTo(1);
        for (JsonNode f : new ObjectMapper().readTree(json.out()).path("findings")) {
            if (f.path("kind").asText().equals("DIRTY_VERSION")) {
                return f;
            }
        }
        throw new AssertionError("no DIRTY_VERSION finding in " + json.out());
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

    /** golang-migrate's next run: the remaining up files in order, then one clean row at the last version. */
    private static void nextRunSucceeds(ScratchDatabase db, Path migrations) throws Exception {
        assertThat(GolangMigrateRun.up(db, migrations)).isNull();
        assertThat(GolangMigrateRun.rows(db)).containsExactly(List.of("4", "false"));
        assertThat(rows(db, "SELECT email FROM users")).containsExactly(List.of("ana@example.com"));
        assertThat(db.scalar("SELECT COUNT(*) FROM notes")).isEqualTo("0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void nothingOfTheDirtyVersionInEffectMeansTheVersionBefore(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "golang dirty back")) {
            Path migrations = dirtyAtTwo(db, dir);

            CliRun status = CliRun.on(db, "status", "--migrations", migrations.toString());
            assertThat(status.exitCode()).as(status.all()).isEqualTo(1);
            assertThat(status.out()).contains("version 2 is dirty; the database matches version 1");
            JsonNode f = dirtyFinding(db, migrations);
            assertThat(f.path("objects").path("matches").asText()).isEqualTo("1");
            assertThat(f.path("objects").path("next").asText()).isEqualTo("2, 3, 4");
            assertThat(f.path("playbooks").get(0).asText()).isEqualTo("clear-dirty-version");
            assertThat(f.path("evidence").toString())
                    .contains("best match 1 (users): 5 of 5 statements agree")
                    .contains("candidate  2 (orders): 4 of 5");

            CliRun repair = repair(db, migrations, dir);
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(repair.all()).contains("going back").contains("the schema matches 1 exactly");
            assertThat(GolangMigrateRun.rows(db)).containsExactly(List.of("1", "false"));
            nextRunSucceeds(db, migrations);
            assertThat(db.scalar("SELECT COUNT(*) FROM orders")).isEqualTo("0");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void theDirtyVersionFinishedByHandIsForcedAndTheRestRunsNext(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "golang dirty forward")) {
            Path migrations = dirtyAtTwo(db, dir);
            assertThat(GolangMigrateRun.exec(db, migrations.resolve("2_orders.up.sql")))
                    .isNull(); // by hand
            db.execute("INSERT INTO orders (id, user_id) VALUES (7, 1)");

            CliRun status = CliRun.on(db, "status", "--migrations", migrations.toString());
            assertThat(status.exitCode()).as(status.all()).isEqualTo(1);
            assertThat(status.out()).contains("the database matches version 2; then migrate up runs 3, 4");
            CliRun diagnose = CliRun.on(db, "diagnose", "--migrations", migrations.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out())
                    .contains("DIRTY_VERSION")
                    .contains("best match 2 (orders)")
                    .contains("migrate force 2")
                    .contains("clear-dirty-version");

            CliRun repair = repair(db, migrations, dir);
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(repair.all()).contains("going forward").contains("the schema matches 2 exactly");
            // what SetVersion(2, false) leaves after a successful run of version 2
            assertThat(GolangMigrateRun.rows(db)).containsExactly(List.of("2", "false"));
            nextRunSucceeds(db, migrations);
            assertThat(rows(db, "SELECT id, user_id FROM orders")).containsExactly(List.of("7", "1"));
        }
    }

    /**
     * The operator ran version 2 and, on the same go, version 3 by hand, and never forced. golang-migrate's own
     * advice, {@code migrate force 2}, makes the next {@code up} run 3 again and fail on the table that exists: the
     * schema matches 3, and migrescue stamps 3.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void aSchemaAheadOfTheDirtyVersionIsStampedAtTheVersionItMatches(Engine engine, @TempDir Path dir)
            throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "golang dirty ahead");
                ScratchDatabase blind = ScratchDatabase.create(engine, "golang dirty blind force")) {
            Path migrations = dirtyAtTwo(db, dir);
            assertThat(GolangMigrateRun.exec(db, migrations.resolve("2_orders.up.sql")))
                    .isNull();
            assertThat(GolangMigrateRun.exec(db, migrations.resolve("3_tags.up.sql")))
                    .isNull();
            db.execute("INSERT INTO tags (id, label) VALUES (1, 'kept')");

            JsonNode f = dirtyFinding(db, migrations);
            assertThat(f.path("objects").path("matches").asText()).isEqualTo("3");
            assertThat(f.path("objects").path("next").asText()).isEqualTo("4");
            assertThat(f.path("playbooks").toString())
                    .contains("stamp-matching-version")
                    .doesNotContain("clear-dirty-version");
            assertThat(f.path("evidence").toString()).contains("neither 2 nor the version before it");

            CliRun repair = repair(db, migrations, dir);
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(repair.all()).contains("stamp-matching-version");
            assertThat(GolangMigrateRun.rows(db)).containsExactly(List.of("3", "false"));
            nextRunSucceeds(db, migrations);
            assertThat(db.scalar("SELECT label FROM tags")).isEqualTo("kept");

            // the tool's advice on the same state: force 2, and the next up fails on tags
            Path theirs = dirtyAtTwo(blind, dir.resolve("blind"));
            assertThat(GolangMigrateRun.exec(blind, theirs.resolve("2_orders.up.sql")))
                    .isNull();
            assertThat(GolangMigrateRun.exec(blind, theirs.resolve("3_tags.up.sql")))
                    .isNull();
            GolangMigrateRun.setVersion(blind, 2, false); // migrate force 2
            assertThat(GolangMigrateRun.up(blind, theirs)).isNotNull().containsIgnoringCase("tags");
            assertThat(GolangMigrateRun.rows(blind)).containsExactly(List.of("3", "true"));
        }
    }
}
