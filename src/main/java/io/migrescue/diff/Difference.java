package io.migrescue.diff;

/**
 * One difference between the source and the target.
 *
 * @param object     schema-qualified name, e.g. {@code public.wiki_pages.wiki_pages_tags_idx}; a migration's id
 * @param missingIn  for {@code MISSING_*} kinds, the side without the object; else null
 * @param source     the source's value (type, method, definition…); for a missing object, its definition where it exists
 * @param target     the target's value, likewise
 */
public record Difference(
        DifferenceKind kind, String object, DiffSide missingIn, String source, String target, Subject subject) {

    static Difference missing(
            DifferenceKind kind, String object, DiffSide missingIn, String definition, Subject subject) {
        return missingIn == DiffSide.TARGET
                ? new Difference(kind, object, missingIn, definition, null, subject)
                : new Difference(kind, object, missingIn, null, definition, subject);
    }

    static Difference differs(DifferenceKind kind, String object, String source, String target, Subject subject) {
        return new Difference(kind, object, null, source, target, subject);
    }

    /** The migration tool a history difference is about, else null. */
    public String tool() {
        return subject instanceof Subject.OfHistory h ? h.tool() : null;
    }
}
