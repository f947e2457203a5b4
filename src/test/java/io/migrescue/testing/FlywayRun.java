package io.migrescue.testing;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Real Flyway (from Maven Central) run against a scratch database, to leave the states the field meets. */
public final class FlywayRun {
    private FlywayRun() {
    }

    /** Writes the scripts into {@code dir} (file name → SQL) and returns a Flyway configured for them. */
    public static Flyway flyway(ScratchDatabase db, Path dir, Map<String, String> scripts) {
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
                .load();
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
