package io.migrescue.sql;

import io.migrescue.model.Engine;

/**
 * The one place that quotes identifiers. Names from error text, migration files or parameters are always passed
 * through here, never pasted into SQL.
 */
public interface Dialect {
    Engine engine();

    String quote(String identifier);

    default String qualify(String schema, String name) {
        return schema == null ? quote(name) : quote(schema) + "." + quote(name);
    }

    static Dialect of(Engine engine) {
        return switch (engine) {
            case POSTGRESQL -> PostgresDialect.INSTANCE;
            case MYSQL, MARIADB -> new MySqlDialect(engine);
        };
    }
}
