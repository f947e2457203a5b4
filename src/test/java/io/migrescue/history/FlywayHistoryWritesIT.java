package io.migrescue.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.MigrationFiles;
import io.migrescue.testing.FlywayRun;
import io.migrescue.testing.Plans;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Flyway history writer proven with real Flyway 11.20.3: after migrescue's statements, Flyway's own
 * {@code validate} passes and its next {@code migrate} continues where the failed run stopped.
 */
class FlywayHistoryWritesIT {
    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
    private static final String V3 = "V3__add_users_name.sql";
    private static final String V3_SQL = "ALTER TABLE users ADD COLUMN name VARCHAR(100);\n";
    /** The settings FlywayRun.leaveFailedV2 ran with; the team keeps running with them. */
    private static final Map<String, String> NO_TRANSACTIONAL_LOCK =
            Map.of("flyway.postgresql.transactional.lock", "false");

    private final FlywayTool writer = new FlywayTool();

    private static MigrationFile fileOf(Path dir, String id) throws Exception {
        return MigrationFiles.find(MigrationDirectories.list(dir), id).orElseThrow();
    }

    private static MigrationInfo info(Flyway flyway, String version) {
        return Arrays.stream(flyway.info().all())
                .filter(i ->
                        i.getVersion() != null && i.getVersion().getVersion().equals(version))
                .findFirst()
                .orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void failedMigrationFinishedByHandIsRecordedAppliedAndFlywayContinues(Engine engine, @TempDir Path dir)
            throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "flyway write applied")) {
            FlywayRun.leaveFailedV2(db, dir);
            // the operator finishes V2 by hand: the duplicate goes, the index V2 wanted is built
            db.execute("DELETE FROM users WHERE id = 2");
            if (engine == Engine.POSTGRESQL) {
                db.execute(
                        "DROP INDEX users_email_uq",
                        "CREATE UNIQUE INDEX users_email_uq ON users (email)"); // was INVALID
            } else {
                db.execute(
                        "CREATE UNIQUE INDEX users_email_uq ON users (email)"); // orders was created before the failure
            }
            assertThatThrownBy(FlywayRun.flyway(db, dir, Map.of(), NO_TRANSACTIONAL_LOCK)::validate)
                    .hasMessageContaining("failed"); // where the operator was stuck

            MigrationHistory history = Plans.history(db, "flyway");
            Plans.execute(db, writer.recordApplied(Dialect.of(engine), history, fileOf(dir, "2"), NOW, "ops"));

            FlywayRun.flyway(db, dir, Map.of(), NO_TRANSACTIONAL_LOCK)
                    .validate(); // checksum, description and type agree
            Flyway flyway = FlywayRun.flyway(db, dir, Map.of(V3, V3_SQL), NO_TRANSACTIONAL_LOCK);
            MigrateResult result = flyway.migrate();
            assertThat(result.success).isTrue();
            assertThat(result.migrations).extracting(m -> m.version).containsExactly("3");
            assertThat(info(flyway, "2").getState()).isEqualTo(MigrationState.SUCCESS);
            assertThat(info(flyway, "2").getInstalledBy()).isEqualTo("ops");
            assertThat(info(flyway, "2").getInstalledRank()).isEqualTo(2);
            assertThat(Plans.history(db, "flyway").needsAttention()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void failedMigrationUndoneByHandIsRecordedRolledBackAndFlywayRunsItAgain(Engine engine, @TempDir Path dir)
            throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "flyway write rolled back")) {
            FlywayRun.leaveFailedV2(db, dir);
            // the operator takes V2's partial effects out, and fixes V2 so that it can succeed
            db.execute(engine == Engine.POSTGRESQL ? "DROP INDEX users_email_uq" : "DROP TABLE orders");
            Path v2 = dir.resolve("V2__add_orders_and_unique_email.sql");
            Files.writeString(v2, "DELETE FROM users WHERE id = 2;\n" + Files.readString(v2));

            MigrationHistory history = Plans.history(db, "flyway");
            Plans.execute(
                    db, writer.recordRolledBack(Dialect.of(engine), history, "2", MigrationDirectories.list(dir), NOW));

            // mixed: on PostgreSQL the fixed V2 pairs a DELETE with CREATE INDEX CONCURRENTLY
            Flyway flyway = FlywayRun.flyway(
                    db, dir, Map.of(), Map.of("flyway.postgresql.transactional.lock", "false", "flyway.mixed", "true"));
            MigrateResult result = flyway.migrate();
            assertThat(result.success).isTrue();
            assertThat(result.migrations).extracting(m -> m.version).containsExactly("2");
            assertThat(info(flyway, "2").getState()).isEqualTo(MigrationState.SUCCESS);
            assertThat(Plans.history(db, "flyway").entries())
                    .extracting(HistoryEntry::id, HistoryEntry::state)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("1", EntryState.APPLIED),
                            org.assertj.core.groups.Tuple.tuple("2", EntryState.APPLIED));
        }
    }

    @Test
    void onPostgresATransactionalFailureLeavesNoRowAndRecordingAppliedInsertsIt(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "flyway write insert")) {
            Map<String, String> scripts = Map.of(
                    "V1__create_users.sql",
                            "CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200) NOT NULL);\n"
                                    + "INSERT INTO users (id, email) VALUES (1, 'ana@example.com'), (2, 'ana@example.com');\n",
                    "V2__orders_and_unique_email.sql",
                            "CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users (id));\n"
                                    + "CREATE UNIQUE INDEX users_email_uq ON users (email);\n");
            assertThat(FlywayRun.migrateExpectingFailure(FlywayRun.flyway(db, dir, scripts)))
                    .contains("V2__orders_and_unique_email.sql");
            MigrationHistory history = Plans.history(db, "flyway");
            assertThat(history.entries())
                    .extracting(HistoryEntry::id)
                    .containsExactly("1"); // rolled back with V2's transaction

            db.execute(
                    "DELETE FROM users WHERE id = 2",
                    "CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users (id))",
                    "CREATE UNIQUE INDEX users_email_uq ON users (email)");
            Plans.execute(
                    db, writer.recordApplied(Dialect.of(Engine.POSTGRESQL), history, fileOf(dir, "2"), NOW, null));

            FlywayRun.flyway(db, dir, Map.of()).validate();
            Flyway flyway = FlywayRun.flyway(db, dir, Map.of(V3, V3_SQL));
            MigrateResult result = flyway.migrate(); // would fail on "relation orders already exists" had V2 run again
            assertThat(result.migrations).extracting(m -> m.version).containsExactly("3");
            MigrationInfo v2 = info(flyway, "2");
            assertThat(v2.getState()).isEqualTo(MigrationState.SUCCESS);
            assertThat(v2.getInstalledRank()).isEqualTo(2);
            assertThat(v2.getInstalledBy()).isEqualTo("postgres"); // Flyway's own default: current_user
            assertThat(info(flyway, "3").getInstalledRank()).isEqualTo(3);
            try (Connection c = db.connect();
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(
                            "SELECT type, script, execution_time, installed_on = TIMESTAMPTZ '2026-03-01 10:15:30Z'"
                                    + " AT TIME ZONE current_setting('TimeZone') FROM flyway_schema_history WHERE version = '2'")) {
                assertThat(rs.next()).isTrue();
                assertThat(List.of(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4)))
                        .containsExactly("SQL", "V2__orders_and_unique_email.sql", 0, true);
            }
        }
    }
}
