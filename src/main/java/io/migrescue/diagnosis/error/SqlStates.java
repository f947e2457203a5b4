package io.migrescue.diagnosis.error;

import java.util.Set;

/** Which SQLSTATEs only one family sends. Both send some of the standard ones (23000, 42000, 40001, 22001). */
final class SqlStates {
    private static final Set<String> SHARED = Set.of(
            "00000", "01000", "21000", "22001", "22003", "22007", "22012", "23000", "25000", "28000", "3D000", "40001",
            "42000", "0A000", "08004", "08S01");

    private SqlStates() {}

    /** MySQL's own states: HY000 (general error), 42S01 (table exists), 42S02, 42S21, 42S22, XA…, 08S01. */
    static boolean mysqlOnly(String state) {
        return state != null && (state.startsWith("HY") || state.startsWith("42S") || state.startsWith("XA"));
    }

    /** PostgreSQL-specific: not MySQL's own and not one of the standard states both servers send. */
    static boolean postgresOnly(String state) {
        return state != null && state.length() == 5 && !mysqlOnly(state) && !SHARED.contains(state);
    }
}
