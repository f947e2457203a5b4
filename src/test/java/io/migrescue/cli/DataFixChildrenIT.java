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
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Data fixes that respect the rows of other tables pointing at the rows they delete. Real Flyway leaves the state: a
 * unique index over duplicates that have child rows (one foreign key plain, one ON DELETE CASCADE, which would lose
 * them silently), and a foreign key over orphans that have rows of their own. The repair asks the decision (exit 6),
 * says which rows each step changes, and with it keeps every child row; then Flyway's own run succeeds.
 */
class DataFixChildrenIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void childrenOfDeletedDuplicatesArePointedAtTheKeptRow(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "dup children")) {
            Map<String, String> scripts = new LinkedHashMap<>();
            scripts.put("V1__users_orders.sql", """
                    CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200));
                    CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL,
                      CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id));
                    CREATE TABLE profiles (id BIGINT PRIMARY KEY, user_id BIGINT,
                      CONSTRAINT fk_profiles_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE);
                    INSERT INTO users (id, email) VALUES (1, 'ana@example.com'), (2, 'ana@example.com'), (3, 'budi@example.com'),
                      (4, 'budi@example.com'), (5, 'budi@example.com'), (6, 'citra@example.com'), (7, NULL), (8, NULL);
                    INSERT INTO orders (id, user_id) VALUES (10, 1), (11, 2), (12, 2), (13, 4), (14, 5), (15, 6), (16, 3), (17, 7);
                    INSERT INTO profiles (id, user_id) VALUES (20, 2), (21, 6), (22, NULL);
                    """);
            scripts.put("V2__users_email_unique.sql", "CREATE UNIQUE INDEX users_email_uq ON users (email);\n");
            Path migrations = dir.resolve("m");
            String failure = FlywayRun.migrateExpectingFailure(FlywayRun.flyway(db, migrations, scripts));
            assertThat(failure).isNotNull();
            Path error = Files.writeString(dir.resolve("error.txt"), failure);
            List<String> common = List.of(
                    "fix-duplicate-rows", "--error-file", error.toString(), "--migrations", migrations.toString());

            Fingerprint before = Fingerprint.of(db);
            CliRun undecided = CliRun.on(
                    db,
                    "repair",
                    args(common, "--backup-dir", dir.resolve("b0").toString(), "--param", "keep=first", "--yes"));
            assertThat(undecided.exitCode()).as(undecided.all()).isEqualTo(6);
            assertThat(undecided.err())
                    .contains("--param children=")
                    .contains("orders")
                    .contains("profiles")
                    .contains("repoint = point the rows of other tables");
            assertThat(Fingerprint.of(db)).isEqualTo(before);

            CliRun dry = CliRun.on(
                    db,
                    "repair",
                    args(
                            common,
                            "--backup-dir",
                            dir.resolve("b1").toString(),
                            "--param",
                            "keep=first",
                            "--param",
                            "children=repoint",
                            "--dry-run"));
            assertThat(dry.exitCode()).as(dry.all()).isZero();
            assertThat(dry.out())
                    .contains(
                            "point the rows of orders, profiles that reference a duplicate of users at the row kept for its key")
                    .contains(
                            "rows: updates 4 rows of orders, the rows whose user_id points at a duplicate that is deleted,"
                                    + " re-pointed to the kept row (the lowest id) (id 11, 12, 13, 14)")
                    .contains("rows: updates 1 row of profiles")
                    .contains("(id 20)")
                    .contains("rows: deletes 3 rows of users")
                    .contains("(id 2, 4, 5)");
            assertThat(Fingerprint.of(db)).isEqualTo(before);

            CliRun run = CliRun.on(
                    db,
                    "repair",
                    args(
                            common,
                            "--backup-dir",
                            dir.resolve("b").toString(),
                            "--param",
                            "keep=first",
                            "--param",
                            "children=repoint",
                            "--yes"));
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out()).contains("verified");
            assertThat(ids(db, "users", "id")).isEqualTo("1,3,6,7,8");
            assertThat(ids(db, "orders", "id")).as("no child row lost").isEqualTo("10,11,12,13,14,15,16,17");
            assertThat(ids(db, "orders", "user_id")).isEqualTo("1,1,1,3,3,3,6,7");
            assertThat(ids(db, "profiles", "id")).as("the cascade took none").isEqualTo("20,21,22");
            assertThat(db.scalar("SELECT user_id FROM profiles WHERE id = 20")).isEqualTo("1");

            MigrateResult next = FlywayRun.flyway(db, migrations, Map.of()).migrate();
            assertThat(next.success).isTrue();
            assertThat(next.migrationsExecuted).as("V2 is recorded as applied").isZero();
            assertThat(db.scalar(
                            engine == Engine.POSTGRESQL
                                    ? "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'users_email_uq'"
                                    : "SELECT COUNT(DISTINCT INDEX_NAME) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
                                            + " AND INDEX_NAME = 'users_email_uq' AND NON_UNIQUE = 0"))
                    .isEqualTo("1");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void rowsReferencingDeletedOrphansAreKeptOrDeletedAsDecided(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "orphan grandchildren")) {
            Map<String, String> scripts = new LinkedHashMap<>();
            scripts.put("V1__users_orders_items.sql", """
                    CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200));
                    CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT);
                    CREATE TABLE order_items (id BIGINT PRIMARY KEY, order_id BIGINT,
                      CONSTRAINT fk_items_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE);
                    CREATE TABLE notes (id BIGINT PRIMARY KEY, order_id BIGINT NOT NULL,
                      CONSTRAINT fk_notes_order FOREIGN KEY (order_id) REFERENCES orders (id));
                    INSERT INTO users (id, email) VALUES (1, 'ana@example.com'), (2, 'budi@example.com');
                    INSERT INTO orders (id, user_id) VALUES (10, 1), (11, 2), (12, 99), (13, 98), (14, NULL);
                    INSERT INTO order_items (id, order_id) VALUES (100, 10), (101, 12), (102, 12), (103, 13), (104, 11), (105, NULL);
                    INSERT INTO notes (id, order_id) VALUES (200, 13), (201, 10);
                    """);
            scripts.put(
                    "V2__orders_user_fk.sql",
                    "ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id);\n");
            Path migrations = dir.resolve("m");
            String failure = FlywayRun.migrateExpectingFailure(FlywayRun.flyway(db, migrations, scripts));
            assertThat(failure).isNotNull();
            Path error = Files.writeString(dir.resolve("error.txt"), failure);
            List<String> common = List.of(
                    "fix-orphan-rows",
                    "--error-file",
                    error.toString(),
                    "--migrations",
                    migrations.toString(),
                    "--param",
                    "policy=delete");

            Fingerprint before = Fingerprint.of(db);
            CliRun undecided = CliRun.on(
                    db, "repair", args(common, "--backup-dir", dir.resolve("b0").toString(), "--yes"));
            assertThat(undecided.exitCode()).as(undecided.all()).isEqualTo(6);
            assertThat(undecided.err())
                    .contains("--param grandchildren=")
                    .contains("order_items")
                    .contains("notes");
            assertThat(Fingerprint.of(db)).isEqualTo(before);

            CliRun refused = CliRun.on(
                    db,
                    "repair",
                    args(
                            common,
                            "--backup-dir",
                            dir.resolve("b1").toString(),
                            "--param",
                            "grandchildren=set-null",
                            "--yes"));
            assertThat(refused.exitCode())
                    .as("notes.order_id is NOT NULL: " + refused.all())
                    .isNotZero()
                    .isNotEqualTo(6);
            assertThat(refused.err()).contains("notes.order_id is NOT NULL");
            assertThat(Fingerprint.of(db)).isEqualTo(before);

            // notes stay NOT NULL, so this database keeps its items (set to NULL) only where it can: separate tables
            db.execute("ALTER TABLE notes "
                    + (engine == Engine.POSTGRESQL
                            ? "ALTER COLUMN order_id DROP NOT NULL"
                            : "MODIFY order_id BIGINT NULL"));
            CliRun dry = CliRun.on(
                    db,
                    "repair",
                    args(
                            common,
                            "--backup-dir",
                            dir.resolve("b2").toString(),
                            "--param",
                            "grandchildren=set-null",
                            "--dry-run"));
            assertThat(dry.exitCode()).as(dry.all()).isZero();
            assertThat(dry.out())
                    .contains(
                            "set to NULL the references of the rows of notes, order_items that reference the orphan rows of orders")
                    .contains(
                            "rows: updates 3 rows of order_items, the rows whose order_id points at an orphan row that is deleted:"
                                    + " order_id set to NULL (id 101, 102, 103)")
                    .contains("rows: updates 1 row of notes")
                    .contains("(id 200)")
                    .contains("rows: deletes 2 rows of orders, the orphan rows (id 12, 13)");

            CliRun run = CliRun.on(
                    db,
                    "repair",
                    args(
                            common,
                            "--backup-dir",
                            dir.resolve("b").toString(),
                            "--param",
                            "grandchildren=set-null",
                            "--yes"));
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out()).contains("verified");
            assertThat(ids(db, "orders", "id")).isEqualTo("10,11,14");
            assertThat(ids(db, "order_items", "id"))
                    .as("no grandchild lost to the cascade")
                    .isEqualTo("100,101,102,103,104,105");
            assertThat(db.scalar("SELECT COUNT(*) FROM order_items WHERE order_id IS NULL"))
                    .isEqualTo("4");
            assertThat(ids(db, "notes", "id")).isEqualTo("200,201");
            assertThat(db.scalar("SELECT COUNT(*) FROM notes WHERE order_id IS NULL"))
                    .isEqualTo("1");

            MigrateResult next = FlywayRun.flyway(db, migrations, Map.of()).migrate();
            assertThat(next.success).isTrue();
            assertThat(next.migrationsExecuted).isZero();
        }
    }

    private static String[] args(List<String> common, String... extra) {
        List<String> all = new java.util.ArrayList<>(common);
        all.addAll(List.of(extra));
        return all.toArray(String[]::new);
    }

    /** The column's values, ordered, comma-separated (NULL sorted as its own word last). */
    private static String ids(ScratchDatabase db, String table, String column) throws Exception {
        return db.scalar(
                db.engine() == Engine.POSTGRESQL
                        ? "SELECT string_agg(coalesce(" + column + "::text, 'null'), ',' ORDER BY " + column
                                + " NULLS LAST) FROM " + table
                        : "SELECT GROUP_CONCAT(coalesce(" + column + ", 'null') ORDER BY " + column + " IS NULL, "
                                + column + ") FROM " + table);
    }
}
