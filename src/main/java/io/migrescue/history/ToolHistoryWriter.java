package io.migrescue.history;

import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import java.util.List;

/**
 * A tool's history writer with its tool id and the tool's own reasons for the two record steps most tools have no
 * place for: freeing a lock (most keep none in their tables) and clearing a dirty flag (most have none). Each writer
 * states those reasons once, in its constructor, and overrides a step only where its tool does record it.
 */
abstract class ToolHistoryWriter implements HistoryWriter {
    private final String tool;
    private final Refusals refusals;

    ToolHistoryWriter(String tool, Refusals refusals) {
        this.tool = tool;
        this.refusals = refusals;
    }

    /**
     * Why the tool's history has no place for a step, in the tool's terms.
     *
     * @param releaseLock why there is no lock to free; null for a writer that frees one (it overrides
     *     {@link #releaseLock})
     * @param clearDirty why there is no dirty flag to clear; null for a writer that clears one (it overrides
     *     {@link #clearDirty})
     */
    record Refusals(String releaseLock, String clearDirty) {}

    @Override
    public final String tool() {
        return tool;
    }

    @Override
    public List<BoundStatement> releaseLock(Dialect d, MigrationHistory h) {
        throw new UnsupportedOperationException(refusals.releaseLock());
    }

    @Override
    public List<BoundStatement> clearDirty(Dialect d, MigrationHistory h, String version) {
        throw new UnsupportedOperationException(refusals.clearDirty());
    }
}
