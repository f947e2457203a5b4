package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A password given in any accepted way never appears in any output, the log file included, whether the login works
 * or fails. MariaDB checks passwords here; the local PostgreSQL trusts 127.0.0.1, so there the failing path is an
 * unknown database reached with the password.
 */
class PasswordNeverShownIT {
    private static final String SECRET = "Zq7-never-print-me-Kx2";
    private static final Path LOG = Path.of(System.getProperty("migrescue.log.dir", "target/it-logs"), "migrescue.log");

    enum Source {
        URL_USERINFO,
        URL_QUERY,
        PASSWORD_FILE,
        PASSWORD_ENV,
        MIGRESCUE_PASSWORD,
        ENGINE_VARIABLE
    }

    static List<Object[]> cases() {
        List<Object[]> cases = new ArrayList<>();
        for (Engine engine : io.migrescue.testing.TestServers.engines()) {
            for (Source source : Source.values()) {
                cases.add(new Object[] {engine, source});
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void neverShown(Engine engine, Source source, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "pw " + source)) {
            String user = "mrpw_" + db.name().substring(db.name().length() - 8);
            createUser(db, user);
            try {
                for (boolean right : new boolean[] {true, false}) {
                    String password = right ? SECRET : SECRET + "-wrong";
                    String database = right || engine != Engine.POSTGRESQL ? db.name() : "mr_missing_" + user;
                    for (String format : List.of("text", "json", "markdown")) {
                        CliRun run = run(engine, db, source, user, password, database, format, dir);
                        assertThat(run.exitCode()).as(run.all()).isEqualTo(right ? 0 : 3);
                        assertThat(run.all()).doesNotContain(SECRET);
                        if (!right) {
                            assertThat(run.err()).hasLineCount(1);
                        }
                    }
                }
                assertThat(Files.exists(LOG) ? Files.readString(LOG) : "").doesNotContain(SECRET);
            } finally {
                dropUser(db, user);
            }
        }
    }

    private static CliRun run(
            Engine engine,
            ScratchDatabase db,
            Source source,
            String user,
            String password,
            String database,
            String format,
            Path dir)
            throws Exception {
        String base = db.server().baseUrl().replace("jdbc:", "");
        String plainUrl = db.server().urlFor(database);
        Map<String, String> env = new HashMap<>();
        List<String> args = new ArrayList<>(List.of("status", "-v", "--format", format));
        switch (source) {
            case URL_USERINFO ->
                args.addAll(List.of("--url", base.replace("://", "://" + user + ":" + password + "@") + database));
            case URL_QUERY -> args.addAll(List.of("--url", plainUrl + "?user=" + user + "&password=" + password));
            case PASSWORD_FILE -> {
                Path file = dir.resolve("pw-" + System.nanoTime());
                Files.writeString(file, password + "\n");
                args.addAll(List.of("--url", plainUrl, "-u", user, "--password-file", file.toString()));
            }
            case PASSWORD_ENV -> {
                env.put("DB_SECRET", password);
                args.addAll(List.of("--url", plainUrl, "-u", user, "--password-env", "DB_SECRET"));
            }
            case MIGRESCUE_PASSWORD -> {
                env.put("MIGRESCUE_PASSWORD", password);
                args.addAll(List.of("--url", plainUrl, "-u", user));
            }
            case ENGINE_VARIABLE -> {
                env.put(engine == Engine.POSTGRESQL ? "PGPASSWORD" : "MYSQL_PWD", password);
                args.addAll(List.of("--url", plainUrl, "-u", user));
            }
        }
        return CliRun.run(env, args);
    }

    private static void createUser(ScratchDatabase db, String user) throws Exception {
        if (db.engine() == Engine.POSTGRESQL) {
            db.execute(
                    "CREATE ROLE " + user + " LOGIN PASSWORD '" + SECRET + "'",
                    "GRANT ALL ON SCHEMA public TO " + user);
        } else {
            for (String host : List.of("%", "localhost")) {
                db.execute(
                        "CREATE USER '" + user + "'@'" + host + "' IDENTIFIED BY '" + SECRET + "'",
                        "GRANT ALL ON `" + db.name() + "`.* TO '" + user + "'@'" + host + "'");
            }
        }
    }

    private static void dropUser(ScratchDatabase db, String user) throws Exception {
        if (db.engine() == Engine.POSTGRESQL) {
            db.execute("REVOKE ALL ON SCHEMA public FROM " + user, "DROP ROLE " + user);
        } else {
            db.execute("DROP USER '" + user + "'@'%'", "DROP USER '" + user + "'@'localhost'");
        }
    }
}
