package io.migrescue.diff;

/** A schema-qualified name in one of the two databases. */
public record QualifiedName(String schema, String name) {
    @Override
    public String toString() {
        return schema + "." + name;
    }
}
