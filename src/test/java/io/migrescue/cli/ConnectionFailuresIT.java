package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.ScratchDatabase;
import io.migrescue.testing.TestServers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Wrong host, wrong password, unknown database: one line naming the problem, exit 3, no stack trace. */
class ConnectionFailuresIT {

    private static void assertOneLine(CliRun run, int exit, String expected) {
        assertThat(run.exitCode()).as(run.all()).isEqualTo(exit);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .startsWith("migrescue: ")
                .contains(expected)
                .hasLineCount(1)
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void nothingListeningOnThePort() {
        assertOneLine(CliRun.run("status", "--url", "postgresql://postgres@127.0.0.1:1/app"), 3, "connection refused");
        assertOneLine(CliRun.run("status", "--url", "mysql://root@127.0.0.1:1/app"), 3, "connection refused");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void unknownDatabase(Engine engine) {
        var server = TestServers.get(engine);
        String url = server.urlFor("mr_no_such_database_anywhere");
        CliRun run = CliRun.run(
                server.password() == null ? Map.of() : Map.of("MIGRESCUE_PASSWORD", server.password()),
                List.of("status", "--url", url, "-u", server.user()));
        assertOneLine(run, 3, "database 'mr_no_such_database_anywhere' does not exist");
    }

    @Test
    void wrongPasswordOnMariadb() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "conn wrong pw")) {
            String user = "mr_" + db.name().substring(db.name().length() - 8);
            db.execute(
                    "CREATE USER '" + user + "'@'%' IDENTIFIED BY 'Right-Pw-1'",
                    "CREATE USER '" + user + "'@'localhost' IDENTIFIED BY 'Right-Pw-1'",
                    "GRANT ALL ON `" + db.name() + "`.* TO '" + user + "'@'%'",
                    "GRANT ALL ON `" + db.name() + "`.* TO '" + user + "'@'localhost'");
            try {
                CliRun wrong = CliRun.run(
                        Map.of("MIGRESCUE_PASSWORD", "Wrong-Pw-2"),
                        List.of("status", "--url", db.jdbcUrl(), "-u", user));
                assertOneLine(wrong, 3, "login refused for user '" + user + "': wrong user or password");
                assertThat(wrong.all()).doesNotContain("Wrong-Pw-2");

                CliRun right = CliRun.run(
                        Map.of("MIGRESCUE_PASSWORD", "Right-Pw-1"),
                        List.of("status", "--url", db.jdbcUrl(), "-u", user));
                assertThat(right.exitCode()).as(right.all()).isZero();
            } finally {
                db.execute("DROP USER '" + user + "'@'%'", "DROP USER '" + user + "'@'localhost'");
            }
        }
    }

    @Test
    void urlSaysPostgresButServerIsMariadb() {
        CliRun run = CliRun.run("status", "--url", "postgresql://root@127.0.0.1:3306/x");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err())
                .hasLineCount(1)
                .startsWith("migrescue: cannot connect to jdbc:postgresql://127.0.0.1:3306/x");
    }
}
