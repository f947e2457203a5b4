package io.migrescue.model;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A table's name and column names: enough to tell which migration tool made it.
 *
 * @param columns column names in lower case
 */
public record TableShape(String schema, String name, Set<String> columns) {
    public TableShape {
        columns = columns.stream().map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public boolean named(String candidate) {
        return name.equalsIgnoreCase(candidate);
    }

    public boolean hasColumns(String... names) {
        for (String n : names) {
            if (!columns.contains(n.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    public boolean hasAnyColumn(String... names) {
        for (String n : names) {
            if (columns.contains(n.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
