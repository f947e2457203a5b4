package io.migrescue.history;

import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One migration tool as migrescue knows it, in one class: how its history table is found and read, how it is written,
 * and the facts about the tool that other packages ask (how it runs a migration, how it lays out and orders its
 * files). {@link MigrationTools} holds one of these per tool; a new tool is one subclass and one line there.
 *
 * <p>A tool is told by one history table of a default name and the columns the tool gives it; a tool whose table
 * shares its name with another tool's narrows {@link #owns} further. The two record steps most tools have no place for
 * (freeing a lock, clearing a dirty flag) are refused with the tool's own reasons, given once to the constructor; a
 * tool that does record them overrides the step. The facts are pure (no JDBC) and default to the generic answer.
 */
public abstract class MigrationTool implements HistoryAdapter, HistoryWriter {
    private final String id;
    private final String table;
    private final List<String> columns;
    private final Refusals refusals;

    /**
     * Why the tool's history has no place for a step, in the tool's terms.
     *
     * @param releaseLock why there is no lock to free; null for a tool that frees one (it overrides
     *     {@link #releaseLock})
     * @param clearDirty why there is no dirty flag to clear; null for a tool that clears one (it overrides
     *     {@link #clearDirty})
     */
    protected record Refusals(String releaseLock, String clearDirty) {}

    /** A tool told by one history table of a default name and the columns the tool gives it. */
    protected MigrationTool(String id, String table, Refusals refusals, String... columns) {
        this.id = id;
        this.table = table;
        this.refusals = refusals;
        this.columns = List.of(columns);
    }

    /** The stable id: {@code --tool}, JSON, playbooks' {@code tools:}. */
    public final String id() {
        return id;
    }

    @Override
    public final String tool() {
        return id;
    }

    @Override
    public Set<String> tableNames() {
        return Set.of(table.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean owns(TableShape candidate) {
        return candidate.named(table) && candidate.hasColumns(columns.toArray(String[]::new));
    }

    @Override
    public List<BoundStatement> releaseLock(Dialect d, MigrationHistory h) {
        throw new UnsupportedOperationException(refusals.releaseLock());
    }

    @Override
    public List<BoundStatement> clearDirty(Dialect d, MigrationHistory h, String version) {
        throw new UnsupportedOperationException(refusals.clearDirty());
    }

    /** This tool's migration files in {@code dir}, in the order it applies them; empty when dir is not laid out its way. */
    public List<MigrationFile> migrationFiles(Path dir) throws IOException {
        return List.of();
    }

    /**
     * On PostgreSQL: whether the tool runs this migration inside one transaction (statements as SQL text; source as
     * written). By default a file sent as one multi-statement query, which runs as one implicit transaction.
     */
    public boolean runsInTransaction(List<String> statements, String source) {
        return statements.size() > 1;
    }

    /** How a migration of this tool is made to run outside a transaction, as told to the operator. */
    public String transactionOptOut(String file) {
        return "the tool's own switch for it";
    }

    /**
     * What can stall a {@code CREATE INDEX CONCURRENTLY} this tool runs outside a transaction, told with the option that
     * causes it; empty when nothing of the tool's does.
     */
    public Optional<String> concurrentIndexHazard() {
        return Optional.empty();
    }

    /** What the tool's next run does with a file older than the newest applied one; empty when not compared. */
    public Optional<String> outOfOrderRule() {
        return Optional.empty();
    }

    /** The part of a migration file that the tool's "up" run executes. */
    public String upSection(String text) {
        return text;
    }

    @Override
    public String toString() {
        return id;
    }
}
