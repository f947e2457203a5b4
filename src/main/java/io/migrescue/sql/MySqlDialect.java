package io.migrescue.sql;

import io.migrescue.model.Engine;

/** MySQL and MariaDB: backtick quoting, a doubled backtick inside; names of up to 64 characters. */
record MySqlDialect(Engine engine) implements Dialect {
    static final int MAX_CHARACTERS = 64;

    @Override
    public String quote(String identifier) {
        PostgresDialect.requireUsable(identifier);
        return "`" + identifier.replace("`", "``") + "`";
    }

    /** The server refuses a longer name (error 1059), so a statement writing one can never have run. */
    @Override
    public String storedNote(String name) {
        int characters = name == null ? 0 : name.codePointCount(0, name.length());
        return characters <= MAX_CHARACTERS
                ? null
                : "name " + name + " is " + characters + " characters; " + engine.displayName() + " refuses names over "
                        + MAX_CHARACTERS;
    }

    @Override
    public String fit(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_CHARACTERS) {
            return name;
        }
        String hash = PostgresDialect.hash(name);
        return name.substring(0, name.offsetByCodePoints(0, MAX_CHARACTERS - hash.length() - 1)) + "_" + hash;
    }
}
