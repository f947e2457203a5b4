package io.migrescue.model;

import java.util.List;

/** What a foreign key points at, and what happens on delete and update (e.g. {@code CASCADE}, {@code NO ACTION}). */
public record ForeignKey(
        String referencedSchema,
        String referencedTable,
        List<String> referencedColumns,
        String onDelete,
        String onUpdate) {
    public ForeignKey {
        referencedColumns = List.copyOf(referencedColumns);
    }
}
