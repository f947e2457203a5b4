package io.migrescue.diagnosis;

/** Stable finding kinds (findings.md): used in JSON output and by playbooks' {@code fixes:}. */
public enum FindingKind {
    FAILED_MIGRATION,
    DIRTY_VERSION,
    STUCK_LOCK,
    PARTIALLY_APPLIED,
    DUPLICATE_CONSTRAINT_NAME,
    TABLE_ALREADY_EXISTS,
    MISSING_TABLE,
    DUPLICATE_COLUMN,
    MISSING_COLUMN,
    DUPLICATE_INDEX_NAME,
    MISSING_OBJECT_ON_DROP,
    FK_INCOMPATIBLE,
    FK_ORPHAN_ROWS,
    DUPLICATE_ROWS,
    NULL_VALUES,
    CHECK_VIOLATION,
    /**
     * A change of a column's type that existing values do not survive (not a number, too long, out of range), or, on
     * PostgreSQL, that has no automatic cast and needs USING.
     */
    TYPE_CONVERSION,
    DEPENDENT_OBJECTS,
    KEY_TOO_LONG,
    LOCK_TIMEOUT,
    STATEMENT_TIMEOUT,
    INVALID_INDEX,
    TRANSACTION_CONTEXT,
    PERMISSION_DENIED,
    CHECKSUM_MISMATCH,
    UNRECORDED_MIGRATIONS,
    LOST_REVISION,
    MULTIPLE_HEADS,
    /** An applied migration's file now has another name (matched by checksum or by its effects). */
    RENAMED_MIGRATION,
    /** An applied migration whose file is gone, and no file could be it renamed. */
    MISSING_MIGRATION_FILE,
    /** A migration not applied though a later one is. */
    OUT_OF_ORDER_MIGRATION,
    SCHEMA_DRIFT
}
