package io.migrescue.history;

import io.migrescue.sql.Dialect;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;

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
    MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found) throws SQLException;
}
