package io.migrescue.history;

import io.migrescue.model.Engine;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import io.migrescue.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tool's history under a table name of the team's choosing (Flyway's {@code flyway.table}, Knex's
 * {@code migrations.tableName}, Drizzle's {@code migrationsTable}). The columns still decide: the renamed table is
 * the tool's when the tool would own a table of those columns under one of its own names. Reading is the tool's own,
 * as every reader reads the table it is handed.
 */
final class RenamedHistory implements HistoryAdapter {
    private final HistoryAdapter tool;
    private final String table;

    RenamedHistory(HistoryAdapter tool, String table) {
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("a history table name must not be empty");
        }
        this.tool = tool;
        this.table = table.strip();
    }

    @Override
    public String tool() {
        return tool.tool();
    }

    @Override
    public Set<String> tableNames() {
        Set<String> names = new TreeSet<>(tool.lockTablesFor(table));
        names.add(table.toLowerCase(Locale.ROOT));
        return names;
    }

    @Override
    public boolean owns(TableShape candidate) {
        return candidate.named(table)
                && tool.tableNames().stream()
                        .anyMatch(name -> tool.owns(new TableShape(candidate.schema(), name, candidate.columns())));
    }

    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape found, List<TableShape> all)
            throws SQLException {
        return tool.read(connection, dialect, found, all);
    }

    @Override
    public Set<String> extraSchemas(Engine engine) {
        return tool.extraSchemas(engine);
    }

    @Override
    public Set<String> lockTablesFor(String historyTable) {
        return tool.lockTablesFor(historyTable);
    }

    @Override
    public HistoryAdapter withTable(String historyTable) {
        return new RenamedHistory(tool, historyTable);
    }
}
