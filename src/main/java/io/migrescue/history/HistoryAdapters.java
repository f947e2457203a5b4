package io.migrescue.history;

import io.migrescue.failure.MigrescueException;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Every history adapter migrescue knows. */
public final class HistoryAdapters {
    private static final List<HistoryAdapter> ALL = List.of(
            new FlywayHistory(),
            new LiquibaseHistory(),
            new LaravelHistory(),
            new PrismaHistory(),
            new GolangMigrateHistory(),
            new RailsHistory());

    private HistoryAdapters() {
    }

    public static List<HistoryAdapter> all() {
        return ALL;
    }

    /** The adapters to use: all, or only the one named by {@code --tool}. */
    public static List<HistoryAdapter> select(String tool) {
        if (tool == null) {
            return ALL;
        }
        String wanted = tool.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(a -> a.tool().equals(wanted)).findFirst().map(List::of)
                .orElseThrow(() -> MigrescueException.usage("unknown --tool '" + tool + "'; known: "
                        + ALL.stream().map(HistoryAdapter::tool).collect(Collectors.joining(", "))));
    }

    public static Set<String> tableNames(List<HistoryAdapter> adapters) {
        Set<String> names = new TreeSet<>();
        adapters.forEach(a -> names.addAll(a.tableNames()));
        return names;
    }
}
