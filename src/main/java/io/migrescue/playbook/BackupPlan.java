package io.migrescue.playbook;

import java.util.List;

/**
 * What the backup step saves before anything changes.
 *
 * @param tables      the tables the plan touches, each with an optional row filter chosen by migrescue
 * @param data        rows as well as definitions
 * @param historyTool the migration tool whose history rows are saved too, or null
 */
public record BackupPlan(List<TableToSave> tables, boolean data, String historyTool) {
    public BackupPlan {
        tables = List.copyOf(tables);
    }

    /** @param where a SQL predicate built by the planner (quoted identifiers), or null for every row */
    public record TableToSave(String schema, String table, String where) {}
}
