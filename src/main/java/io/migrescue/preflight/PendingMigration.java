package io.migrescue.preflight;

import io.migrescue.diagnosis.StatementWithEffects;
import java.util.List;

/**
 * A migration the history does not record as applied, with its statements understood.
 *
 * @param inTransaction whether its tool runs it inside one transaction on this engine (PostgreSQL)
 */
public record PendingMigration(
        String tool, String id, String file, List<StatementWithEffects> statements, boolean inTransaction) {
    public PendingMigration {
        statements = List.copyOf(statements);
    }
}
