package io.migrescue.model;

import java.util.List;

/**
 * A PostgreSQL enum type ({@code CREATE TYPE … AS ENUM}). MySQL and MariaDB spell enums inside the column type
 * ({@code enum('a','b')}), so there they are compared as column types.
 *
 * @param labels in the type's sort order
 */
public record EnumType(String schema, String name, List<String> labels) {
    public EnumType {
        labels = List.copyOf(labels);
    }

    public String qualifiedName() {
        return schema + "." + name;
    }
}
