package io.migrescue.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Real Flyway (from Maven Central) run against a scratch database, to leave the states the field meets. */
public final class FlywayRun {
    private FlywayRun() {}

    /** Writes the scripts into {@code dir} (file name → SQL) and returns a Flyway configured for them. */
    public static Flyway flyway(ScratchDatabase db, Path dir, Map<String, String> scripts) {
        return flyway(db, dir, scripts, Map.of());
    }

    public static Flyway flyway(
            ScratchDatabase db, Path dir, Map<String, String> scripts, Map<String, String> settings) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> script : scripts.entrySet()) {
                Files.writeString(dir.resolve(script.getKey()), script.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Flyway.configure()
                .dataSource(db.jdbcUrl(), db.server().user(), db.server().password())
                .locations("filesystem:" + dir.toAbsolutePath())
                .cleanDisabled(true)
                .configuration(settings)
                .load();
    }

    /**
     * Leaves the state the field meets: V1 applied, V2 failed with a {@code success = false} row. On MariaDB V2 creates a
     * table (committed at once) and then fails on a unique index over duplicate e-mails; on PostgreSQL V2 is a
     * {@code CREATE UNIQUE INDEX CONCURRENTLY}, which Flyway must run outside a transaction, so it records the failure
     * (and the server leaves the index INVALID). Measured with Flyway 11: under its default transactional advisory lock
     * the failure row is rolled back with the lock; teams running {@code CONCURRENTLY} migrations turn that lock off
     * ({@code flyway.postgresql.transactional.lock=false}, else the index build waits on Flyway's own transaction),
     * and then the {@code success = false} row stays, as it does here.
     *
     * @return Flyway's failure message
     */
    public static String leaveFailedV2(ScratchDatabase db, Path dir) {
        String v2 = db.engine() == io.migrescue.model.Engine.POSTGRESQL
                ? "CREATE UNIQUE INDEX CONCURRENTLY users_email_uq ON users (email);\n"
                : "CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL,\n"
                        + "  CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id));\n"
                        + "CREATE UNIQUE INDEX users_email_uq ON users (email);\n";
        Flyway flyway = flyway(
                db,
                dir,
                Map.of(
                        "V1__create_users.sql",
                        "CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200) NOT NULL);\n"
                                + "INSERT INTO users (id, email) VALUES (1, 'ana@example.com'), (2, 'ana@example.com');\n",
                        "V2__add_orders_and_unique_email.sql",
                        v2),
                Map.of("flyway.postgresql.transactional.lock", "false"));
        String failure = migrateExpectingFailure(flyway);
        if (failure == null) {
            throw new AssertionError("Flyway V2 was expected to fail on " + db.engine());
        }
        return failure;
    }

    /** Runs migrate and returns the failure message, or null if it succeeded. */
    public static String migrateExpectingFailure(Flyway flyway) {
        try {
            MigrateResult result = flyway.migrate();
            return result.success ? null : String.valueOf(result.exceptionObject);
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }
}
