package io.migrescue.diff;

import static io.migrescue.diff.ObjectKind.Support.ABSENT;
import static io.migrescue.diff.ObjectKind.Support.COMPARED;
import static io.migrescue.diff.ObjectKind.Support.NOT_READ;
import static io.migrescue.diff.ObjectKind.Support.OPTION;

import io.migrescue.model.Engine;

/**
 * Every kind of object a schema can hold, and whether {@code diff} compares it, per engine: the one declaration the
 * coverage line of every output is built from ({@link Coverage}). Teaching {@code diff} a kind is one word here.
 * Columns: PostgreSQL, MySQL, MariaDB.
 */
public enum ObjectKind {
    SCHEMAS("schemas", COMPARED, COMPARED, COMPARED),
    TABLES("tables", COMPARED, COMPARED, COMPARED),
    COLUMNS("columns (type, null, default)", COMPARED, COMPARED, COMPARED),
    COLUMN_ORDER("column order", OPTION, OPTION, OPTION),
    IDENTITY_COLUMNS("identity / auto_increment columns", COMPARED, COMPARED, COMPARED),
    GENERATED_COLUMNS("generated columns", COMPARED, COMPARED, COMPARED),
    COLUMN_COLLATIONS("column collations", COMPARED, COMPARED, COMPARED),
    COLUMN_CHARSETS("column character sets", ABSENT, COMPARED, COMPARED),
    INDEXES("indexes", COMPARED, COMPARED, COMPARED),
    CONSTRAINTS("constraints (primary, unique, check, foreign, exclusion)", COMPARED, COMPARED, COMPARED),
    SEQUENCES("sequences", COMPARED, ABSENT, COMPARED),
    ENUM_TYPES("enum types", COMPARED, ABSENT, ABSENT),
    DOMAINS("domains", COMPARED, ABSENT, ABSENT),
    COMPOSITE_TYPES("composite types", COMPARED, ABSENT, ABSENT),
    VIEWS("views", COMPARED, COMPARED, COMPARED),
    MATERIALIZED_VIEWS("materialized views", COMPARED, ABSENT, ABSENT),
    FUNCTIONS("functions", COMPARED, COMPARED, COMPARED),
    PROCEDURES("procedures", COMPARED, COMPARED, COMPARED),
    TRIGGERS("triggers", COMPARED, COMPARED, COMPARED),
    COMMENTS("comments", COMPARED, COMPARED, COMPARED),
    PARTITIONS("partitions", COMPARED, COMPARED, COMPARED),
    POLICIES("row-level security policies", COMPARED, ABSENT, ABSENT),
    EXTENSIONS("extensions", COMPARED, ABSENT, ABSENT),
    PRIVILEGES("privileges", OPTION, NOT_READ, NOT_READ),
    HISTORY("migration histories", OPTION, OPTION, OPTION);

    /** How far {@code diff} goes with a kind on one engine. */
    public enum Support {
        COMPARED,
        /** compared only when an option asks for it (or not when one turns it off) */
        OPTION,
        /** the engine has it, {@code diff} does not read it yet */
        NOT_READ,
        /** the engine has no such object */
        ABSENT
    }

    private final String label;
    private final Support postgres;
    private final Support mysql;
    private final Support mariadb;

    ObjectKind(String label, Support postgres, Support mysql, Support mariadb) {
        this.label = label;
        this.postgres = postgres;
        this.mysql = mysql;
        this.mariadb = mariadb;
    }

    public String label() {
        return label;
    }

    public Support on(Engine engine) {
        return switch (engine) {
            case POSTGRESQL -> postgres;
            case MYSQL -> mysql;
            case MARIADB -> mariadb;
        };
    }
}
