package io.migrescue.history;

import io.migrescue.failure.MigrescueException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The tools of {@link MigrationTools} as history readers, and the choice {@code --tool} and {@code --history-table} make. */
public final class HistoryAdapters {
    private static final List<HistoryAdapter> ALL = List.copyOf(MigrationTools.all());

    private HistoryAdapters() {}

    public static List<HistoryAdapter> all() {
        return ALL;
    }

    /** The adapters to use: all, or only the one named by {@code --tool}. */
    public static List<HistoryAdapter> select(String tool) {
        return select(tool, null);
    }

    /**
     * The adapters to use, with {@code --history-table}: the one tool named by {@code --tool}, looking for its history
     * under that name instead of its default (a table name means nothing without the tool whose layout it has).
     */
    public static List<HistoryAdapter> select(String tool, String historyTable) {
        if (historyTable != null && tool == null) {
            throw MigrescueException.usage(
                    "--history-table " + historyTable + " needs --tool: the table's layout is the tool's");
        }
        if (historyTable != null && historyTable.isBlank()) {
            throw MigrescueException.usage("--history-table needs a table name");
        }
        if (tool == null) {
            return ALL;
        }
        String wanted = tool.toLowerCase(Locale.ROOT);
        HistoryAdapter adapter = ALL.stream()
                .filter(a -> a.tool().equals(wanted))
                .findFirst()
                .orElseThrow(() -> MigrescueException.usage("unknown --tool '" + tool + "'; known: "
                        + ALL.stream().map(HistoryAdapter::tool).collect(Collectors.joining(", "))));
        return List.of(historyTable == null ? adapter : adapter.withTable(historyTable));
    }

    public static Set<String> tableNames(List<HistoryAdapter> adapters) {
        Set<String> names = new TreeSet<>();
        adapters.forEach(a -> names.addAll(a.tableNames()));
        return names;
    }
}
