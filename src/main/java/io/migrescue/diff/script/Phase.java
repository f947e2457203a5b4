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
    EXTENSIONS("extensions"),
    TYPES("enum types"),
    DOMAINS("domains and composite types"),
    SEQUENCES("sequences"),
    DROP_POLICIES("policies, row security, triggers, views, functions and procedures that go or change (what depends "
            + "on another first)"),
    DROP_TRIGGERS("triggers that go or change"),
    DROP_VIEWS("views that go or change"),
    DROP_ROUTINES("functions and procedures that go"),
    /** reset to the defaults while the column is still an identity */
    DROP_IDENTITY_OPTIONS("identity columns' sequence options that go"),
    /** MySQL/MariaDB: before keys change (a partitioned table's unique keys must hold its partitioning columns) */
    REMOVE_PARTITIONING("partitioning that goes"),
    DROP_FOREIGN_KEYS("foreign keys that go or change"),
    DROP_CONSTRAINTS("constraints that go or change"),
    DROP_INDEXES("indexes that go or change"),
    RENAMES("renamed indexes and constraints"),
    CREATE_TABLES("tables"),
    PARTITIONS("partitions (PARTITION OF, or detached and attached with their bound)"),
    ADD_COLUMNS("columns"),
    ALTER_COLUMNS("column changes"),
    IDENTITY_OPTIONS("identity columns' sequence options"),
    ADD_CONSTRAINTS("primary keys, unique and check constraints"),
    CREATE_INDEXES("indexes"),
    ADD_FOREIGN_KEYS("foreign keys"),
    /** MySQL/MariaDB: once the table's columns and keys are as the source has them */
    PARTITIONING("partitioning and partitions"),
    CREATE_ROUTINES("functions, procedures, views, materialized views, triggers, policies and row security (what "
            + "another needs first)"),
    CREATE_VIEWS("views and materialized views"),
    CREATE_TRIGGERS("triggers"),
    CREATE_POLICIES("row-level security policies and switches"),
    /** after what they describe is created, before it is dropped */
    COMMENTS("comments"),
    PRIVILEGES("privileges"),
    DROP_COLUMNS("columns that go"),
    DROP_PARTITIONS("partitions that go"),
    DROP_TABLES("tables that go"),
    DROP_SEQUENCES("sequences that go"),
    DROP_DOMAINS("domains and composite types that go"),
    DROP_TYPES("enum types that go"),
    DROP_EXTENSIONS("extensions that go"),
    DROP_SCHEMAS("schemas that go"),
    /** PostgreSQL: {@code CREATE INDEX CONCURRENTLY} on a table in use cannot run in a transaction; it runs after it */
    CONCURRENT_INDEXES("indexes on tables in use, built CONCURRENTLY (after the commit: writes are not blocked)"),
    /** PostgreSQL: foreign keys and checks added NOT VALID in the transaction are checked after it, without blocking writes */
    VALIDATE_CONSTRAINTS("constraints added NOT VALID, validated (after the commit: writes are not blocked)");

    private final String title;

    Phase(String title) {
        this.title = title;
    }

    /**
     * The phase whose section prints this one's statements: policies, triggers, views and routines are one section,
     * dropped and created in the order of their dependencies ({@link DependencyOrder}), not by kind (a function over
     * a view is created after it).
     */
    Phase lead() {
        return switch (this) {
            case DROP_TRIGGERS, DROP_VIEWS, DROP_ROUTINES -> DROP_POLICIES;
            case CREATE_VIEWS, CREATE_TRIGGERS, CREATE_POLICIES -> CREATE_ROUTINES;
            default -> this;
        };
    }

    /** Runs after the script's transaction commits (PostgreSQL), so that it does not hold the transaction's locks. */
    public boolean afterCommit() {
        return this == CONCURRENT_INDEXES || this == VALIDATE_CONSTRAINTS;
    }

    public String title() {
        return title;
    }

    /**
     * Views, routines, triggers, policies, domains and partitions are listed in dependency order (what each needs
     * first, from {@code pg_depend}; see {@link DependencyOrder}): they are dropped the other way round (a view over a
     * view goes first).
     */
    boolean dropsInReverse() {
        return this == DROP_TRIGGERS
                || this == DROP_VIEWS
                || this == DROP_ROUTINES
                || this == DROP_POLICIES
                || this == DROP_DOMAINS
                || this == DROP_PARTITIONS;
    }
}
