package io.migrescue.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

    /** What a table migrescue creates for itself says after its columns: MySQL/MariaDB need InnoDB for transactions. */
    public String tableOptions() {
        return this == POSTGRESQL ? "" : " ENGINE=InnoDB";
    }

    /** The statement that turns foreign key checks of this session on or off; empty where the engine has none. */
    public Optional<String> foreignKeyChecks(boolean on) {
        return this == POSTGRESQL ? Optional.empty() : Optional.of("SET SESSION foreign_key_checks = " + (on ? 1 : 0));
    }

    /**
     * PostgreSQL takes table locks only inside a transaction and gives them back when it ends; MySQL and MariaDB hold
     * them in the session until {@code UNLOCK TABLES}.
     */
    public boolean tableLocksNeedTransaction() {
        return this == POSTGRESQL;
    }

    /** The statement that takes write-blocking locks on the tables (names quoted and qualified already). */
    public String lockTables(List<String> tables) {
        return this == POSTGRESQL
                ? "LOCK TABLE " + String.join(", ", tables) + " IN ACCESS EXCLUSIVE MODE"
                : "LOCK TABLES " + String.join(" WRITE, ", tables) + " WRITE";
    }

    /** The port a server of this engine listens on unless told otherwise. */
    public int defaultPort() {
        return this == POSTGRESQL ? 5432 : 3306;
    }

    /** The environment variable the engine's own client reads a password from. */
    public String passwordVariable() {
        return this == POSTGRESQL ? "PGPASSWORD" : "MYSQL_PWD";
    }

    /** The session variable that limits how long a statement may run (MariaDB and MySQL name it differently). */
    public String statementTimeoutVariable() {
        return switch (this) {
            case POSTGRESQL -> "statement_timeout";
            case MYSQL -> "max_execution_time";
            case MARIADB -> "max_statement_time";
        };
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
