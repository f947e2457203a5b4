package io.migrescue.diagnosis.error;

import java.util.List;

/** Knows one wrapper's shape (Flyway's block, Laravel's {@code (Connection: …)}, psql's prefix, …). */
interface WrapperReader {
    /** Every error of this wrapper's shape in {@code text}, in the order they occur; empty when the shape is absent. */
    List<ErrorDraft> read(String text);
}
