package io.migrescue.diff;

/**
 * What differs. Stable names: scripts match on them (cli.md). A {@code MISSING_*} kind says on which side the object
 * is missing; the others carry the source's and the target's value.
 */
public enum DifferenceKind {
    MISSING_SCHEMA,
    MISSING_TABLE,
    MISSING_COLUMN,
    COLUMN_TYPE_DIFFERS,
    COLUMN_NULLABILITY_DIFFERS,
    COLUMN_DEFAULT_DIFFERS,
    /** identity, generated expression, {@code auto_increment}, {@code on update …} */
    COLUMN_EXTRA_DIFFERS,
    /** cosmetic: reported only with {@code --column-order} */
    COLUMN_ORDER_DIFFERS,
    MISSING_INDEX,
    INDEX_COLUMNS_DIFFER,
    INDEX_UNIQUENESS_DIFFERS,
    INDEX_METHOD_DIFFERS,
    INDEX_PREDICATE_DIFFERS,
    /** same columns, uniqueness, method and predicate, but sort order, operator class, INCLUDE or storage differ */
    INDEX_DEFINITION_DIFFERS,
    /** same definition under another name */
    INDEX_NAME_DIFFERS,
    MISSING_CONSTRAINT,
    PRIMARY_KEY_DIFFERS,
    UNIQUE_COLUMNS_DIFFER,
    CHECK_DIFFERS,
    /** an exclusion constraint (PostgreSQL) of the same name, defined otherwise */
    EXCLUSION_DIFFERS,
    /** column lists, referenced table or referenced columns */
    FOREIGN_KEY_COLUMNS_DIFFER,
    /** ON DELETE / ON UPDATE only */
    FOREIGN_KEY_ACTIONS_DIFFER,
    /** same definition under another name */
    CONSTRAINT_NAME_DIFFERS,
    MISSING_SEQUENCE,
    SEQUENCE_DIFFERS,
    MISSING_ENUM,
    ENUM_VALUES_DIFFER,
    MISSING_VIEW(Fix.DEFINED_OBJECT),
    VIEW_DIFFERS(Fix.DEFINED_OBJECT),
    MISSING_MATERIALIZED_VIEW(Fix.DEFINED_OBJECT),
    MATERIALIZED_VIEW_DIFFERS(Fix.DEFINED_OBJECT),
    MISSING_FUNCTION(Fix.DEFINED_OBJECT),
    FUNCTION_DIFFERS(Fix.DEFINED_OBJECT),
    MISSING_PROCEDURE(Fix.DEFINED_OBJECT),
    PROCEDURE_DIFFERS(Fix.DEFINED_OBJECT),
    MISSING_TRIGGER(Fix.DEFINED_OBJECT),
    TRIGGER_DIFFERS(Fix.DEFINED_OBJECT),
    /** MySQL/MariaDB: how a table is partitioned (method, expression, partitions), on one side only */
    MISSING_PARTITIONING(Fix.DEFINED_OBJECT),
    PARTITIONING_DIFFERS(Fix.DEFINED_OBJECT),
    /** on a table, view, column, index, sequence or constraint */
    MISSING_COMMENT(Fix.DEFINED_OBJECT),
    COMMENT_DIFFERS(Fix.DEFINED_OBJECT),
    /** PostgreSQL: type, default, NOT NULL, CHECKs */
    MISSING_DOMAIN(Fix.DEFINED_OBJECT),
    DOMAIN_DIFFERS(Fix.DEFINED_OBJECT),
    MISSING_COMPOSITE_TYPE(Fix.DEFINED_OBJECT),
    COMPOSITE_TYPE_DIFFERS(Fix.DEFINED_OBJECT),
    /** name and schema; DIFFERS: the version */
    MISSING_EXTENSION(Fix.DEFINED_OBJECT),
    EXTENSION_DIFFERS(Fix.DEFINED_OBJECT),
    /** a row-level security policy */
    MISSING_POLICY(Fix.DEFINED_OBJECT),
    POLICY_DIFFERS(Fix.DEFINED_OBJECT),
    /** a table's row-level security enabled or forced (MISSING: neither on one side) */
    MISSING_ROW_SECURITY(Fix.DEFINED_OBJECT),
    ROW_SECURITY_DIFFERS(Fix.DEFINED_OBJECT),
    /** a partition of a partitioned table (PARTITION OF … FOR VALUES …); DIFFERS: its parent or bound */
    MISSING_PARTITION(Fix.DEFINED_OBJECT),
    PARTITION_DIFFERS(Fix.DEFINED_OBJECT),
    /** a partitioned table's PARTITION BY, or a partitioned table on one side and a plain one on the other */
    PARTITION_KEY_DIFFERS,
    /** an identity column's sequence options (start, increment, min, max, cache, cycle) where not the defaults */
    MISSING_IDENTITY_OPTIONS(Fix.DEFINED_OBJECT),
    IDENTITY_OPTIONS_DIFFERS(Fix.DEFINED_OBJECT),
    /** with --privileges: what a grantee may do on a table, view or sequence, or on one column */
    MISSING_PRIVILEGE(Fix.DEFINED_OBJECT),
    PRIVILEGE_DIFFERS(Fix.DEFINED_OBJECT),
    /** a migration tool's history table on one side only */
    MISSING_HISTORY,
    /** a migration applied (recorded) on one side only */
    MIGRATION_MISSING,
    /** recorded on both sides, in different states: applied on one, failed (or dirty, rolled back) on the other */
    MIGRATION_STATE_DIFFERS,
    /** recorded on both sides with different checksums: the file changed after it ran somewhere */
    MIGRATION_CHECKSUM_DIFFERS,
    /** golang-migrate keeps only the current version: the two sides are at different versions */
    MIGRATION_VERSION_DIFFERS;

    /** How a fix script mends a difference of this kind, where that is decided by the kind alone. */
    private enum Fix {
        /** the object's definition, dropped and created again ({@code DefinedObjectChanges}) */
        DEFINED_OBJECT
    }

    private final Fix fix;

    DifferenceKind() {
        this(null);
    }

    DifferenceKind(Fix fix) {
        this.fix = fix;
    }

    /** A view, routine, trigger, comment, type, policy, privilege or partition: fixed by restating its definition. */
    public boolean isDefinedObject() {
        return fix == Fix.DEFINED_OBJECT;
    }

    public boolean isHistory() {
        return this == MISSING_HISTORY
                || this == MIGRATION_MISSING
                || this == MIGRATION_STATE_DIFFERS
                || this == MIGRATION_CHECKSUM_DIFFERS
                || this == MIGRATION_VERSION_DIFFERS;
    }
}
