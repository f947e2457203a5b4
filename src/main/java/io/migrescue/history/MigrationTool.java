package io.migrescue.history;

import io.migrescue.model.Engine;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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
     * {@link #realignChecksum(Dialect, MigrationHistory, MigrationFile, String)} told what the tool's own error said
     * ({@code errorText}, may be null): Liquibase's validation failure names the checksum it now computes.
     */
    public List<BoundStatement> realignChecksum(
            Dialect dialect, MigrationHistory history, MigrationFile file, String id, String errorText) {
        return realignChecksum(dialect, history, file, id);
    }

    /**
     * The checksum the tool computes for the file (history entry {@code id}) now, as its realign would record it; null
     * for a tool that keeps no checksum or a file it computes none for.
     *
     * @throws IllegalArgumentException when the file cannot say it (the message says why)
     */
    public String fileChecksum(
            MigrationHistory history, MigrationFile file, String id, Engine engine, String errorText) {
        return null;
    }

    /** Whether the tool keys its history by the migration's name alone, so it is recorded without a file to read. */
    public boolean recordsByNameAlone() {
        return false;
    }

    /** Whether a migration's id tells its file apart better than the file's name does (Django: every app has a 0001_initial.py). */
    public boolean idOutranksFileName() {
        return false;
    }

    /**
     * Where this tool comes when a migration directory's layout is told ({@link MigrationDirectories}), lower first: a
     * layout that another's files would also match is asked before it (Drizzle's journal before any SQL files beside it,
     * golang-migrate's {@code NNN_name.up.sql} before goose's {@code NNN_name.sql}). A tool without a layout of its own
     * keeps the default, last.
     */
    public int layoutPriority() {
        return Integer.MAX_VALUE;
    }

    /**
     * The tool's own switch that runs a migration outside a transaction: found anywhere in the migration's source by
     * {@code marker} (a regular expression), told to the operator as {@code told} (null: the generic words).
     */
    protected record TransactionSwitch(String marker, String told) {
        boolean in(String source) {
            return Pattern.compile(marker, Pattern.DOTALL).matcher(source).find();
        }
    }

    /** The switch of a tool that runs each migration in a transaction unless its source says otherwise; none by default. */
    protected Optional<TransactionSwitch> transactionSwitch() {
        return Optional.empty();
    }

    /**
     * On PostgreSQL: whether the tool runs this migration inside one transaction (statements as SQL text; source as
     * written). A tool with a {@link #transactionSwitch()} does unless the source holds it; otherwise a file sent as one
     * multi-statement query runs as one implicit transaction.
     */
    public boolean runsInTransaction(List<String> statements, String source) {
        return transactionSwitch().map(s -> !s.in(source)).orElse(statements.size() > 1);
    }

    /** How a migration of this tool is made to run outside a transaction, as told to the operator. */
    public String transactionOptOut(String file) {
        return transactionSwitch().map(TransactionSwitch::told).orElse("the tool's own switch for it");
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

    /** Checks once, for every tool, that the history handed in is this tool's, then plans the rows {@link #applied}. */
    @Override
    public final List<BoundStatement> recordApplied(
            Dialect d, MigrationHistory h, MigrationFile file, Instant now, String installedBy) {
        HistorySql.requireTool(h, tool());
        return applied(d, h, file, now, installedBy);
    }

    /** Checks once, for every tool, that the history handed in is this tool's, then plans {@link #rolledBack}. */
    @Override
    public final List<BoundStatement> recordRolledBack(
            Dialect d, MigrationHistory h, String id, List<MigrationFile> files, Instant now) {
        HistorySql.requireTool(h, tool());
        return rolledBack(d, h, id, files, now);
    }

    /** {@link HistoryWriter#recordApplied} for a history known to be this tool's. */
    protected abstract List<BoundStatement> applied(
            Dialect d, MigrationHistory h, MigrationFile file, Instant now, String installedBy);

    /** {@link HistoryWriter#recordRolledBack} for a history known to be this tool's. */
    protected abstract List<BoundStatement> rolledBack(
            Dialect d, MigrationHistory h, String id, List<MigrationFile> files, Instant now);
}
