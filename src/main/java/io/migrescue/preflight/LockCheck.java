package io.migrescue.preflight;

/**
 * A statement that locks a live table: who holds a lock on it now decides whether it waits; when it also rewrites or
 * scans the table ({@code heavy}), the table's size decides for how long it blocks others.
 */
public record LockCheck(
        PendingMigration migration,
        int statement,
        int line,
        String sql,
        String schema,
        String table,
        boolean heavy,
        String what) {}
