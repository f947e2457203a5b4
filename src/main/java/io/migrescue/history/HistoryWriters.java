package io.migrescue.history;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The tools of {@link MigrationTools} as history writers, found by tool id. */
public final class HistoryWriters {
    private static final List<HistoryWriter> ALL = List.copyOf(MigrationTools.all());

    private HistoryWriters() {}

    public static List<HistoryWriter> all() {
        return ALL;
    }

    /**
     * The writer for a tool id as {@link io.migrescue.model.MigrationHistory#tool()} names it.
     *
     * @throws IllegalArgumentException for a tool migrescue cannot write, naming the ones it can
     */
    public static HistoryWriter forTool(String tool) {
        String wanted = tool == null ? "" : tool.toLowerCase(Locale.ROOT);
        return ALL.stream()
                .filter(w -> w.tool().equals(wanted))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("migrescue cannot write " + tool + "'s history; it writes: "
                                + ALL.stream().map(HistoryWriter::tool).collect(Collectors.joining(", "))));
    }
}
