package io.migrescue.sql;

import io.migrescue.model.Engine;

/**
 * The one place that quotes identifiers, and that knows how the engine keeps them. Names from error text, migration
 * files or parameters are always passed through here, never pasted into SQL.
 */
public interface Dialect {
    Engine engine();

    String quote(String identifier);

    default String qualify(String schema, String name) {
        return schema == null ? quote(name) : quote(schema) + "." + quote(name);
    }

    /** An unquoted word as the server reads it: PostgreSQL folds it to lower case, MySQL/MariaDB keep it. */
    default String foldBare(String word) {
        return word;
    }

    /**
     * The name the server stores for one written (quotes removed, folding done): PostgreSQL keeps the first 63 bytes
     * (NAMEDATALEN - 1) in whole characters; MySQL/MariaDB refuse a longer name rather than cut it.
     */
    default String stored(String name) {
        return name;
    }

    /**
     * What the server does with a name over its limit, for evidence ("name … is 70 bytes; PostgreSQL keeps the first
     * 63: …"); null when the name is within it.
     */
    default String storedNote(String name) {
        return null;
    }

    /**
     * A name of at most the engine's limit (63 bytes on PostgreSQL, 64 characters on MySQL/MariaDB) for one a plan
     * makes up (a name plus a suffix): a longer one is cut and ends in a hash of the whole, so two cut names differ.
     */
    String fit(String name);

    static Dialect of(Engine engine) {
        return switch (engine) {
            case POSTGRESQL -> PostgresDialect.INSTANCE;
            case MYSQL, MARIADB -> new MySqlDialect(engine);
        };
    }
}
