package io.migrescue.model;

import java.util.Locale;

/** The database engines migrescue speaks to. MariaDB is told from MySQL by {@code SELECT VERSION()}. */
public enum Engine {
    POSTGRESQL("postgresql", "PostgreSQL"),
    MYSQL("mysql", "MySQL"),
    MARIADB("mariadb", "MariaDB");

    private final String id;
    private final String displayName;

    Engine(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** Stable lower-case name used in JSON and playbooks. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public boolean isMySqlFamily() {
        return this != POSTGRESQL;
    }

    /**
     * PostgreSQL runs DDL inside a transaction, which rolls it back on failure; MySQL and MariaDB commit each DDL
     * statement by itself.
     */
    public boolean transactionalDdl() {
        return this == POSTGRESQL;
    }

    /** The ALTER TABLE clause that drops a check constraint, up to its name: MySQL alone says {@code DROP CHECK}. */
    public String dropCheckClause() {
        return this == MYSQL ? "DROP CHECK " : "DROP CONSTRAINT ";
    }

    public static Engine fromId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        for (Engine engine : values()) {
            if (engine.id.equals(wanted)) {
                return engine;
            }
        }
        throw new IllegalArgumentException("unknown engine: " + id);
    }
}
