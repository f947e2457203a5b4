package io.migrescue.preflight;

import io.migrescue.history.MigrationTools;
import io.migrescue.model.Engine;

/**
 * Whether a tool runs a migration inside one transaction on PostgreSQL (where {@code CREATE INDEX CONCURRENTLY} is then
 * refused), with each tool's own way out read from the migration's source.
 */
public final class Transactions {
    private Transactions() {}

    /**
     * @param statements the migration's statements (SQL text)
     * @param source     the migration file as written (code or SQL)
     */
    public static boolean inTransaction(Engine engine, String tool, java.util.List<String> statements, String source) {
        if (!engine.transactionalDdl()) {
            return false; // MySQL/MariaDB commit each DDL statement: there is no transaction to be inside
        }
        return MigrationTools.factsOf(tool).runsInTransaction(statements, source);
    }
}
