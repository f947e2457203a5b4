package io.migrescue.db;

import io.migrescue.failure.MigrescueException;
import io.migrescue.model.Engine;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses every URL form an operator pastes: JDBC URLs ({@code jdbc:postgresql:}, {@code jdbc:mysql:},
 * {@code jdbc:mariadb:}) and platform URLs ({@code postgresql://user:pass@host:port/db}, {@code postgres://},
 * {@code mysql://}, {@code mysql2://}, {@code mariadb://}). Credentials are lifted out of the URL so that the
 * JDBC URL handed to the driver, and every URL shown, holds none.
 */
public final class ConnectionUrls {
    private static final Set<String> USER_KEYS = Set.of("user", "username");
    private static final Set<String> PASSWORD_KEYS = Set.of("password", "pass", "pwd");
    /** Query parameters of platform URLs (Prisma, Rails, psql) that are not driver properties. */
    private static final Set<String> PLATFORM_ONLY_KEYS = Set.of(
            "schema",
            "connection_limit",
            "pool_timeout",
            "pgbouncer",
            "statement_cache_size",
            "socket_timeout",
            "connect_timeout",
            "application_name",
            "sslaccept",
            "sslidentity",
            "sslcert",
            "pool",
            "encoding",
            "reconnect");

    private ConnectionUrls() {}

    public static ConnectionTarget parse(String url) {
        if (url == null || url.isBlank()) {
            throw MigrescueException.usage("no database URL given: use --url (e.g. postgresql://user@host:5432/db)");
        }
        String trimmed = url.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        int schemeEnd = lower.indexOf("://");
        if (schemeEnd < 0) {
            if (lower.matches("[a-z][a-z0-9+.-]*:.*") && !lower.matches("[a-z0-9.-]+:\\d+(/.*)?")) {
                // jdbc:oracle:thin:@…, sqlite:…: a scheme we do not speak, not a typo in ours
                String other = lower.startsWith("jdbc:")
                        ? lower.split(":", 3)[0] + ":" + lower.split(":", 3)[1]
                        : lower.split(":", 2)[0];
                if (!List.of(
                                "jdbc:postgresql",
                                "jdbc:mysql",
                                "jdbc:mariadb",
                                "postgresql",
                                "postgres",
                                "mysql",
                                "mysql2",
                                "mariadb")
                        .contains(other)) {
                    throw unsupported(other);
                }
            }
            throw MigrescueException.usage(
                    "malformed database URL (expected scheme://host/db): " + Redaction.url(trimmed));
        }
        String scheme = lower.substring(0, schemeEnd);
        Engine engine = switch (scheme) {
            case "jdbc:postgresql", "postgresql", "postgres" -> Engine.POSTGRESQL;
            case "jdbc:mysql", "mysql", "mysql2", "jdbc:mysql:replication", "jdbc:mysql:loadbalance" -> Engine.MYSQL;
            case "jdbc:mariadb", "mariadb" -> Engine.MARIADB;
            default -> throw unsupported(scheme);
        };
        if (scheme.startsWith("jdbc:mysql:")) {
            throw MigrescueException.usage(
                    "replication and load-balanced MySQL URLs are not supported: point migrescue at one server");
        }
        return parseAuthorityForm(engine, trimmed.substring(schemeEnd + 3), trimmed);
    }

    private static ConnectionTarget parseAuthorityForm(Engine engine, String rest, String original) {
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;
        String path = slash >= 0 ? rest.substring(slash + 1) : "";

        String user = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                user = decode(userInfo.substring(0, colon));
                password = decode(userInfo.substring(colon + 1));
            } else {
                user = decode(userInfo);
            }
        }
        String host;
        String portText = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw malformed(original, "unclosed IPv6 address");
            }
            host = authority.substring(0, close + 1);
            String after = authority.substring(close + 1);
            if (after.startsWith(":")) {
                portText = after.substring(1);
            } else if (!after.isEmpty()) {
                throw malformed(original, "unexpected text after the host");
            }
        } else {
            if (authority.contains(",")) {
                throw MigrescueException.usage(
                        "several hosts in one URL are not supported: point migrescue at one server");
            }
            int colon = authority.lastIndexOf(':');
            host = colon >= 0 ? authority.substring(0, colon) : authority;
            portText = colon >= 0 ? authority.substring(colon + 1) : null;
        }
        if (host.isEmpty()) {
            host = "localhost";
        }
        if (!host.matches("\\[[0-9A-Fa-f:.%a-zA-Z]+]|[A-Za-z0-9._-]+")) {
            throw malformed(original, "host '" + host + "' is not a host name or address");
        }
        int port = engine.defaultPort();
        if (portText != null && !portText.isEmpty()) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw malformed(original, "port '" + portText + "' is not a number");
            }
            if (port < 1 || port > 65535) {
                throw malformed(original, "port " + port + " is out of range");
            }
        }
        String database = path.isEmpty() ? null : decode(path);
        if (database != null && database.contains("/")) {
            throw malformed(original, "database name '" + database + "' contains '/'");
        }

        Map<String, String> properties = new LinkedHashMap<>();
        for (String pair : query.split("[&;]")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq >= 0 ? pair.substring(0, eq) : pair);
            String value = eq >= 0 ? decode(pair.substring(eq + 1)) : "";
            String lowerKey = key.toLowerCase(Locale.ROOT);
            if (USER_KEYS.contains(lowerKey)) {
                if (user == null) {
                    user = value;
                }
            } else if (PASSWORD_KEYS.contains(lowerKey)) {
                if (password == null) {
                    password = value;
                }
            } else if (lowerKey.equals("schema") && engine == Engine.POSTGRESQL) {
                properties.put("currentSchema", value); // Prisma's ?schema=
            } else if (lowerKey.equals("ssl-mode") || (lowerKey.equals("sslmode") && engine != Engine.POSTGRESQL)) {
                properties.put("sslMode", value.toUpperCase(Locale.ROOT).replace('-', '_'));
            } else if (!PLATFORM_ONLY_KEYS.contains(lowerKey)) {
                properties.put(key, value);
            }
        }
        String jdbcScheme = engine == Engine.POSTGRESQL ? "jdbc:postgresql" : "jdbc:mysql";
        String jdbcUrl = jdbcScheme + "://" + host + ":" + port + "/" + (database == null ? "" : database);
        return new ConnectionTarget(engine, jdbcUrl, host, port, database, user, password, properties);
    }

    private static MigrescueException unsupported(String scheme) {
        return MigrescueException.usage("unsupported database URL scheme '" + Redaction.url(scheme)
                + "': migrescue speaks PostgreSQL, MySQL and MariaDB (jdbc:postgresql://, postgresql://, postgres://,"
                + " jdbc:mysql://, mysql://, jdbc:mariadb://, mariadb://)");
    }

    private static MigrescueException malformed(String original, String why) {
        return MigrescueException.usage("malformed database URL " + Redaction.url(original) + ": " + why);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // not percent-encoded after all: take it literally
        }
    }
}
