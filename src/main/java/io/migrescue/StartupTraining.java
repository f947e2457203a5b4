package io.migrescue;

import io.migrescue.cli.MigrescueCli;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The training run for the launcher's start-up archive (class-data sharing on JDK 17, the AOT cache on 24+): runs,
 * in one JVM and with all output dropped, what a real session runs (version, help, explain on a PostgreSQL and a
 * MySQL error, status, diagnose and preflight on both engines), so the archive holds those classes and not only those
 * of whichever command happened to run first. Without a database to train on (MIGRESCUE_TRAIN_PG_URL and
 * MIGRESCUE_TRAIN_MYSQL_URL), status and diagnose fail to connect to a closed port: the drivers, the commands
 * and their error paths load all the same.
 */
public final class StartupTraining {
    private static final String PG_ERROR = """
            ERROR: Migration V4__audit_log.sql failed
            SQL State  : 42501
            Message    : ERROR: permission denied for schema public
              Position: 14
            Location   : db/migration/V4__audit_log.sql
            Statement  : CREATE TABLE audit_log (id bigint PRIMARY KEY)
            Database: jdbc:postgresql://127.0.0.1:5432/shop (PostgreSQL 15.4)
            """;
    private static final String MYSQL_ERROR = """
            SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry 'a@b.c' for key 'users_email_unique'
            (Connection: mysql, SQL: alter table `users` add unique `users_email_unique`(`email`))
            """;

    private static final String SAMPLE_MIGRATION = """
            CREATE TABLE training_invoices (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL,
              total NUMERIC(10,2) DEFAULT 0);
            ALTER TABLE training_invoices ADD CONSTRAINT training_invoices_user_fk
              FOREIGN KEY (user_id) REFERENCES training_users (id);
            ALTER TABLE training_users ADD COLUMN nick VARCHAR(40);
            CREATE UNIQUE INDEX training_users_nick_uq ON training_users (nick);
            ALTER TABLE training_users ADD CONSTRAINT training_users_nick_chk CHECK (nick <> '');
            UPDATE training_users SET nick = 'x' WHERE nick IS NULL;
            """;

    private StartupTraining() {}

    public static void main(String[] args) {
        String pg = System.getenv()
                .getOrDefault(
                        "MIGRESCUE_TRAIN_PG_URL",
                        "jdbc:postgresql://127.0.0.1:1/training?user=training&connectTimeout=1");
        String mysql = System.getenv()
                .getOrDefault(
                        "MIGRESCUE_TRAIN_MYSQL_URL",
                        "jdbc:mysql://127.0.0.1:1/training?user=training&connectTimeout=1000");
        List<String[]> runs = new ArrayList<>(List.of(
                new String[] {"--version"},
                new String[] {"--help"},
                new String[] {"explain", "--error", PG_ERROR},
                new String[] {"explain", "--error", MYSQL_ERROR},
                new String[] {"explain", "--error", PG_ERROR, "--format", "json"}));
        Path migrations = sampleMigrations();
        for (String url : List.of(pg, mysql)) {
            runs.add(new String[] {"status", "--url", url});
            runs.add(new String[] {"status", "--url", url, "--format", "json"});
            runs.add(new String[] {"diagnose", "--url", url});
            if (migrations != null) {
                // preflight reads the database only: the SQL parser and the simulation load on the training database
                runs.add(new String[] {"preflight", "--url", url, "--migrations", migrations.toString()});
            }
        }
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        for (String[] run : runs) {
            try {
                MigrescueCli.create(none, none, Map.of(), false, new ByteArrayInputStream(new byte[0]), run)
                        .execute(run);
            } catch (RuntimeException | LinkageError e) {
                // a failed training step only makes the archive smaller; the next one still runs
            }
        }
        delete(migrations);
    }

    /** One pending migration of the usual shapes, in a temporary directory; null if none can be written. */
    private static Path sampleMigrations() {
        try {
            Path dir = Files.createTempDirectory("migrescue-training");
            Files.writeString(dir.resolve("V900001__training.sql"), SAMPLE_MIGRATION);
            return dir;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
