package io.migrescue.app;

import io.migrescue.diff.DiffOptions;
import java.util.List;

/**
 * What {@code diff} was asked.
 *
 * @param sourceSchemas {@code --source-schema}, empty for the connection's current schema; likewise the target
 */
public record DiffRequest(
        List<String> sourceSchemas,
        List<String> targetSchemas,
        DiffOptions options,
        CountMode counts,
        boolean allowDestructive) {
    public DiffRequest {
        sourceSchemas = List.copyOf(sourceSchemas);
        targetSchemas = List.copyOf(targetSchemas);
    }
}
