package io.migrescue.history;

/**
 * One migration tool as migrescue knows it: how its history is found and read, and how it is written. Both halves
 * name the same tool; {@link MigrationTools} holds one of these per tool.
 */
public record MigrationTool(HistoryAdapter history, HistoryWriter writer) {
    public MigrationTool {
        if (!history.tool().equals(writer.tool())) {
            throw new IllegalArgumentException(
                    "a tool's reader and writer must name the same tool: " + history.tool() + " and " + writer.tool());
        }
    }

    /** The stable id: {@code --tool}, JSON, playbooks' {@code tools:}. */
    public String id() {
        return history.tool();
    }
}
