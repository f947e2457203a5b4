package io.migrescue.testing;

import io.migrescue.app.DemoScenario;
import io.migrescue.model.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed-migration states made for real, the way the field reports met them. Each returns the error text the
 * operator saw (Flyway's own message) and leaves the migration files in {@code dir}.
 */
public final class Scenarios {
    private Scenarios() {}

    public record Broken(String errorText, Path migrations) {
        public Path errorFile() {
            try {
                Path f = Files.createTempFile(migrations.getParent(), "error", ".txt");
                Files.writeString(f, errorText);
                return f;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Field report 05 on MariaDB: rename the old table aside, then create the new one with the same FK names. */
    public static Broken fieldReport05(ScratchDatabase db, Path dir) {
        return run(db, dir, DemoScenario.scripts(io.migrescue.model.Engine.MARIADB));
    }

    /** A V2 adding a foreign key over child rows whose parent is gone. */
    public static Broken orphanForeignKey(ScratchDatabase db, Path dir) {
        return run(db, dir, DemoScenario.scripts(io.migrescue.model.Engine.POSTGRESQL));
    }

    /**
     * The same migrations as {@link #orphanForeignKey} on any engine (plain SQL both kinds understand): orders 12 and
     * 15 point at user 99, 13 at user 98, 14 at no one (NULL), 10 and 11 at users that exist.
     */
    public static Broken orphanRows(ScratchDatabase db, Path dir) {
        return run(db, dir, DemoScenario.scripts(io.migrescue.model.Engine.POSTGRESQL));
    }

    /** A V2 whose CREATE TABLE meets a table someone made by hand. */
    public static Broken tableAlreadyExists(ScratchDatabase db, Path dir) throws Exception {
        FlywayRun.flyway(
                        db,
                        dir,
                        Map.of("V1__users.sql", "CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200));\n"))
                .migrate();
        db.execute("CREATE TABLE invoices (id BIGINT PRIMARY KEY, amount NUMERIC(10,2))"); // a hotfix, by hand
        return run(
                db,
                dir,
                Map.of(
                        "V2__invoices.sql",
                        "CREATE TABLE invoices (id BIGINT PRIMARY KEY, amount NUMERIC(10,2), issued_at DATE NOT NULL);\n"));
    }

    /** A V2 adding a column that a hotfix already added. */
    public static Broken duplicateColumn(ScratchDatabase db, Path dir) throws Exception {
        Map<String, String> scripts = new LinkedHashMap<>();
        scripts.put(
                "V1__users.sql",
                "CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200), phone VARCHAR(40));\n");
        scripts.put("V2__users_phone.sql", "ALTER TABLE users ADD COLUMN phone VARCHAR(40);\n");
        return run(db, dir, scripts);
    }

    /** A V2 altering a table that lives in another schema (field report 01: prod's myschema vs local public). */
    public static Broken tableInAnotherSchema(ScratchDatabase db, Path dir) {
        Map<String, String> scripts = new LinkedHashMap<>();
        scripts.put("V1__users.sql", "CREATE TABLE users (id BIGINT PRIMARY KEY);\n");
        scripts.put("V2__vote_stats_score.sql", "ALTER TABLE vote_stats ADD COLUMN score INT;\n");
        return run(db, dir, scripts);
    }

    /** A V2 adding a unique index over duplicate values. */
    public static Broken duplicateRows(ScratchDatabase db, Path dir) {
        Map<String, String> scripts = new LinkedHashMap<>();
        scripts.put("V1__users.sql", """
                CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200));
                INSERT INTO users (id, email) VALUES (1, 'ana@example.com'), (2, 'ana@example.com'), (3, 'budi@example.com'),
                  (4, 'budi@example.com'), (5, 'budi@example.com'), (6, 'citra@example.com'), (7, NULL), (8, NULL);
                """);
        scripts.put("V2__users_email_unique.sql", "CREATE UNIQUE INDEX users_email_uq ON users (email);\n");
        return run(db, dir, scripts);
    }

    /** A V2 making a column NOT NULL while rows hold NULL in it. */
    public static Broken nullValues(ScratchDatabase db, Path dir) {
        Map<String, String> scripts = new LinkedHashMap<>();
        scripts.put("V1__users.sql", """
                CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200));
                INSERT INTO users (id, email) VALUES (1, 'ana@example.com'), (2, NULL), (3, NULL);
                """);
        scripts.put(
                "V2__users_email_required.sql",
                db.engine() == Engine.POSTGRESQL
                        ? "ALTER TABLE users ALTER COLUMN email SET NOT NULL;\n"
                        : "ALTER TABLE users MODIFY email VARCHAR(200) NOT NULL;\n");
        return run(db, dir, scripts);
    }

    /**
     * A V2 of three statements on MariaDB whose third fails because a table of that name was made by hand: the first
     * two stay in effect (DDL commits), Flyway records success = 0.
     */
    public static Broken halfApplied(ScratchDatabase db, Path dir) throws Exception {
        FlywayRun.flyway(
                        db,
                        dir,
                        Map.of(
                                "V1__users.sql",
                                "CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200));\n"
                                        + "INSERT INTO users VALUES (1, 'ana@example.com'), (2, 'budi@example.com');\n"))
                .migrate();
        db.execute("CREATE TABLE invoices_tmp (x INT)");
        return run(db, dir, Map.of("V2__users_phone_and_invoices.sql", """
                ALTER TABLE users ADD COLUMN phone VARCHAR(40);
                CREATE INDEX users_phone_idx ON users (phone);
                CREATE TABLE invoices_tmp (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL, amount DECIMAL(10,2) NOT NULL);
                """));
    }

    /**
     * A V2 that adds a foreign key the table already has under that name (PostgreSQL 42710): the migration means to
     * replace it with ON DELETE CASCADE.
     */
    public static Broken duplicateConstraintSameTable(ScratchDatabase db, Path dir) throws Exception {
        FlywayRun.flyway(db, dir, Map.of("V1__users_orders.sql", """
                CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200));
                CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT,
                  CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id));
                INSERT INTO users VALUES (1, 'ana@example.com'), (2, 'budi@example.com');
                INSERT INTO orders VALUES (10, 1), (11, 2), (12, 1), (13, NULL);
                """)).migrate();
        return run(
                db,
                dir,
                Map.of(
                        "V2__orders_user_fk_cascade.sql",
                        "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;\n"));
    }

    /**
     * golang-migrate's dirty version as a cut-off run leaves it: version 20240115093000 dirty, its first two statements
     * in effect, the third (an index) not.
     *
     * @return the migrations folder
     */
    public static Path golangDirty(ScratchDatabase db, Path dir) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(
                migrations.resolve("20240101000000_users.up.sql"), "CREATE TABLE users (id BIGINT PRIMARY KEY);\n");
        Files.writeString(migrations.resolve("20240101000000_users.down.sql"), "DROP TABLE users;\n");
        Files.writeString(
                migrations.resolve("20240115093000_orders.up.sql"),
                "CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT);\nALTER TABLE users ADD COLUMN email VARCHAR(200);\n"
                        + "CREATE INDEX orders_user_idx ON orders (user_id);\n");
        db.execute(
                ToolTables.golangMigrate(db.engine()),
                "CREATE TABLE users (id BIGINT PRIMARY KEY)",
                "CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT)",
                "ALTER TABLE users ADD COLUMN email VARCHAR(200)",
                "INSERT INTO schema_migrations (version, dirty) VALUES (20240115093000, true)");
        return migrations;
    }

    /**
     * Prisma's history after a failed deploy: 20240101000000_init finished, 20240301000000_add_email unfinished (P3009),
     * its statement not in effect.
     *
     * @return the prisma/migrations folder
     */
    public static Path prismaFailedRow(ScratchDatabase db, Path dir) throws Exception {
        Path migrations = dir.resolve("prisma/migrations");
        Files.createDirectories(migrations.resolve("20240101000000_init"));
        Files.createDirectories(migrations.resolve("20240301000000_add_email"));
        Files.writeString(
                migrations.resolve("20240101000000_init/migration.sql"),
                "CREATE TABLE users (id INTEGER PRIMARY KEY);\n");
        Files.writeString(
                migrations.resolve("20240301000000_add_email/migration.sql"),
                "ALTER TABLE users ADD COLUMN email TEXT;\n");
        String now = db.engine() == Engine.POSTGRESQL ? "now()" : "CURRENT_TIMESTAMP(3)";
        db.execute(
                ToolTables.prisma(db.engine()),
                "CREATE TABLE users (id INTEGER PRIMARY KEY)",
                "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)"
                        + " VALUES ('00000000-0000-4000-8000-000000000001', 'a', " + now + ", '20240101000000_init', "
                        + now + ", 1)",
                "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count)"
                        + " VALUES ('00000000-0000-4000-8000-000000000002', 'b', NULL, '20240301000000_add_email', 'Database error', "
                        + now + ", 0)");
        return migrations;
    }

    private static Broken run(ScratchDatabase db, Path dir, Map<String, String> scripts) {
        String failure = FlywayRun.migrateExpectingFailure(FlywayRun.flyway(db, dir, scripts));
        if (failure == null) {
            throw new AssertionError("the scenario's last migration was expected to fail on " + db.engine());
        }
        return new Broken(failure, dir);
    }
}
