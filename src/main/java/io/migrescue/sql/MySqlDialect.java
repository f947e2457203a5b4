package io.migrescue.sql;

import io.migrescue.model.Engine;

/** MySQL and MariaDB: backtick quoting, a doubled backtick inside. */
record MySqlDialect(Engine engine) implements Dialect {
    @Override
    public String quote(String identifier) {
        PostgresDialect.requireUsable(identifier);
        return "`" + identifier.replace("`", "``") + "`";
    }
}
