package io.migrescue.testing;

import io.migrescue.model.Engine;

/**
 * A database server the tests may create databases on.
 *
 * @param baseUrl  JDBC URL without a database and without credentials, e.g. {@code jdbc:postgresql://127.0.0.1:5432/}
 * @param adminDb  the database to connect to for CREATE/DROP DATABASE (PostgreSQL: postgres; MySQL family: none)
 * @param origin   where it came from, for messages: an environment variable, Testcontainers, or the local server
 */
public record TestServer(Engine engine, String baseUrl, String adminDb, String user, String password, String origin) {
    public String urlFor(String database) {
        return baseUrl + (database == null ? "" : database);
    }
}
