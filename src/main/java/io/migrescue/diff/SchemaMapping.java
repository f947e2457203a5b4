package io.migrescue.diff;

import java.util.List;

/**
 * Which target schema a source schema corresponds to: the one of the same name if the target's scope has it, else the
 * one in the same position of {@code --target-schema} (so {@code --source-schema app --target-schema app_prod} pair
 * up, and two MySQL databases of different names do), else the first. Objects the target lacks are created there.
 */
public final class SchemaMapping {
    private final List<String> sourceScope;
    private final List<String> targetScope;

    public SchemaMapping(List<String> sourceScope, List<String> targetScope) {
        if (sourceScope.isEmpty() || targetScope.isEmpty()) {
            throw new IllegalArgumentException("each side needs at least one schema");
        }
        this.sourceScope = List.copyOf(sourceScope);
        this.targetScope = List.copyOf(targetScope);
    }

    public String targetFor(String sourceSchema) {
        if (targetScope.contains(sourceSchema)) {
            return sourceSchema;
        }
        int position = sourceScope.indexOf(sourceSchema);
        return position >= 0 && position < targetScope.size() ? targetScope.get(position) : targetScope.get(0);
    }

    public List<String> sourceScope() {
        return sourceScope;
    }

    public List<String> targetScope() {
        return targetScope;
    }
}
