package io.migrescue.history;

import io.migrescue.model.Engine;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import io.migrescue.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * One migration tool's history table. Detection is by name and columns, never by name alone: {@code migrations}
 * is Laravel's or TypeORM's, {@code schema_migrations} is Rails', golang-migrate's or Supabase's.
 */
public interface HistoryAdapter {

    /** Stable tool id used in JSON and {@code --tool}: {@code flyway}, {@code golang-migrate}, ... */
    String tool();

    /** Default table names this tool creates (history and lock tables), in lower case. */
    Set<String> tableNames();

    /** Whether this table is this tool's history table (its lock table is not). */
    boolean owns(TableShape table);

    /**
     * Reads the history table (and the tool's lock table if it has one).
     *
     * @param found every table of {@link #tableNames()} found in the same scan, to locate a lock table
     */
    MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException;

    /**
     * Schemas this tool keeps its history in whatever the connection's schema, looked in even when {@code --schema}
     * does not name them: Drizzle's {@code drizzle} and the Supabase CLI's {@code supabase_migrations} on PostgreSQL,
     * Atlas's {@code atlas_schema_revisions}. Only this adapter is asked about the tables found there.
     */
    default Set<String> extraSchemas(Engine engine) {
        return Set.of();
    }

    /**
     * The lock tables that go with a history table of this name, in lower case: Knex names its lock after the history
     * table ({@code <table>_lock}), Liquibase keeps {@code DATABASECHANGELOGLOCK} whatever the changelog table is called.
     */
    default Set<String> lockTablesFor(String historyTable) {
        return Set.of();
    }

    /** This adapter looking for its history table under the name the tool was configured with ({@code --history-table}). */
    default HistoryAdapter withTable(String historyTable) {
        return new RenamedHistory(this, historyTable);
    }
}
