package io.migrescue.testing;

import io.migrescue.db.ConnectionTarget;
import io.migrescue.db.ConnectionUrls;
import io.migrescue.model.Engine;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.containers.MariaDBContainer;
import org.testcontainers.containers.MySQLContainer;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * Resolves the real servers the tests run against, per engine, in the order of architecture.md: a JDBC URL from
 * the environment ({@code MIGRESCUE_TEST_POSTGRES_URL}, {@code MIGRESCUE_TEST_MARIADB_URL},
 * {@code MIGRESCUE_TEST_MYSQL_URL}); else Testcontainers when a Docker engine answers; else the local servers at
 * their standard ports. A server that cannot be reached fails the test with a message saying how to provide one.
 */
public final class TestServers {
    private static final Map<Engine, TestServer> RESOLVED = new EnumMap<>(Engine.class);
    private static final Map<Engine, String> VARIABLES = Map.of(
            Engine.POSTGRESQL, "MIGRESCUE_TEST_POSTGRES_URL",
            Engine.MARIADB, "MIGRESCUE_TEST_MARIADB_URL",
            Engine.MYSQL, "MIGRESCUE_TEST_MYSQL_URL");
    private static Boolean docker;

    private TestServers() {}

    /**
     * The engines every database test runs on: PostgreSQL and MariaDB always (they run on every project machine),
     * MySQL when a server was named or Docker can start one.
     */
    public static List<Engine> engines() {
        List<Engine> engines = new ArrayList<>(List.of(Engine.POSTGRESQL, Engine.MARIADB));
        if (System.getenv(VARIABLES.get(Engine.MYSQL)) != null || dockerAvailable()) {
            engines.add(Engine.MYSQL);
        }
        return engines;
    }

    /**
     * The MySQL-family engines of {@link #engines()}: for states only non-transactional DDL leaves (a failed Flyway
     * row after half a migration), which PostgreSQL cannot be brought into.
     */
    public static List<Engine> mysqlFamily() {
        return engines().stream().filter(Engine::isMySqlFamily).toList();
    }

    public static synchronized TestServer get(Engine engine) {
        return RESOLVED.computeIfAbsent(engine, TestServers::resolve);
    }

    private static TestServer resolve(Engine engine) {
        String variable = VARIABLES.get(engine);
        String fromEnv = System.getenv(variable);
        TestServer server;
        if (fromEnv != null && !fromEnv.isBlank()) {
            ConnectionTarget t = ConnectionUrls.parse(fromEnv);
            String base = t.jdbcUrl().substring(0, t.jdbcUrl().lastIndexOf('/') + 1);
            server = new TestServer(
                    engine,
                    base,
                    engine == Engine.POSTGRESQL ? orDefault(t.database(), "postgres") : null,
                    t.user(),
                    t.urlPassword(),
                    variable);
        } else if (dockerAvailable()) {
            server = fromContainer(engine);
        } else if (engine == Engine.MYSQL) {
            throw new AssertionError(
                    "No MySQL server: set " + variable + "=jdbc:mysql://host:3306/?user=root&password=…"
                            + " or run the tests where a Docker engine answers (Testcontainers starts mysql:8.4).");
        } else {
            server = engine == Engine.POSTGRESQL
                    ? new TestServer(
                            engine,
                            "jdbc:postgresql://127.0.0.1:5432/",
                            "postgres",
                            "postgres",
                            null,
                            "local server 127.0.0.1:5432")
                    : new TestServer(
                            engine, "jdbc:mysql://127.0.0.1:3306/", null, "root", null, "local server 127.0.0.1:3306");
        }
        try (Connection ignored = connect(server, server.adminDb())) {
            return server;
        } catch (SQLException e) {
            throw new AssertionError(
                    "Cannot reach the " + engine.displayName() + " test server (" + server.origin() + "): "
                            + e.getMessage() + "\nStart the local servers with `bin/test-servers start`, or set "
                            + variable
                            + " to a JDBC URL of a server the tests may create databases on"
                            + " (e.g. jdbc:postgresql://host:5432/postgres?user=postgres&password=…), or provide a Docker engine.",
                    e);
        }
    }

    public static Connection connect(TestServer server, String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", server.user());
        if (server.password() != null) {
            props.setProperty("password", server.password());
        }
        if (server.engine() != Engine.POSTGRESQL) {
            props.setProperty("allowPublicKeyRetrieval", "true");
            props.setProperty("sslMode", "PREFERRED");
            props.setProperty("connectTimeout", "5000");
        } else {
            props.setProperty("connectTimeout", "5");
        }
        return DriverManager.getConnection(server.urlFor(database), props);
    }

    private static synchronized boolean dockerAvailable() {
        if (docker == null) {
            try {
                docker = DockerClientFactory.instance().isDockerAvailable();
            } catch (Throwable t) {
                docker = false;
            }
        }
        return docker;
    }

    private static TestServer fromContainer(Engine engine) {
        JdbcDatabaseContainer<?> container = switch (engine) {
            case POSTGRESQL -> new PostgreSQLContainer<>("postgres:16");
            case MARIADB -> new MariaDBContainer<>("mariadb:11");
            case MYSQL -> new MySQLContainer<>("mysql:8.4");
        };
        if (engine != Engine.POSTGRESQL) {
            container.withUsername("root").withPassword("test");
        }
        container.start(); // stopped by Testcontainers' reaper when the JVM ends
        String host = container.getHost();
        int port = container.getFirstMappedPort();
        return engine == Engine.POSTGRESQL
                ? new TestServer(
                        engine,
                        "jdbc:postgresql://" + host + ":" + port + "/",
                        "postgres",
                        container.getUsername(),
                        container.getPassword(),
                        "Testcontainers postgres:16")
                : new TestServer(
                        engine,
                        "jdbc:mysql://" + host + ":" + port + "/",
                        null,
                        "root",
                        "test",
                        "Testcontainers " + (engine == Engine.MYSQL ? "mysql:8.4" : "mariadb:11"));
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
