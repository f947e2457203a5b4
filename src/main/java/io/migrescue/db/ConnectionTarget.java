package io.migrescue.db;

import io.migrescue.model.Engine;
import java.util.Map;

/**
 * Where to connect, parsed from any accepted URL form, with the credentials taken out of the URL.
 *
 * @param engineHint  what the URL says (a {@code mysql:} URL may turn out to be MariaDB: the server decides)
 * @param jdbcUrl     a JDBC URL holding no user and no password
 * @param database    the database named in the URL, or null
 * @param user        the user named in the URL, or null
 * @param urlPassword the password found in the URL, or null; never shown
 * @param properties  driver properties carried over from the URL's query string, secrets removed
 */
public record ConnectionTarget(
        Engine engineHint,
        String jdbcUrl,
        String host,
        int port,
        String database,
        String user,
        String urlPassword,
        Map<String, String> properties) {
    public ConnectionTarget {
        properties = Map.copyOf(properties);
    }

    @Override
    public String toString() {
        return Redaction.describe(this, urlPassword != null);
    }
}
