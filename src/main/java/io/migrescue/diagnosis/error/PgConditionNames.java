package io.migrescue.diagnosis.error;

import java.util.Map;

/**
 * PostgreSQL condition names as drivers spell them in class names: psycopg ({@code psycopg2.errors.DuplicateTable}),
 * Ruby pg ({@code PG::DuplicateTable}), asyncpg ({@code DuplicateTableError}). Each stands for exactly one SQLSTATE
 * (PostgreSQL's {@code errcodes.txt}), so the text does carry the code, only spelt differently.
 */
final class PgConditionNames {
    private static final Map<String, String> STATES = Map.ofEntries(
            Map.entry("DuplicateTable", "42P07"),
            Map.entry("DuplicateObject", "42710"),
            Map.entry("DuplicateColumn", "42701"),
            Map.entry("DuplicateSchema", "42P06"),
            Map.entry("DuplicateFunction", "42723"),
            Map.entry("UndefinedTable", "42P01"),
            Map.entry("UndefinedColumn", "42703"),
            Map.entry("UndefinedObject", "42704"),
            Map.entry("UndefinedFunction", "42883"),
            Map.entry("InvalidSchemaName", "3F000"),
            Map.entry("DatatypeMismatch", "42804"),
            Map.entry("InvalidForeignKey", "42830"),
            Map.entry("ForeignKeyViolation", "23503"),
            Map.entry("UniqueViolation", "23505"),
            Map.entry("NotNullViolation", "23502"),
            Map.entry("CheckViolation", "23514"),
            Map.entry("DependentObjectsStillExist", "2BP01"),
            Map.entry("LockNotAvailable", "55P03"),
            Map.entry("ObjectInUse", "55006"),
            Map.entry("DeadlockDetected", "40P01"),
            Map.entry("QueryCanceled", "57014"),
            Map.entry("ActiveSqlTransaction", "25001"),
            Map.entry("InFailedSqlTransaction", "25P02"),
            Map.entry("InsufficientPrivilege", "42501"),
            Map.entry("SyntaxError", "42601"),
            Map.entry("FeatureNotSupported", "0A000"));

    private PgConditionNames() {}

    /** The SQLSTATE of a class name such as {@code DuplicateTable} or {@code DuplicateTableError}, or null. */
    static String sqlState(String className) {
        if (className == null) {
            return null;
        }
        String name = className.substring(className.lastIndexOf('.') + 1);
        String state = STATES.get(name);
        if (state == null && name.endsWith("Error")) {
            state = STATES.get(name.substring(0, name.length() - "Error".length()));
        }
        return state;
    }
}
