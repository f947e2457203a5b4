package io.migrescue.diagnosis.error;

import java.util.List;

/** Knows one wrapper's shape (Flyway's block, Laravel's {@code (Connection: …)}, psql's prefix, …). */
interface WrapperReader {
    /** Every error of this wrapper's shape in {@code text}, in the order they occur; empty when the shape is absent. */
    List<ErrorDraft> read(String text);

    /**
     * How many errors a reader reads from one text at most: the first real one is among the first few (only a 25P02
     * follows it), and reading thousands of repeats, each looking back for its migration, would make a long log slow.
     */
    int MAX_DRAFTS = 20;
}
