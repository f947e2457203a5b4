package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.CodeMigrationRescue;
import io.migrescue.testing.FlywayRun;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Flyway's "Found non-empty schema(s) without schema history table" (issue 13, item 5), with real Flyway 11: a schema
 * made without Flyway (a dump, a hand-made start) holds V1 and V2 already. migrescue makes Flyway's history table as
 * Flyway does and records V1 and V2 as successful runs with Flyway's checksums, not V3; Flyway's {@code validate} and
 * {@code migrate} then run V3, and the schema is the one Flyway makes from scratch. Flyway's own {@code baseline}
 * records a BASELINE row and skips V1 blindly: when V1 is only partly there it leaves the schema without V1's index,
 * where migrescue says so and records nothing.
 */
class FlywayBaselineIT {
    private static final Map<String, String> SCRIPTS = new LinkedHashMap<>();

    static {
        SCRIPTS.put(
                "V1__users.sql",
                "CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(200) NOT NULL);\n"
                        + "CREATE INDEX users_email_idx ON users (email);\n");
        SCRIPTS.put(
                "V2__orders.sql",
                "CREATE TABLE orders (id INT PRIMARY KEY, user_id INT NOT NULL,\n"
                        + "  CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id));\n");
        SCRIPTS.put("V3__names.sql", "ALTER TABLE users ADD COLUMN name VARCHAR(100);\n");
    }

    /** The schema as a dump from before Flyway brings it: V1 and V2 made by hand, with rows; or V1 only, without its index. */
    private static void madeByHand(ScratchDatabase db, boolean withIndex) throws Exception {
        db.execute(
                "CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(200) NOT NULL)",
                "INSERT INTO users (id, email) VALUES (1, 'ana@example.com'), (2, 'bo@example.com')");
        if (!withIndex) {
            return; // V1 made without its index, and nothing after it
        }
        db.execute("CREATE INDEX users_email_idx ON users (email)");
        db.execute(
                "CREATE TABLE orders (id INT PRIMARY KEY, user_id INT NOT NULL,"
                        + " CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id))",
                "INSERT INTO orders (id, user_id) VALUES (10, 1), (11, 2)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void migrationsInEffectAreRecordedAsFlywayWouldAndMigrateRunsTheRest(Engine engine, @TempDir Path dir)
            throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "flyway baseline");
                ScratchDatabase reference = ScratchDatabase.create(engine, "flyway baseline reference")) {
            Path migrations = dir.resolve("sql");
            Flyway flyway = FlywayRun.flyway(db, migrations, SCRIPTS);
            madeByHand(db, true);
            assertThatThrownBy(flyway::migrate).hasMessageContaining("but no schema history table");

            CliRun status = CliRun.on(db, "status", "--migrations", migrations.toString());
            assertThat(status.exitCode()).as(status.all()).isEqualTo(1);
            assertThat(status.out()).contains("in effect but not recorded").contains("1, 2");
            CliRun diagnose = CliRun.on(db, "diagnose", "--migrations", migrations.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out())
                    .contains("UNRECORDED_MIGRATIONS")
                    .contains("baseline-applied-migrations")
                    .contains("left for flyway to run");

            CliRun repair = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    migrations.toString(),
                    "--yes",
                    "--backup-dir",
                    dir.resolve("b").toString());
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            Map<String, Integer> checksums = new LinkedHashMap<>();
            for (MigrationInfo info : flyway.info().all()) {
                checksums.put(info.getVersion().getVersion(), info.getChecksum());
            }
            assertThat(db.scalar("SELECT COUNT(*) FROM flyway_schema_history WHERE success AND type = 'SQL'"))
                    .isEqualTo("2");
            for (String version : List.of("1", "2")) {
                assertThat(db.scalar("SELECT checksum FROM flyway_schema_history WHERE version = '" + version + "'"))
                        .isEqualTo(String.valueOf(checksums.get(version)));
            }

            assertThat(flyway.migrate().migrationsExecuted).isEqualTo(1);
            flyway.validate(); // after migrate: Flyway's validate counts a pending V3 as a failure
            FlywayRun.flyway(reference, dir.resolve("reference"), SCRIPTS).migrate();
            CodeMigrationRescue.assertSameSchema(reference, db);
            assertThat(columns(db, "flyway_schema_history")).isEqualTo(columns(reference, "flyway_schema_history"));
            assertThat(db.scalar("SELECT COUNT(*) FROM orders o JOIN users u ON u.id = o.user_id WHERE u.name IS NULL"))
                    .isEqualTo("2");
            CliRun healthy = CliRun.on(db, "status", "--migrations", migrations.toString());
            assertThat(healthy.exitCode()).as(healthy.all()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void flywaysBaselineSkipsAPartlyMadeV1WhereMigrescueRecordsNothing(Engine engine, @TempDir Path dir)
            throws Exception {
        try (ScratchDatabase theirs = ScratchDatabase.create(engine, "flyway own baseline");
                ScratchDatabase ours = ScratchDatabase.create(engine, "flyway baseline partial")) {
            madeByHand(theirs, false);
            Flyway flyway = FlywayRun.flyway(theirs, dir.resolve("theirs"), SCRIPTS);
            flyway.baseline();
            flyway.migrate();
            flyway.validate();
            assertThat(indexes(theirs))
                    .as("Flyway's baseline left V1's index out")
                    .isZero();

            madeByHand(ours, false);
            Path migrations = dir.resolve("ours");
            FlywayRun.flyway(ours, migrations, SCRIPTS);
            CliRun status = CliRun.on(ours, "status", "--migrations", migrations.toString());
            assertThat(status.exitCode()).as(status.all()).isEqualTo(1);
            assertThat(status.out()).contains("only partly in effect");
            CliRun diagnose = CliRun.on(ours, "diagnose", "--migrations", migrations.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out()).contains("UNRECORDED_MIGRATIONS").contains("users_email_idx");
            CliRun repair = CliRun.on(
                    ours,
                    "repair",
                    "--migrations",
                    migrations.toString(),
                    "--yes",
                    "--backup-dir",
                    dir.resolve("b").toString());
            assertThat(repair.exitCode()).as(repair.all()).isNotZero();
            assertThat(repair.err()).doesNotContain("Exception");
            assertThat(
                            ours.scalar(
                                    engine == Engine.POSTGRESQL
                                            ? "SELECT COUNT(*) FROM pg_tables WHERE tablename = 'flyway_schema_history'"
                                            : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'flyway_schema_history'"))
                    .as("nothing recorded")
                    .isEqualTo("0");
        }
    }

    /** A table there with another shape than V1 makes (a column V1 does not have) is shown, never moved aside. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void aTableOfAnotherShapeStopsTheBaselineAndIsNeverMovedAside(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "flyway baseline other shape")) {
            db.execute(
                    "CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(200) NOT NULL, nickname VARCHAR(50))",
                    "CREATE INDEX users_email_idx ON users (email)",
                    "INSERT INTO users (id, email) VALUES (1, 'ana@example.com')");
            Path migrations = dir.resolve("sql");
            FlywayRun.flyway(db, migrations, SCRIPTS);
            CliRun diagnose = CliRun.on(db, "diagnose", "--migrations", migrations.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out())
                    .contains("UNRECORDED_MIGRATIONS")
                    .contains("another shape")
                    .contains("nickname");
            CliRun repair = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    migrations.toString(),
                    "--yes",
                    "--backup-dir",
                    dir.resolve("b").toString());
            assertThat(repair.all())
                    .contains("no playbook fits")
                    .doesNotContain("Exception")
                    .doesNotContain("rename");
            assertThat(db.scalar("SELECT COUNT(*) FROM users WHERE nickname IS NULL"))
                    .isEqualTo("1");
            assertThat(db.scalar(
                            engine == Engine.POSTGRESQL
                                    ? "SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'"
                                    : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()"))
                    .isEqualTo("1");
        }
    }

    private static long indexes(ScratchDatabase db) throws Exception {
        return Long.parseLong(
                db.scalar(
                        db.engine() == Engine.POSTGRESQL
                                ? "SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'users_email_idx'"
                                : "SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = DATABASE() AND index_name = 'users_email_idx'"));
    }

    /** Name, type, nullability and default of each column, as the catalog has them. */
    static List<String> columns(ScratchDatabase db, String table) throws Exception {
        List<String> columns = new ArrayList<>();
        try (Connection c = db.connect();
                ResultSet rs = c.getMetaData()
                        .getColumns(null, db.engine() == Engine.POSTGRESQL ? "public" : null, table, null)) {
            while (rs.next()) {
                columns.add(
                        rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME") + "(" + rs.getInt("COLUMN_SIZE")
                                + ") " + rs.getString("IS_NULLABLE") + " " + rs.getString("COLUMN_DEF"));
            }
        }
        return columns;
    }
}
