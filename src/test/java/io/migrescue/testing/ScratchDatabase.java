package io.migrescue.testing;

import io.migrescue.db.ConnectionUrls;
import io.migrescue.db.Connector;
import io.migrescue.db.DatabaseSession;
import io.migrescue.model.Engine;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A database of its own for one test, created on a real server and dropped on close. */
public final class ScratchDatabase implements AutoCloseable {
    private final TestServer server;
    private final String name;

    private ScratchDatabase(TestServer server, String name) {
        this.server = server;
        this.name = name;
    }

    public static ScratchDatabase create(Engine engine, String purpose) {
        TestServer server = TestServers.get(engine);
        String slug = purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        String name = "mrt_" + slug.substring(0, Math.min(slug.length(), 30)) + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        ScratchDatabase db = new ScratchDatabase(server, name);
        db.admin(engine == Engine.POSTGRESQL ? "CREATE DATABASE \"" + name + "\"" : "CREATE DATABASE `" + name + "`");
        return db;
    }

    public Engine engine() {
        return server.engine();
    }

    public TestServer server() {
        return server;
    }

    /** Database name; on MySQL/MariaDB also the schema name. */
    public String name() {
        return name;
    }

    /** The default schema tables land in: {@code public} on PostgreSQL, the database itself on MySQL/MariaDB. */
    public String defaultSchema() {
        return engine() == Engine.POSTGRESQL ? "public" : name;
    }

    public String jdbcUrl() {
        return server.urlFor(name);
    }

    public Connection connect() throws SQLException {
        return TestServers.connect(server, name);
    }

    /** Opens a session through migrescue's own connector. */
    public DatabaseSession session() {
        return Connector.open(ConnectionUrls.parse(jdbcUrl()), server.user(), server.password());
    }

    /** {@code --url … -u …} for the command line; the password, if any, goes through {@link #cliEnvironment()}. */
    public List<String> cliArgs() {
        List<String> args = new ArrayList<>(List.of("--url", jdbcUrl(), "-u", server.user()));
        return args;
    }

    public Map<String, String> cliEnvironment() {
        Map<String, String> env = new HashMap<>();
        if (server.password() != null) {
            env.put("MIGRESCUE_PASSWORD", server.password());
        }
        return env;
    }

    /** The first column of the first row of a query, as text: for assertions on what a test left behind. */
    public String scalar(String sql) throws SQLException {
        try (Connection c = connect();
                Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Runs statements in order, each on its own (DDL on MySQL/MariaDB commits anyway). */
    public void execute(String... statements) throws SQLException {
        try (Connection c = connect();
                Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    private void admin(String sql) {
        try (Connection c = TestServers.connect(server, server.adminDb());
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError("on " + server.origin() + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        admin(
                engine() == Engine.POSTGRESQL
                        ? "DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)"
                        : "DROP DATABASE IF EXISTS `" + name + "`");
    }
}
