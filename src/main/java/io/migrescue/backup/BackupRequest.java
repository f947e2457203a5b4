package io.migrescue.backup;

import java.util.List;

/**
 * What to back up.
 *
 * @param data false for definitions only ({@code backup --no-data})
 */
public record BackupRequest(List<TableSelection> tables, boolean data) {
    public BackupRequest {
        tables = List.copyOf(tables);
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("a backup needs at least one table");
        }
    }
}
