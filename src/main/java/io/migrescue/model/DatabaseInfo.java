package io.migrescue.model;

/**
 * What the server said about itself.
 *
 * @param url      the connection URL with every secret removed (see {@code db.Redaction})
 * @param schema   the connection's current schema (PostgreSQL) or database (MySQL/MariaDB), if any
 */
public record DatabaseInfo(Engine engine, String version, String fullVersion, String url, String user, String schema) {}
