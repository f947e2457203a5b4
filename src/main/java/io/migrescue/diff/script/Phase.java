package io.migrescue.diff.script;

/**
 * The order a fix script runs in, so that nothing is created before what it needs or dropped while something still
 * needs it: types and sequences before the tables that use them, tables before the foreign keys between them, foreign
 * keys dropped before the keys and tables they point at, and the drops that lose data last.
 */
public enum Phase {
    /** PostgreSQL: {@code ALTER TYPE … ADD VALUE} must commit before the value is used, so it runs before BEGIN */
    ENUM_VALUES("enum values (outside the transaction: a new value must be committed before use)"),
    SCHEMAS("schemas"),
    TYPES("enum types"),
    SEQUENCES("sequences"),
    DROP_TRIGGERS("triggers that go or change"),
    DROP_VIEWS("views that go or change"),
    DROP_ROUTINES("functions and procedures that go"),
    /** MySQL/MariaDB: before keys change (a partitioned table's unique keys must hold its partitioning columns) */
    REMOVE_PARTITIONING("partitioning that goes"),
    DROP_FOREIGN_KEYS("foreign keys that go or change"),
    DROP_CONSTRAINTS("constraints that go or change"),
    DROP_INDEXES("indexes that go or change"),
    RENAMES("renamed indexes and constraints"),
    CREATE_TABLES("tables"),
    ADD_COLUMNS("columns"),
    ALTER_COLUMNS("column changes"),
    ADD_CONSTRAINTS("primary keys, unique and check constraints"),
    CREATE_INDEXES("indexes"),
    ADD_FOREIGN_KEYS("foreign keys"),
    /** MySQL/MariaDB: once the table's columns and keys are as the source has them */
    PARTITIONING("partitioning and partitions"),
    CREATE_ROUTINES("functions and procedures"),
    CREATE_VIEWS("views and materialized views"),
    CREATE_TRIGGERS("triggers"),
    /** after what they describe is created, before it is dropped */
    COMMENTS("comments"),
    DROP_COLUMNS("columns that go"),
    DROP_TABLES("tables that go"),
    DROP_SEQUENCES("sequences that go"),
    DROP_TYPES("enum types that go"),
    DROP_SCHEMAS("schemas that go"),
    /** PostgreSQL: {@code CREATE INDEX CONCURRENTLY} on a table in use cannot run in a transaction; it runs after it */
    CONCURRENT_INDEXES("indexes on tables in use, built CONCURRENTLY (after the commit: writes are not blocked)"),
    /** PostgreSQL: foreign keys and checks added NOT VALID in the transaction are checked after it, without blocking writes */
    VALIDATE_CONSTRAINTS("constraints added NOT VALID, validated (after the commit: writes are not blocked)");

    private final String title;

    Phase(String title) {
        this.title = title;
    }

    /** Runs after the script's transaction commits (PostgreSQL), so that it does not hold the transaction's locks. */
    public boolean afterCommit() {
        return this == CONCURRENT_INDEXES || this == VALIDATE_CONSTRAINTS;
    }

    public String title() {
        return title;
    }

    /**
     * Views, routines and triggers are listed in creation order (oid), which is the order their dependencies allow to
     * create them in: they are dropped the other way round (a view over a view goes first).
     */
    boolean dropsInReverse() {
        return this == DROP_TRIGGERS || this == DROP_VIEWS || this == DROP_ROUTINES;
    }
}
