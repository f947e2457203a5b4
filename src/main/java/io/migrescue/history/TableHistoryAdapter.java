package io.migrescue.history;

import io.migrescue.model.TableShape;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A tool's history adapter told by one table of a default name and the columns that tool gives it, so each adapter
 * states only its tool, its table and how it reads it. An adapter whose table shares its name with another tool's
 * narrows {@link #owns} further.
 */
abstract class TableHistoryAdapter implements HistoryAdapter {
    private final String tool;
    private final String table;
    private final List<String> columns;

    TableHistoryAdapter(String tool, String table, String... columns) {
        this.tool = tool;
        this.table = table;
        this.columns = List.of(columns);
    }

    @Override
    public final String tool() {
        return tool;
    }

    @Override
    public Set<String> tableNames() {
        return Set.of(table.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean owns(TableShape candidate) {
        return candidate.named(table) && candidate.hasColumns(columns.toArray(String[]::new));
    }
}
