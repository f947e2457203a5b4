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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A foreign key the engine refuses because its column's type differs from the referenced one, left by real Flyway:
 * the column takes the referenced type (the migration's own new table, or a live one on decision), the migration
 * finishes, and Flyway's next run succeeds with the key in place and every row kept.
 */
class AlignFkColumnTypesIT {

    private static String columnType(ScratchDatabase db, String table, String column) throws Exception {
        return db.scalar(
                db.engine() == Engine.POSTGRESQL
                        ? "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '" + table
                                + "'::regclass AND attname = '" + column + "'"
                        : "SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '"
                                + table + "' AND COLUMN_NAME = '" + column + "'");
    }

    private static String foreignKeys(ScratchDatabase db, String table) throws Exception {
        return db.scalar(
                db.engine() == Engine.POSTGRESQL
                        ? "SELECT string_agg(conname, ',') FROM pg_constraint WHERE contype = 'f' AND convalidated AND conrelid = '"
                                + table + "'::regclass"
                        : "SELECT GROUP_CONCAT(CONSTRAINT_NAME) FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()"
                                + " AND TABLE_NAME = '" + table + "'");
    }

    /** MariaDB errno 150: statement 2 created tasks (committed at once), statement 3's key INT → BIGINT UNSIGNED failed. */
    @Test
    void theMigrationsOwnNewTableTakesTheReferencedTypeOnMariadb(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "align fk new table")) {
            Path migrations = dir.resolve("m");
            Map<String, String> scripts = new LinkedHashMap<>();
            scripts.put(
                    "V1__users.sql",
                    "CREATE TABLE users (id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, email VARCHAR(200));\n"
                            + "INSERT INTO users (email) VALUES ('ana@example.com'), ('budi@example.com');\n");
            scripts.put(
                    "V2__tasks.sql",
                    "CREATE TABLE projects (id INT PRIMARY KEY);\n"
                            + "CREATE TABLE tasks (id INT AUTO_INCREMENT PRIMARY KEY, user_id INT NOT NULL, title VARCHAR(100));\n"
                            + "ALTER TABLE tasks ADD CONSTRAINT fk_tasks_user FOREIGN KEY (user_id) REFERENCES users (id);\n"
                            + "CREATE INDEX tasks_title_idx ON tasks (title);\n");
            String failure = FlywayRun.migrateExpectingFailure(FlywayRun.flyway(db, migrations, scripts));
            assertThat(failure).contains("errno: 150");
            Path error = Files.writeString(dir.resolve("error.txt"), failure);

            CliRun diagnose =
                    CliRun.on(db, "diagnose", "--error-file", error.toString(), "--migrations", migrations.toString());
            assertThat(diagnose.out())
                    .contains("FK_INCOMPATIBLE")
                    .contains("Fix with  migrescue repair align-fk-column-types");
            CliRun dry = CliRun.on(
                    db,
                    "repair",
                    "--error-file",
                    error.toString(),
                    "--migrations",
                    migrations.toString(),
                    "--backup-dir",
                    dir.resolve("b0").toString(),
                    "--dry-run");
            assertThat(dry.out()).contains("tasks.user_id is int(11), users.id is bigint(20) unsigned");

            Fingerprint before = Fingerprint.of(db);
            CliRun run = CliRun.on(
                    db,
                    "repair",
                    "--error-file",
                    error.toString(),
                    "--migrations",
                    migrations.toString(),
                    "--backup-dir",
                    dir.resolve("b").toString(),
                    "--yes");
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out()).contains("align-fk-column-types").contains("Status    verified");
            assertThat(columnType(db, "tasks", "user_id")).isEqualTo("bigint(20) unsigned");
            assertThat(foreignKeys(db, "tasks")).isEqualTo("fk_tasks_user");
            assertThat(db.scalar("SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
                            + " AND INDEX_NAME = 'tasks_title_idx'"))
                    .isEqualTo("1");
            assertThat(Fingerprint.of(db).rows().get("users"))
                    .isEqualTo(before.rows().get("users"));

            Files.writeString(migrations.resolve("V3__tasks_due.sql"), "ALTER TABLE tasks ADD COLUMN due DATE;\n");
            MigrateResult next = FlywayRun.flyway(db, migrations, Map.of()).migrate();
            assertThat(next.success).isTrue();
            assertThat(next.targetSchemaVersion).isEqualTo("3");
        }
    }

    /** A live table of an earlier migration: widening is a decision (exit 6 without it), every row kept. */
    @Test
    void aLiveColumnIsWidenedOnDecisionOnMariadb(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "align fk live")) {
            Path migrations = dir.resolve("m");
            Map<String, String> scripts = new LinkedHashMap<>();
            scripts.put(
                    "V1__users_tasks.sql",
                    "CREATE TABLE users (id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, email VARCHAR(200));\n"
                            + "INSERT INTO users (email) VALUES ('ana@example.com'), ('budi@example.com');\n"
                            + "CREATE TABLE tasks (id INT AUTO_INCREMENT PRIMARY KEY, user_id INT NOT NULL, title VARCHAR(100));\n"
                            + "INSERT INTO tasks (user_id, title) VALUES (1, 'a'), (2, 'b'), (2, 'c');\n");
            assertThat(FlywayRun.flyway(db, migrations, scripts).migrate().success)
                    .isTrue();
            String failure = FlywayRun.migrateExpectingFailure(
                    FlywayRun.flyway(
                            db,
                            migrations,
                            Map.of(
                                    "V2__tasks_fk.sql",
                                    "ALTER TABLE tasks ADD CONSTRAINT fk_tasks_user FOREIGN KEY (user_id) REFERENCES users (id);\n")));
            assertThat(failure).contains("errno: 150");
            Path error = Files.writeString(dir.resolve("error.txt"), failure);
            Fingerprint before = Fingerprint.of(db);

            CliRun undecided = CliRun.on(
                    db,
                    "repair",
                    "--error-file",
                    error.toString(),
                    "--migrations",
                    migrations.toString(),
                    "--backup-dir",
                    dir.resolve("b0").toString(),
                    "--yes");
            assertThat(undecided.exitCode()).as(undecided.all()).isEqualTo(6);
            assertThat(undecided.err())
                    .contains("--param widen=")
                    .contains("tasks.user_id from int(11) to bigint(20) unsigned");
            assertThat(Fingerprint.of(db)).isEqualTo(before);

            CliRun run = CliRun.on(
                    db,
                    "repair",
                    "--error-file",
                    error.toString(),
                    "--migrations",
                    migrations.toString(),
                    "--backup-dir",
                    dir.resolve("b").toString(),
                    "--yes",
                    "--param",
                    "widen=yes");
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out()).contains("Status    verified");
            assertThat(columnType(db, "tasks", "user_id")).isEqualTo("bigint(20) unsigned");
            assertThat(foreignKeys(db, "tasks")).isEqualTo("fk_tasks_user");
            assertThat(db.scalar("SELECT GROUP_CONCAT(CONCAT(id, ':', user_id) ORDER BY id) FROM tasks"))
                    .isEqualTo("1:1,2:2,3:2");

            Files.writeString(migrations.resolve("V3__tasks_due.sql"), "ALTER TABLE tasks ADD COLUMN due DATE;\n");
            MigrateResult next = FlywayRun.flyway(db, migrations, Map.of()).migrate();
            assertThat(next.success).isTrue();
            assertThat(next.targetSchemaVersion).isEqualTo("3");
        }
    }

    /** PostgreSQL 42804: a text column holding ids referencing BIGINT; a value that does not fit stops it before any change. */
    @Test
    void aTextColumnOfIdsBecomesBigintOnPostgres(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "align fk pg")) {
            Path migrations = dir.resolve("m");
            Map<String, String> scripts = new LinkedHashMap<>();
            scripts.put(
                    "V1__users_tasks.sql",
                    "CREATE TABLE users (id BIGINT PRIMARY KEY, email TEXT);\n"
                            + "INSERT INTO users VALUES (1, 'ana@example.com'), (2, 'budi@example.com');\n"
                            + "CREATE TABLE tasks (id INT PRIMARY KEY, user_id TEXT NOT NULL, title TEXT);\n"
                            + "INSERT INTO tasks VALUES (1, '1', 'a'), (2, '2', 'b'), (3, 'two', 'c');\n");
            assertThat(FlywayRun.flyway(db, migrations, scripts).migrate().success)
                    .isTrue();
            String failure = FlywayRun.migrateExpectingFailure(
                    FlywayRun.flyway(
                            db,
                            migrations,
                            Map.of(
                                    "V2__tasks_fk.sql",
                                    "ALTER TABLE tasks ADD CONSTRAINT fk_tasks_user FOREIGN KEY (user_id) REFERENCES users (id);\n")));
            assertThat(failure).contains("42804");
            Path error = Files.writeString(dir.resolve("error.txt"), failure);
            Fingerprint before = Fingerprint.of(db);

            CliRun misfit = CliRun.on(
                    db,
                    "repair",
                    "--error-file",
                    error.toString(),
                    "--migrations",
                    migrations.toString(),
                    "--backup-dir",
                    dir.resolve("b0").toString(),
                    "--yes",
                    "--param",
                    "widen=yes");
            assertThat(misfit.exitCode()).as(misfit.all()).isEqualTo(4);
            assertThat(misfit.out()).contains("guard failed: 1 row(s)");
            assertThat(Fingerprint.of(db)).as("nothing changed past the backup").isEqualTo(before);

            db.execute("UPDATE tasks SET user_id = '2' WHERE id = 3"); // the operator fixes the one value by hand
            CliRun run = CliRun.on(
                    db,
                    "repair",
                    "--error-file",
                    error.toString(),
                    "--migrations",
                    migrations.toString(),
                    "--backup-dir",
                    dir.resolve("b").toString(),
                    "--yes",
                    "--param",
                    "widen=yes");
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out()).contains("align-fk-column-types").contains("Status    verified");
            assertThat(columnType(db, "tasks", "user_id")).isEqualTo("bigint");
            assertThat(foreignKeys(db, "tasks")).isEqualTo("fk_tasks_user");
            assertThat(db.scalar("SELECT string_agg(id || ':' || user_id, ',' ORDER BY id) FROM tasks"))
                    .isEqualTo("1:1,2:2,3:2");

            Files.writeString(migrations.resolve("V3__tasks_due.sql"), "ALTER TABLE tasks ADD COLUMN due DATE;\n");
            MigrateResult next = FlywayRun.flyway(db, migrations, Map.of()).migrate();
            assertThat(next.success).isTrue();
            assertThat(next.targetSchemaVersion).isEqualTo("3");
        }
    }
}
