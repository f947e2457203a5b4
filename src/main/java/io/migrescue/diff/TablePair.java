package io.migrescue.diff;

import io.migrescue.model.Table;

/**
 * A table as matched across the two databases; one side is null when it exists on the other only.
 *
 * @param targetSchema where the table is, or would be created, in the target database
 */
public record TablePair(Table source, Table target, String targetSchema) {
    public String name() {
        return source != null ? source.name() : target.name();
    }

    /** Its name in the target: where it is, or is to be created. */
    public QualifiedName targetName() {
        return new QualifiedName(targetSchema, name());
    }

    /** How differences name it: the source's schema-qualified name where it exists there (the reference). */
    public String object() {
        return source != null ? source.qualifiedName() : target.qualifiedName();
    }

    /** Both databases have it. */
    public boolean matched() {
        return source != null && target != null;
    }
}
