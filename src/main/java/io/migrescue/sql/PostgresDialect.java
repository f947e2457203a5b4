package io.migrescue.sql;

import io.migrescue.model.Engine;

final class PostgresDialect implements Dialect {
    static final PostgresDialect INSTANCE = new PostgresDialect();

    @Override
    public Engine engine() {
        return Engine.POSTGRESQL;
    }

    @Override
    public String quote(String identifier) {
        requireUsable(identifier);
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static void requireUsable(String identifier) {
        if (identifier == null || identifier.isEmpty() || identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a usable identifier: " + identifier);
        }
    }
}
