package io.migrescue.db;

import io.migrescue.failure.MigrescueException;
import io.migrescue.model.DatabaseInfo;
import io.migrescue.model.Engine;
import io.migrescue.sql.Dialect;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;

/** The one place that opens connections: driver properties, timeouts, engine detection, failure messages. */
public final class Connector {
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    private Connector() {}

    /**
     * Opens a connection and asks the server what it is.
     *
     * @param user     the user, or null to use the driver's default
     * @param password the password, or null for none
     */
    public static DatabaseSession open(ConnectionTarget target, String user, String password) {
        Redaction.registerShown(user); // a password equal to the user name must not hide it in messages
        Redaction.registerShown(target.user());
        Redaction.registerShown(target.database());
        Properties props = new Properties();
        props.putAll(target.properties());
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        if (target.engineHint() == Engine.POSTGRESQL) {
            props.putIfAbsent("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
            props.putIfAbsent("ApplicationName", "migrescue");
        } else {
            props.putIfAbsent("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS * 1000));
            props.putIfAbsent("connectionAttributes", "program_name:migrescue");
            // MariaDB 10.x and MySQL 5.x servers may offer no TLS: do not fail on that unless the URL asks for it.
            props.putIfAbsent("sslMode", "PREFERRED");
            props.putIfAbsent("allowPublicKeyRetrieval", "true");
            props.putIfAbsent("useUnicode", "true");
            props.putIfAbsent("characterEncoding", "UTF-8");
        }
        Connection connection;
        try {
            connection = connect(target.jdbcUrl(), props);
        } catch (SQLException e) {
            throw ConnectionFailures.describe(target, user, e);
        }
        try {
            DatabaseInfo info = identify(connection, target, user);
            return new DatabaseSession(connection, info, Dialect.of(info.engine()));
        } catch (SQLException e) {
            closeQuietly(connection);
            throw ConnectionFailures.describe(target, user, e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /**
     * The URL's own driver, asked directly: DriverManager would first load and initialise every driver in the jar to
     * find it (Connector/J starts a thread for a PostgreSQL URL too), measurable at start-up (issue 19). A URL neither
     * driver takes goes to DriverManager, which says so as before.
     */
    private static Connection connect(String url, Properties props) throws SQLException {
        Driver driver = url.startsWith("jdbc:postgresql:")
                ? new org.postgresql.Driver()
                : url.startsWith("jdbc:mysql:") ? new com.mysql.cj.jdbc.Driver() : null;
        Connection connection = driver == null ? null : driver.connect(url, props);
        return connection != null ? connection : DriverManager.getConnection(url, props);
    }

    private static DatabaseInfo identify(Connection connection, ConnectionTarget target, String user)
            throws SQLException {
        String fullVersion;
        String schema;
        String currentUser;
        boolean postgres = target.engineHint() == Engine.POSTGRESQL;
        String sql = postgres
                ? "SELECT VERSION(), current_setting('server_version'), current_schema(), current_user"
                : "SELECT VERSION(), VERSION(), DATABASE(), CURRENT_USER()";
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            fullVersion = rs.getString(1);
            String shortVersion = rs.getString(2);
            schema = rs.getString(3);
            currentUser = rs.getString(4);
            Engine engine = detect(fullVersion);
            if (engine == Engine.POSTGRESQL != postgres) {
                throw MigrescueException.usage("the URL says "
                        + target.engineHint().displayName() + " but the server answered " + fullVersion);
            }
            return new DatabaseInfo(
                    engine,
                    cleanVersion(engine, shortVersion),
                    fullVersion,
                    target.toString(),
                    currentUser == null ? user : postgres ? currentUser : stripHost(currentUser),
                    schema);
        }
    }

    /** Engine from the text of {@code SELECT VERSION()}. */
    public static Engine detect(String versionText) {
        String v = versionText == null ? "" : versionText.toLowerCase(Locale.ROOT);
        if (v.startsWith("postgresql")) {
            return Engine.POSTGRESQL;
        }
        return v.contains("mariadb") ? Engine.MARIADB : Engine.MYSQL;
    }

    /** "15.20 (Debian 15.20-0+deb12u1)" → "15.20"; "10.11.19-MariaDB-0+deb12u1" → "10.11.19"; "8.4.3" → "8.4.3". */
    public static String cleanVersion(Engine engine, String version) {
        if (version == null) {
            return "";
        }
        String v = version.trim();
        if (engine == Engine.MARIADB && v.startsWith("5.5.5-")) {
            v = v.substring("5.5.5-".length()); // replication-compatibility prefix of some MariaDB servers and proxies
        }
        int cut = 0;
        while (cut < v.length() && (Character.isDigit(v.charAt(cut)) || v.charAt(cut) == '.')) {
            cut++;
        }
        return cut == 0 ? v : v.substring(0, cut);
    }

    private static String stripHost(String mysqlUser) {
        int at = mysqlUser.indexOf('@');
        return at > 0 ? mysqlUser.substring(0, at) : mysqlUser;
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already failing: the first error is the one to report
        }
    }
}
