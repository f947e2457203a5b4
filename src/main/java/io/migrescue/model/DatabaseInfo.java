package io.migrescue.model;

/**
 * What the server said about itself.
 *
 * @param url      the connection URL with every secret removed (see {@code db.Redaction})
 * @param schema   the connection's current schema (PostgreSQL) or database (MySQL/MariaDB), if any
 */
public record DatabaseInfo(Engine engine, String version, String fullVersion, String url, String user, String schema) {

    /** The engine and its version as every report names the server, e.g. {@code PostgreSQL 15.4}. */
    public String engineAndVersion() {
        return engine.displayName() + ' ' + version;
    }
}
