package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.Fingerprint;
import io.migrescue.testing.FlywayRun;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table the migrations made was lost (dropped by hand), and the next Flyway migration fails on it. The table is
 * made again as every migration means it, not from its CREATE TABLE alone: the index, the column and the foreign key
 * later statements and later migrations added are there, and Flyway's own next run succeeds.
 */
class CreateMissingTableAsMigratedIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void theTableComesBackWithEveryLaterStatementOnIt(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "missing table as migrated")) {
            boolean pg = engine == Engine.POSTGRESQL;
            Path migrations = dir.resolve("m");
            Map<String, String> scripts = new LinkedHashMap<>();
            scripts.put(
                    "V1__users.sql",
                    "CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200));\n"
                            + "INSERT INTO users (id, email) VALUES (1, 'ana@example.com'), (2, 'budi@example.com');\n");
            scripts.put(
                    "V2__tasks.sql",
                    "CREATE TABLE tasks (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL, title VARCHAR(100));\n"
                            + "CREATE INDEX tasks_title_idx ON tasks (title);\n"
                            + (pg
                                    ? "COMMENT ON TABLE tasks IS 'work items';\n"
                                    : "ALTER TABLE tasks COMMENT = 'work items';\n"));
            scripts.put(
                    "V3__tasks_due.sql",
                    "ALTER TABLE tasks ADD COLUMN due DATE;\n"
                            + "ALTER TABLE tasks ADD CONSTRAINT tasks_user_fk FOREIGN KEY (user_id) REFERENCES users (id);\n");
            assertThat(FlywayRun.flyway(db, migrations, scripts).migrate().success)
                    .isTrue();
            db.execute("DROP TABLE tasks"); // lost: a restore that missed it, a hand-made drop
            String failure = FlywayRun.migrateExpectingFailure(FlywayRun.flyway(
                    db,
                    migrations,
                    Map.of(
                            "V4__tasks_done.sql",
                            "ALTER TABLE tasks ADD COLUMN done BOOLEAN NOT NULL DEFAULT FALSE;\n")));
            assertThat(failure).isNotNull();
            Path error = Files.writeString(dir.resolve("error.txt"), failure);

            Fingerprint before = Fingerprint.of(db);
            CliRun run = CliRun.on(
                    db,
                    "repair",
                    "create-missing-table",
                    "--error-file",
                    error.toString(),
                    "--migrations",
                    migrations.toString(),
                    "--backup-dir",
                    dir.resolve("b").toString(),
                    "--yes");
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out()).contains("Status    verified").contains("CREATE INDEX tasks_title_idx");
            assertThat(Fingerprint.of(db).catalog().table(db.defaultSchema(), "tasks"))
                    .get()
                    .satisfies(t -> {
                        assertThat(t.columns())
                                .extracting(io.migrescue.model.Column::name)
                                .containsExactly("id", "user_id", "title", "due");
                        assertThat(t.index("tasks_title_idx")).isPresent();
                        assertThat(t.foreignKeys())
                                .extracting(io.migrescue.model.Constraint::name)
                                .containsExactly("tasks_user_fk");
                    });
            assertThat(
                            db.scalar(
                                    pg
                                            ? "SELECT obj_description('tasks'::regclass, 'pg_class')"
                                            : "SELECT TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks'"))
                    .isEqualTo("work items");
            assertThat(Fingerprint.of(db).rows())
                    .containsAllEntriesOf(before.rows()); // no row of another table changed

            if (!pg) { // MariaDB keeps Flyway's success = 0 row: the failed migration is marked rolled back, so Flyway
                // runs it
                CliRun settle = CliRun.on(
                        db,
                        "repair",
                        "mark-rolled-back",
                        "--migrations",
                        migrations.toString(),
                        "--backup-dir",
                        dir.resolve("b2").toString(),
                        "--yes");
                assertThat(settle.exitCode()).as(settle.all()).isZero();
            }
            MigrateResult next = FlywayRun.flyway(db, migrations, Map.of()).migrate();
            assertThat(next.success).isTrue();
            assertThat(next.targetSchemaVersion).isEqualTo("4");
            assertThat(db.scalar("SELECT COUNT(*) FROM users")).isEqualTo("2");
        }
    }
}
